package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.SequenceSet;

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
        Optional<SequenceSet> uids = c.uids();
        if (uids.isPresent() && uids.get().isSaved()) {
            // $ is a sequence-set like any other (RFC 5182 3): the saved UIDs still in the mailbox
            long[] saved = Targets.resolve(s, uids.get(), true);
            if (saved.length == 0) {
                s.complete(c, "EXPUNGE completed, nothing saved to expunge.");
                return;
            }
            uids = Optional.of(SequenceSet.parse(Uids.compact(saved)));
        }
        Expunge.deleted(s, uids);
        // Under QRESYNC the client learns of expunges by VANISHED, which carries no MODSEQ: the tagged OK tells it
        // how far its cache is now in step (RFC 7162 3.2.10).
        s.complete(c, s.isEnabled("QRESYNC")
                ? Optional.of("HIGHESTMODSEQ " + s.selected().view().highestModSeq())
                : Optional.empty(), "EXPUNGE completed.");
    }
}
