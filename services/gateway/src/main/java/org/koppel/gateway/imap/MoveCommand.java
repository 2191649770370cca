package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;

/**
 * MOVE and UID MOVE (RFC 6851): one store move, so the messages keep their identity for ActiveSync and Outlook;
 * COPYUID comes untagged before the EXPUNGEs.
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
            if (t.destination().folder().equals(s.selected().mailbox().folder())) {
                s.fail(c.tag(), "CANNOT", "Source and destination are the same mailbox.");
                return;
            }
            s.account().session().messages().move(t.entryIds(), t.destination().folder());
            Optional<String> copyUid = t.copyUid(s, t.entryIds());
            if (copyUid.isPresent()) {
                s.out().untagged("OK", copyUid, "Moved.");
            }
            s.selected().view().refresh();
        }
        s.complete(c, "MOVE completed.");
    }
}
