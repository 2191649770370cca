package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.FlagProperties;
import org.koppel.gateway.mailbox.Flags;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.MessageUpdate;
import org.koppel.store.client.Session;

/**
 * STORE and UID STORE (RFC 9051 6.4.6) with UNCHANGEDSINCE (RFC 7162 3.1.3). The flag properties of every message
 * that changes go to the store in one transaction, read-state changes in at most two more (set and clear).
 */
final class StoreCommand implements CommandHandler<ImapCommand.Store> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Store c, ImapSession s) throws IOException {
        if (s.selected().readOnly()) {
            s.fail(c.tag(), "READ-ONLY", "The mailbox is read-only.");
            return;
        }
        long[] uids = Targets.resolve(s, c.set(), c.uid());
        if (uids == null) {
            s.bad(c.tag(), "Invalid message number.");
            return;
        }
        if (c.unchangedSince().isPresent()) {
            s.enable("CONDSTORE");
        }
        MailboxView view = s.selected().view();
        s.selected().refreshIfChanged();
        Flags given = Flags.parse(c.flags());
        FlagProperties props = s.account().flagProperties();
        Session session = s.account().session();
        List<MessageUpdate> updates = new ArrayList<>();
        List<EntryId> markRead = new ArrayList<>();
        List<EntryId> markUnread = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        List<Long> touched = new ArrayList<>();
        for (long uid : uids) {
            MessageEntry e = view.entry(uid).orElse(null);
            if (e == null) {
                continue; // expunged by someone else; the client hears of it later
            }
            if (c.unchangedSince().isPresent() && e.modSeq() > c.unchangedSince().getAsLong()) {
                modified.add(uid);
                continue;
            }
            Flags now = e.flags();
            Flags wanted = switch (c.mode()) {
                case REPLACE -> given;
                case ADD -> now.plus(given);
                case REMOVE -> now.minus(given);
            };
            FlagProperties.Update u = props.update(e.raw(), wanted);
            touched.add(uid);
            if (u.isEmpty()) {
                continue;
            }
            if (!u.set().isEmpty() || !u.remove().isEmpty()) {
                updates.add(new MessageUpdate(e.entryId(), u.set(), u.remove()));
            }
            u.read().ifPresent(read -> (read ? markRead : markUnread).add(e.entryId()));
        }
        if (!updates.isEmpty()) {
            session.messages().updateAll(updates);
        }
        if (!markRead.isEmpty()) {
            session.messages().setReadFlags(view.folder(), markRead, true);
        }
        if (!markUnread.isEmpty()) {
            session.messages().setReadFlags(view.folder(), markUnread, false);
        }
        view.refresh();
        for (long uid : touched) {
            MessageEntry e = view.entry(uid).orElse(null);
            int seq = view.seqOf(uid);
            if (e == null || seq == 0) {
                continue;
            }
            Flags flags = e.flags();
            view.told(uid, flags);
            if (c.silent() && !s.condStore()) {
                continue;
            }
            StringBuilder line = new StringBuilder("* ").append(seq).append(" FETCH (");
            if (!c.silent()) {
                line.append("FLAGS ").append(s.flagList(uid, flags)).append(' ');
            }
            line.append("UID ").append(uid);
            if (s.condStore()) {
                line.append(" MODSEQ (").append(e.modSeq()).append(')');
            }
            s.out().line(line.append(')').toString());
        }
        if (!modified.isEmpty()) {
            long[] m = modified.stream().mapToLong(Long::longValue).toArray();
            String set = c.uid() ? Uids.compact(m) : seqs(view, m);
            s.complete(c, java.util.Optional.of("MODIFIED " + set), "Conditional STORE failed for some messages.");
            return;
        }
        s.complete(c, "STORE completed.");
    }

    private static String seqs(MailboxView view, long[] uids) {
        long[] seqs = new long[uids.length];
        for (int i = 0; i < uids.length; i++) {
            seqs[i] = view.seqOf(uids[i]);
        }
        return Uids.compact(seqs);
    }
}
