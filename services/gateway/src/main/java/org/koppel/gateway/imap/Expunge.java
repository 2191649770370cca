package org.koppel.gateway.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.gateway.imap.syntax.SequenceSet;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;
import org.koppel.mapi.EntryId;

/**
 * Removes the selected mailbox's messages marked \Deleted (all, or those of a UID set), in one store call. They
 * are soft-deleted, as Kopano does: gone from every client, but an administrator can still restore them until
 * the store purges its deleted items.
 */
final class Expunge {

    private Expunge() {
    }

    /** Expunges and refreshes the view; the client hears of it with the next updates. Returns how many went. */
    static int deleted(ImapSession s, Optional<SequenceSet> uidSet) {
        MailboxView view = s.selected().view();
        s.selected().refreshIfChanged();
        long[] uids = view.uids();
        long[] chosen = uidSet.map(set -> set.selectUids(uids)).orElse(uids);
        List<EntryId> doomed = new ArrayList<>();
        for (long uid : chosen) {
            view.entry(uid).filter(e -> e.flags().deleted()).map(MessageEntry::entryId).ifPresent(doomed::add);
        }
        if (!doomed.isEmpty()) {
            s.account().session().messages().delete(doomed, false);
            view.refresh();
        }
        return doomed.size();
    }
}
