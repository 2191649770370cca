package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.StatusItem;
import org.koppel.gateway.mailbox.MailAccount;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.ImapFolderState;

/**
 * STATUS (RFC 9051 6.3.11) with DELETED, SIZE (RFC 8438), HIGHESTMODSEQ (RFC 7162) and APPENDLIMIT (RFC 7889).
 * The counts come from the folder's counters and change numbers, without reading its messages; only DELETED
 * needs them.
 */
final class StatusCommand implements CommandHandler<ImapCommand.Status> {

    @Override
    public Set<SessionState> states() {
        return Commands.AUTHENTICATED;
    }

    @Override
    public void handle(ImapCommand.Status c, ImapSession s) throws IOException {
        Mailbox m = s.account().find(c.mailbox()).orElse(null);
        if (m == null || m.specialUse().contains("\\Noselect")) {
            s.fail(c.tag(), "NONEXISTENT", "No such mailbox.");
            return;
        }
        s.out().line("* STATUS " + s.out().mailbox(m.name()) + " " + items(s, m, c.items()));
        s.complete(c, "STATUS completed.");
    }

    /** The parenthesised STATUS items of a mailbox. */
    static String items(ImapSession s, Mailbox m, Set<StatusItem> wanted) {
        if (wanted.contains(StatusItem.HIGHESTMODSEQ)) {
            s.enable("CONDSTORE"); // a CONDSTORE enabling command (RFC 7162 3.1)
        }
        MailAccount account = s.account();
        FolderInfo info = account.session().folders().info(m.folder());
        ImapFolderState imap = wanted.stream().anyMatch(i -> i == StatusItem.UIDNEXT || i == StatusItem.UIDVALIDITY
                || i == StatusItem.HIGHESTMODSEQ || i == StatusItem.RECENT)
                ? account.session().changes().imapState(m.folder()) : null;
        List<String> out = new ArrayList<>();
        for (StatusItem item : StatusItem.values()) {
            if (!wanted.contains(item)) {
                continue;
            }
            long value = switch (item) {
                case MESSAGES -> info.contentCount();
                case RECENT -> recent(s, m, imap);
                case UIDNEXT -> imap.uidNext();
                case UIDVALIDITY -> imap.uidValidity();
                case UNSEEN -> info.unreadCount();
                case DELETED -> deleted(s, m);
                case SIZE -> info.sizeBytes();
                case HIGHESTMODSEQ -> imap.highestModSeq();
                case APPENDLIMIT -> s.context().config().maxLiteralSize();
            };
            out.add(item.name() + " " + value);
        }
        return "(" + String.join(" ", out) + ")";
    }

    /**
     * RECENT: the messages no session has claimed yet (STATUS claims nothing); in the selected mailbox, those
     * recent in this session. IMAP4rev2 has no \\Recent.
     */
    private static long recent(ImapSession s, Mailbox m, ImapFolderState imap) {
        if (s.rev2()) {
            return 0;
        }
        if (s.selected() != null && s.selected().mailbox().folder().equals(m.folder())) {
            return s.selected().recent().count(s.selected().view().uids());
        }
        long highest = imap.uidNext() - 1;
        long mark = s.context().recent().peek(m.folder(), highest);
        if (mark >= highest) {
            return 0; // the common case: nothing new since a session last looked, no need to read the folder
        }
        long n = 0;
        for (long uid : s.account().open(m).uids()) {
            if (uid > mark) {
                n++;
            }
        }
        return n;
    }

    private static long deleted(ImapSession s, Mailbox m) {
        MailboxView view = s.selected() != null && s.selected().mailbox().folder().equals(m.folder())
                ? s.selected().view() : s.account().open(m);
        long n = 0;
        for (long uid : view.uids()) {
            if (view.entry(uid).map(MessageEntry::flags).map(f -> f.deleted()).orElse(false)) {
                n++;
            }
        }
        return n;
    }
}
