package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.koppel.gateway.imap.message.ThreadMessage;
import org.koppel.gateway.imap.message.ThreadNode;
import org.koppel.gateway.imap.message.Threading;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;

/** THREAD and UID THREAD (RFC 5256 section 2): ORDEREDSUBJECT and REFERENCES over the messages a search selects. */
final class ThreadCommand implements CommandHandler<ImapCommand.Thread> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Thread c, ImapSession s) throws IOException {
        SearchCommand.Matches found = SearchCommand.run(s, c.key());
        MailboxView view = s.selected().view();
        List<ThreadMessage> messages = new ArrayList<>(found.uids().size());
        for (int i = 0; i < found.uids().size(); i++) {
            MessageEntry e = view.entry(found.uids().get(i)).orElseThrow();
            long id = c.uid() ? e.uid() : found.seqs().get(i);
            messages.add(ThreadMessage.of(id, e.internalDate().instant(), new FetchedMessage(s, e).structure().headers()));
        }
        List<ThreadNode> threads = switch (c.algorithm()) {
            case ORDEREDSUBJECT -> Threading.orderedSubject(messages);
            case REFERENCES -> Threading.references(messages);
        };
        s.out().line("* THREAD" + (threads.isEmpty() ? "" : " " + ThreadNode.encode(threads)));
        s.complete(c, "THREAD completed.");
    }
}
