package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.koppel.gateway.imap.message.SortFields;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;

/** SORT and UID SORT (RFC 5256 section 3, DISPLAYFROM/DISPLAYTO of RFC 5957) over the messages a search selects. */
final class SortCommand implements CommandHandler<ImapCommand.Sort> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Sort c, ImapSession s) throws IOException {
        SearchCommand.Matches found = SearchCommand.run(s, c.key());
        MailboxView view = s.selected().view();
        List<SortFields> fields = new ArrayList<>(found.uids().size());
        for (int i = 0; i < found.uids().size(); i++) {
            MessageEntry e = view.entry(found.uids().get(i)).orElseThrow();
            FetchedMessage m = new FetchedMessage(s, e);
            long id = c.uid() ? e.uid() : found.seqs().get(i);
            fields.add(SortFields.of(id, e.internalDate().instant(), m.text().size(), m.structure().headers()));
        }
        fields.sort(SortFields.order(c.criteria()));
        StringBuilder line = new StringBuilder("* SORT");
        for (SortFields f : fields) {
            line.append(' ').append(f.id());
        }
        s.out().line(line.toString());
        s.complete(c, "SORT completed.");
    }
}
