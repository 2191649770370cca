package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.mapi.EntryId;

/**
 * MOVE and UID MOVE (RFC 6851): one store move, so the messages keep their identity for ActiveSync and Outlook;
 * COPYUID comes untagged before the EXPUNGEs. Into the selected mailbox itself it is a copy and an expunge.
 */
final class MoveCommand implements CommandHandler<ImapCommand.Move> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Move c, ImapSession s) throws IOException {
        if (s.selected().readOnly()) {
            s.fail(c.tag(), "READ-ONLY", "The mailbox is read-only.");
            return;
        }
        CopyCommand.Transfer t = CopyCommand.Transfer.prepare(s, c.tag(), c.set(), c.uid(), c.mailbox());
        if (t == null) {
            return;
        }
        if (!t.sources().isEmpty()) {
            Optional<String> copyUid;
            if (t.destination().folder().equals(s.selected().mailbox().folder())) {
                // Into the mailbox itself (RFC 6851 does not forbid it): the messages come back under new UIDs,
                // as copies whose originals are expunged, so the client sees COPYUID and then the EXPUNGEs.
                List<EntryId> copies = s.account().session().messages().copy(t.entryIds(), t.destination().folder());
                s.account().session().messages().delete(t.entryIds(), false);
                copyUid = t.copyUid(s, copies);
            } else {
                s.account().session().messages().move(t.entryIds(), t.destination().folder());
                copyUid = t.copyUid(s, t.entryIds());
            }
            if (copyUid.isPresent()) {
                s.out().untagged("OK", copyUid, "Moved.");
            }
            s.selected().view().refresh();
        }
        s.complete(c, "MOVE completed.");
    }
}
