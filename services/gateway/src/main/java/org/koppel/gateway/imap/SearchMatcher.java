package org.koppel.gateway.imap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.koppel.gateway.imap.message.ContentSearch;
import org.koppel.gateway.imap.syntax.SearchKey;
import org.koppel.gateway.mailbox.Flags;
import org.koppel.gateway.mailbox.MessageEntry;

/**
 * Decides whether a message matches a SEARCH key (RFC 9051 6.4.4). Keys on flags, numbers, dates and MODSEQ
 * use what the view holds; keys on the text (headers, body, sent date, size) read the message, and only for
 * messages the cheap keys have not already ruled out.
 */
final class SearchMatcher {

    private final ImapSession session;
    private final long[] known;
    private final long largestUid;
    private final Instant now = Instant.now();

    SearchMatcher(ImapSession session) {
        this.session = session;
        this.known = session.selected().view().uids();
        this.largestUid = known.length == 0 ? 0 : known[known.length - 1];
    }

    boolean matches(SearchKey key, int seq, FetchedMessage m) {
        try {
            return test(key, seq, m);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean test(SearchKey key, int seq, FetchedMessage m) throws java.io.IOException {
        MessageEntry e = m.entry();
        return switch (key) {
            case SearchKey.All a -> true;
            case SearchKey.Flag f -> flag(e, f.flag()) == f.set();
            case SearchKey.Recent r -> session.selected().recent().contains(e.uid());
            // the calendar date in the internal date's own zone, "disregarding time and timezone" (RFC 9051 6.4.4)
            case SearchKey.InternalDate d -> compare(e.internalDate().inZone().toLocalDate(),
                    d.comparison(), d.date());
            case SearchKey.Age a -> a.older() ? e.internalDate().instant().isBefore(now.minusSeconds(a.seconds()))
                    : !e.internalDate().instant().isBefore(now.minusSeconds(a.seconds()));
            case SearchKey.Uid u -> u.uids().isSaved() ? saved(e.uid()) : u.uids().contains(e.uid(), largestUid);
            case SearchKey.Sequence q -> q.numbers().isSaved() ? saved(e.uid())
                    : q.numbers().contains(seq, known.length);
            case SearchKey.ModSeq q -> e.modSeq() >= q.modSeq();
            case SearchKey.Size z -> z.larger() ? m.text().size() > z.octets() : m.text().size() < z.octets();
            case SearchKey.SentDate d -> ContentSearch.sentDateMatches(m.structure().headers(), d.comparison(),
                    d.date());
            case SearchKey.Header h -> ContentSearch.headerContains(m.structure().headers(), h.field(), h.value());
            case SearchKey.Body b -> content(m).bodyContains(b.text());
            case SearchKey.Text t -> content(m).textContains(t.text());
            case SearchKey.Not n -> !test(n.key(), seq, m);
            case SearchKey.Or o -> test(o.left(), seq, m) || test(o.right(), seq, m);
            case SearchKey.And a -> all(a.keys(), seq, m);
        };
    }

    private boolean all(java.util.List<SearchKey> keys, int seq, FetchedMessage m) throws java.io.IOException {
        for (SearchKey k : keys) {
            if (!test(k, seq, m)) {
                return false;
            }
        }
        return true;
    }

    private static ContentSearch content(FetchedMessage m) {
        return new ContentSearch(() -> m.text().open(), m.structure());
    }

    private boolean saved(long uid) {
        return Arrays.binarySearch(session.savedSearch(), uid) >= 0;
    }

    private boolean flag(MessageEntry e, String name) {
        Flags f = e.flags();
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "\\seen" -> f.seen();
            case "\\answered" -> f.answered();
            case "\\flagged" -> f.flagged();
            case "\\deleted" -> f.deleted();
            case "\\draft" -> f.draft();
            case "\\recent" -> session.selected().recent().contains(e.uid());
            default -> f.hasKeyword(name);
        };
    }

    private static boolean compare(LocalDate value, SearchKey.DateComparison how, LocalDate date) {
        return switch (how) {
            case BEFORE -> value.isBefore(date);
            case ON -> value.equals(date);
            case SINCE -> !value.isBefore(date);
        };
    }
}
