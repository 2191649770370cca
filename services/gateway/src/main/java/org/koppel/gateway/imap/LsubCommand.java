package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
        List<String> subscribed = s.account().subscriptions();
        Set<String> listed = new LinkedHashSet<>();
        Set<String> parentsOnly = new HashSet<>();
        for (String name : subscribed) {
            if (pattern.matches(name)) {
                listed.add(name);
            } else if (c.pattern().indexOf('%') >= 0) {
                // RFC 3501 6.3.9: "foo/bar" subscribed but not "foo": "%" returns foo, flagged \Noselect.
                for (int i = name.indexOf(Mailbox.DELIMITER); i > 0; i = name.indexOf(Mailbox.DELIMITER, i + 1)) {
                    String parent = name.substring(0, i);
                    if (pattern.matches(parent) && !subscribed.contains(parent) && listed.add(parent)) {
                        parentsOnly.add(parent);
                    }
                }
            }
        }
        for (String name : listed) {
            boolean noselect = parentsOnly.contains(name) || !existing.contains(name);
            s.out().line("* LSUB (" + (noselect ? "\\Noselect" : "") + ") \"" + Mailbox.DELIMITER + "\" "
                    + s.out().mailbox(name));
        }
        s.complete(c, "LSUB completed.");
    }
}
