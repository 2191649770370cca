package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.SequenceSet;
import org.koppel.gateway.mailbox.Flags;
import org.koppel.gateway.mailbox.FolderWatch;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;

/** SELECT and EXAMINE (with CONDSTORE and QRESYNC, RFC 7162), CLOSE, UNSELECT (RFC 3691) and CHECK. */
final class SelectCommands {

    static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft",
            Flags.FORWARDED);

    CommandHandler<ImapCommand.Select> select() {
        return CommandHandler.of(Commands.AUTHENTICATED, this::select);
    }

    private void select(ImapCommand.Select c, ImapSession s) throws IOException {
        if (s.selected() != null) {
            // RFC 9051 7.1 (and RFC 7162 3.2.11): the boundary between the old mailbox's responses and the new one's.
            s.unselect();
            s.out().untagged("OK", Optional.of("CLOSED"), "Previous mailbox closed.");
        }
        Optional<Mailbox> found = s.account().find(c.mailbox());
        if (found.isEmpty() || found.get().specialUse().contains("\\Noselect")) {
            s.fail(c.tag(), "NONEXISTENT", "No such mailbox.");
            return;
        }
        if (c.qresync().isPresent() && !s.isEnabled("QRESYNC")) {
            s.bad(c.tag(), "QRESYNC must be enabled first.");
            return;
        }
        if (c.condStore()) {
            s.enable("CONDSTORE");
        }
        Mailbox m = found.get();
        // Subscribe before reading, so nothing that happens in between is missed.
        FolderWatch watch = new FolderWatch(s.account().session(), m.folder());
        MailboxView view;
        try {
            view = s.account().open(m);
            watch.takeChanged();
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
        RecentMessages recent = RecentMessages.none();
        if (!s.rev2()) {
            // SELECT takes the messages no session has been told about yet; EXAMINE only looks (RFC 3501 6.3.2).
            RecentWatermarks marks = s.context().recent();
            long highest = view.uidNext() - 1;
            if (c.readOnly()) {
                recent.add(marks.peek(m.folder(), highest), Long.MAX_VALUE);
            } else {
                recent.add(marks.claim(m.folder(), highest), highest);
            }
        }
        s.select(new Selected(m, view, watch, c.readOnly(), recent));
        ImapOutput o = s.out();
        Set<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (long uid : view.uids()) {
            view.entry(uid).ifPresent(e -> keywords.addAll(e.flags().keywords()));
        }
        List<String> flags = new ArrayList<>(SYSTEM_FLAGS);
        flags.addAll(keywords);
        o.line("* FLAGS " + ImapOutput.flags(flags));
        List<String> permanent = new ArrayList<>(flags);
        permanent.add("\\*");
        o.untagged("OK", Optional.of("PERMANENTFLAGS " + (c.readOnly() ? "()" : ImapOutput.flags(permanent))),
                c.readOnly() ? "No permanent flags in a read-only mailbox." : "Flags permitted.");
        o.line("* " + view.exists() + " EXISTS");
        if (s.rev2()) {
            // RFC 9051 6.3.2: the server MUST return a LIST response with the mailbox name and accurate attributes.
            o.line("* LIST " + ImapOutput.flags(ListCommand.attributes(m)) + " \"" + Mailbox.DELIMITER + "\" "
                    + o.mailbox(m.name()));
        } else {
            o.line("* " + recent.count(view.uids()) + " RECENT");
            int unseen = view.firstUnseen();
            if (unseen > 0) {
                o.untagged("OK", Optional.of("UNSEEN " + unseen), "First unseen.");
            }
        }
        o.untagged("OK", Optional.of("UIDVALIDITY " + view.uidValidity()), "UIDs valid.");
        o.untagged("OK", Optional.of("UIDNEXT " + view.uidNext()), "Predicted next UID.");
        o.untagged("OK", Optional.of("HIGHESTMODSEQ " + view.highestModSeq()), "Highest.");
        if (c.qresync().isPresent() && c.qresync().get().uidValidity() == view.uidValidity()) {
            resync(s, view, c.qresync().get());
        }
        s.out().tagged(c.tag(), "OK", Optional.of(c.readOnly() ? "READ-ONLY" : "READ-WRITE"),
                (c.readOnly() ? "EXAMINE" : "SELECT") + " completed.");
    }

    /**
     * QRESYNC (RFC 7162 3.2.5): what was expunged since the client's MODSEQ among the UIDs it names (a superset is
     * allowed: UIDs it never saw are ignored by it), then every message changed since.
     */
    private static void resync(ImapSession s, MailboxView view, ImapCommand.QResync q) throws IOException {
        long[] present = view.uids();
        String vanished = q.knownUids().isPresent()
                ? Uids.missing(q.knownUids().get(), present, view.uidNext() - 1)
                : Uids.missing(org.koppel.gateway.imap.syntax.SequenceSet.parse("1:*"), present, view.uidNext() - 1);
        if (!vanished.isEmpty()) {
            s.out().line("* VANISHED (EARLIER) " + vanished);
        }
        for (int seq = 1; seq <= present.length; seq++) {
            MessageEntry e = view.entry(present[seq - 1]).orElse(null);
            if (e != null && e.modSeq() > q.modSeq()) {
                s.out().line("* " + seq + " FETCH (UID " + e.uid() + " FLAGS " + s.flagList(e.uid(), e.flags())
                        + " MODSEQ (" + e.modSeq() + "))");
            }
        }
    }

    CommandHandler<ImapCommand.Close> close() {
        return CommandHandler.of(Commands.SELECTED, (c, s) -> {
            if (!s.selected().readOnly()) {
                Expunge.deleted(s, Optional.empty());
            }
            s.unselect();
            s.out().tagged(c.tag(), "OK", Optional.empty(), "CLOSE completed.");
        });
    }

    CommandHandler<ImapCommand.Unselect> unselect() {
        return CommandHandler.of(Commands.SELECTED, (c, s) -> {
            s.unselect();
            s.out().tagged(c.tag(), "OK", Optional.empty(), "UNSELECT completed.");
        });
    }

    CommandHandler<ImapCommand.Check> check() {
        return CommandHandler.of(Commands.SELECTED, (c, s) -> {
            s.poll();
            s.complete(c, "CHECK completed.");
        });
    }
}
