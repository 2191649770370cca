package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.Mailbox;

/** LSUB (RFC 3501 6.3.9; deprecated by IMAP4rev2 but still used by older clients). */
final class LsubCommand implements CommandHandler<ImapCommand.Lsub> {

    @Override
    public Set<SessionState> states() {
        return Commands.AUTHENTICATED;
    }

    @Override
    public void handle(ImapCommand.Lsub c, ImapSession s) throws IOException {
        MailboxPattern pattern = MailboxPattern.of(c.reference(), c.pattern());
        Set<String> existing = new HashSet<>();
        s.account().list().forEach(m -> existing.add(m.name()));
        for (String name : s.account().subscriptions()) {
            if (pattern.matches(name)) {
                s.out().line("* LSUB (" + (existing.contains(name) ? "" : "\\Noselect") + ") \""
                        + Mailbox.DELIMITER + "\" " + s.out().mailbox(name));
            }
        }
        s.complete(c, "LSUB completed.");
    }
}
