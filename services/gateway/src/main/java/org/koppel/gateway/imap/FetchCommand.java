package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.imap.message.SectionContent;
import org.koppel.gateway.imap.syntax.FetchItem;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.Section;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageEntry;
import org.koppel.mapi.EntryId;

/**
 * FETCH and UID FETCH (RFC 9051 6.4.5) with CHANGEDSINCE and VANISHED (RFC 7162). Message texts come from the
 * gateway's cache or the store; body sections are byte ranges of the text (the original as delivered), so
 * partial fetches and sizes agree exactly.
 */
final class FetchCommand implements CommandHandler<ImapCommand.Fetch> {

    @Override
    public Set<SessionState> states() {
        return Commands.SELECTED;
    }

    @Override
    public void handle(ImapCommand.Fetch c, ImapSession s) throws IOException {
        long[] uids = Targets.resolve(s, c.set(), c.uid());
        if (uids == null) {
            s.bad(c.tag(), "Invalid message number.");
            return;
        }
        if (c.vanished() && !(c.uid() && s.isEnabled("QRESYNC") && c.changedSince().isPresent())) {
            s.bad(c.tag(), "VANISHED needs UID FETCH, QRESYNC enabled and CHANGEDSINCE.");
            return;
        }
        if (c.changedSince().isPresent() || c.items().contains(FetchItem.Attribute.MODSEQ)) {
            s.enable("CONDSTORE"); // both are CONDSTORE enabling (RFC 7162 3.1)
        }
        MailboxView view = s.selected().view();
        s.selected().refreshIfChanged();
        List<FetchItem> items = new ArrayList<>(c.items());
        if (c.uid() && !items.contains(FetchItem.Attribute.UID)) {
            items.add(0, FetchItem.Attribute.UID);
        }
        if (s.condStore() && !items.contains(FetchItem.Attribute.MODSEQ)) {
            items.add(FetchItem.Attribute.MODSEQ);
        }
        if (c.vanished()) {
            String gone = Uids.missing(c.set(), view.uids(), view.uidNext() - 1);
            if (!gone.isEmpty()) {
                s.out().line("* VANISHED (EARLIER) " + gone);
            }
        }
        boolean marksSeen = !s.selected().readOnly() && items.stream().anyMatch(FetchItem::setsSeen);
        Set<Long> nowSeen = marksSeen ? markSeen(s, view, uids) : Set.of();
        for (long uid : uids) {
            MessageEntry e = view.entry(uid).orElse(null);
            int seq = view.seqOf(uid);
            if (e == null && seq != 0) {
                gone(s, seq, uid, items);
                continue;
            }
            if (e == null) {
                continue;
            }
            if (c.changedSince().isPresent() && e.modSeq() <= c.changedSince().getAsLong()) {
                continue;
            }
            List<FetchItem> these = items;
            if (nowSeen.contains(uid)) {
                // The implicit \Seen is a flag change the client must hear of, with UID under CONDSTORE (RFC 7162 3.1).
                these = new ArrayList<>(items);
                if (!these.contains(FetchItem.Attribute.FLAGS)) {
                    these.add(FetchItem.Attribute.FLAGS);
                }
                if (s.condStore() && !these.contains(FetchItem.Attribute.UID)) {
                    these.add(FetchItem.Attribute.UID);
                }
            }
            FetchedMessage m = new FetchedMessage(s, e);
            if (needsText(these) && !readable(m)) {
                continue; // deleted by someone else since the last refresh: EXPUNGE follows later
            }
            write(s, seq, m, these);
        }
        s.complete(c, "FETCH completed.");
    }

    /**
     * A message another session expunged that this client has not been told of yet (RFC 2180 4.1): UID and FLAGS
     * are still answered as the client knows them; anything else of it is gone, and the EXPUNGE follows at the
     * next command that allows one.
     */
    private static void gone(ImapSession s, int seq, long uid, List<FetchItem> items) throws IOException {
        List<String> parts = new ArrayList<>();
        for (FetchItem item : items) {
            if (item == FetchItem.Attribute.UID) {
                parts.add("UID " + uid);
            } else if (item == FetchItem.Attribute.FLAGS) {
                parts.add("FLAGS " + s.flagList(uid, s.selected().view().toldFlags(uid).orElseThrow()));
            } else {
                return;
            }
        }
        s.out().line("* " + seq + " FETCH (" + String.join(" ", parts) + ")");
    }

