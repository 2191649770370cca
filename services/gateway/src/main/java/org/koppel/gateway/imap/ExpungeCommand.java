package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;

/** EXPUNGE and UID EXPUNGE (RFC 4315). */
final class ExpungeCommand implements CommandHandler<ImapCommand.Expunge> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Expunge c, ImapSession s) throws IOException {
        if (s.selected().readOnly()) {
            s.fail(c.tag(), "READ-ONLY", "The mailbox is read-only.");
            return;
        }
        if (c.uids().isPresent() && c.uids().get().isSaved()) {
            s.bad(c.tag(), "$ cannot be used here.");
            return;
        }
        Expunge.deleted(s, c.uids());
        // Under QRESYNC the client learns of expunges by VANISHED, which carries no MODSEQ: the tagged OK tells it
        // how far its cache is now in step (RFC 7162 3.2.10).
        s.complete(c, s.isEnabled("QRESYNC")
                ? java.util.Optional.of("HIGHESTMODSEQ " + s.selected().view().highestModSeq())
                : java.util.Optional.empty(), "EXPUNGE completed.");
    }
}