    private static boolean needsText(List<FetchItem> items) {
        for (FetchItem item : items) {
            if (!(item instanceof FetchItem.Attribute a) || switch (a) {
                case UID, FLAGS, MODSEQ, INTERNALDATE -> false;
                default -> true;
            }) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the message's text and structure before its response line starts, so a message deleted in the
     * meantime is skipped rather than failing half-way through a line.
     */
    private static boolean readable(FetchedMessage m) {
        try {
            m.structure();
            return true;
        } catch (org.koppel.mapi.MapiException.NotFound | org.koppel.mapi.MapiException.ObjectDeleted e) {
            return false;
        }
    }

    /** Sets \Seen on the messages not yet seen, in one store call; the UIDs it changed. */
    private static Set<Long> markSeen(ImapSession s, MailboxView view, long[] uids) {
        List<EntryId> ids = new ArrayList<>();
        Set<Long> changed = new java.util.HashSet<>();
        for (long uid : uids) {
            view.entry(uid).filter(e -> !e.raw().read()).ifPresent(e -> {
                ids.add(e.entryId());
                changed.add(uid);
            });
        }
        if (!ids.isEmpty()) {
            s.account().session().messages().setReadFlags(view.folder(), ids, true);
            view.refresh();
        }
        return changed;
    }

    private static void write(ImapSession s, int seq, FetchedMessage m, List<FetchItem> items) throws IOException {
        ImapOutput o = s.out();
        MessageEntry e = m.entry();
        for (FetchItem item : items) {
            // A part whose encoding cannot be undone fails the command before its line starts.
            switch (item) {
                case FetchItem.Binary b -> MessageSyntax.decoded(m, b.part());
                case FetchItem.BinarySize b -> MessageSyntax.decoded(m, b.part());
                default -> { }
            }
        }
        o.text("* " + seq + " FETCH (");
        boolean first = true;
        for (FetchItem item : items) {
            if (!first) {
                o.text(" ");
            }
            first = false;
            switch (item) {
                case FetchItem.Attribute a -> attribute(s, m, a);
                case FetchItem.BodySection b -> section(o, m, b);
                case FetchItem.Binary b -> MessageSyntax.binary(o, m, b);
                case FetchItem.BinarySize b -> MessageSyntax.binarySize(o, m, b);
            }
        }
        o.text(")");
        o.line("");
        if (items.contains(FetchItem.Attribute.FLAGS)) {
            s.selected().view().told(e.uid(), e.flags());
        }
    }

    private static void attribute(ImapSession s, FetchedMessage m, FetchItem.Attribute a) throws IOException {
        ImapOutput o = s.out();
        MessageEntry e = m.entry();
        switch (a) {
            case UID -> o.text("UID " + e.uid());
            case FLAGS -> o.text("FLAGS " + s.flagList(e.uid(), e.flags()));
            case MODSEQ -> o.text("MODSEQ (" + e.modSeq() + ")");
            case INTERNALDATE -> o.text("INTERNALDATE " + o.dateTime(e.internalDate().inZone()));
            case RFC822_SIZE -> o.text("RFC822.SIZE " + m.text().size());
            case ENVELOPE -> {
                o.text("ENVELOPE ");
                MessageSyntax.envelope(o, m);
            }
            case BODYSTRUCTURE -> {
                o.text("BODYSTRUCTURE ");
                MessageSyntax.bodyStructure(o, m, true);
            }
            case BODY -> {
                o.text("BODY ");
                MessageSyntax.bodyStructure(o, m, false);
            }
            case RFC822 -> {
                o.text("RFC822 ");
                try (InputStream in = m.text().open()) {
                    o.literal(in, m.text().size(), false);
                }
            }
            case RFC822_HEADER -> {
                o.text("RFC822.HEADER ");
                SectionContent c = m.sections().read(Section.of(Section.Text.HEADER)).orElseThrow();
                try (InputStream in = c.open()) {
                    o.literal(in, c.size(), false);
                }
            }
            case RFC822_TEXT -> {
                o.text("RFC822.TEXT ");
                SectionContent c = m.sections().read(Section.of(Section.Text.TEXT)).orElseThrow();
                try (InputStream in = c.open()) {
                    o.literal(in, c.size(), false);
                }
            }
        }
    }

    /** BODY[section]<partial>: the octets of the section, sliced; an empty string for a part that is not there. */
    private static void section(ImapOutput o, FetchedMessage m, FetchItem.BodySection b) throws IOException {
        Section sec = b.section();
        o.text("BODY[" + sec.wire() + "]" + b.partial().map(p -> "<" + p.origin() + ">").orElse("") + " ");
        Optional<SectionContent> content = m.sections().read(sec);
        if (content.isEmpty()) {
            o.text("\"\"");
            return;
        }
        SectionContent c = b.partial().map(p -> content.get().slice(p.origin(), p.count())).orElse(content.get());
        try (InputStream in = c.open()) {
            o.literal(in, c.size(), false);
        }
    }
}
