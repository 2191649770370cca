package org.koppel.gateway.imap.syntax;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A SEARCH criterion (RFC 9051 6.4.4, RFC 3501, MODSEQ from RFC 7162, OLDER/YOUNGER from RFC 5032). The parser
 * reduces synonyms: NEW is {@code And(Recent, Flag(\Seen, false))}, OLD is {@code Not(Recent)}, the sender and
 * recipient keys are {@link Header} with the field name.
 */
public sealed interface SearchKey {

    /** ALL. */
    record All() implements SearchKey {
    }

    /**
     * A flag test: ANSWERED/UNANSWERED, DELETED, DRAFT, FLAGGED, SEEN, KEYWORD/UNKEYWORD.
     *
     * @param flag the system flag with its backslash ({@code \Seen}) or the keyword
     * @param set  true for the positive key (SEEN), false for the negative one (UNSEEN)
     */
    record Flag(String flag, boolean set) implements SearchKey {
    }

    /** RECENT (IMAP4rev1 only). */
    record Recent() implements SearchKey {
    }

    /** BCC, CC, FROM, SUBJECT, TO and HEADER: the field contains {@code value}, case-insensitively; "" matches presence. */
    record Header(String field, String value) implements SearchKey {
    }

    /** BODY: the body (after the header) contains the text. */
    record Body(String text) implements SearchKey {
    }

    /** TEXT: the header or the body contains the text. */
    record Text(String text) implements SearchKey {
    }

    /** How a date is compared: BEFORE, ON, SINCE (SINCE means on or after). */
    enum DateComparison { BEFORE, ON, SINCE }

    /** BEFORE, ON, SINCE: the internal date, disregarding time and zone. */
    record InternalDate(DateComparison comparison, LocalDate date) implements SearchKey {
    }

    /** SENTBEFORE, SENTON, SENTSINCE: the Date header, disregarding time and zone. */
    record SentDate(DateComparison comparison, LocalDate date) implements SearchKey {
    }

    /** LARGER (size greater than) and SMALLER (size less than) the RFC822.SIZE. */
    record Size(boolean larger, long octets) implements SearchKey {
    }

    /** OLDER / YOUNGER (RFC 5032): internal date more / less than {@code seconds} ago. */
    record Age(boolean older, long seconds) implements SearchKey {
    }

    /** UID sequence-set (possibly {@code $}). */
    record Uid(SequenceSet uids) implements SearchKey {
    }

    /** A bare sequence-set of message numbers (possibly {@code $}). */
    record Sequence(SequenceSet numbers) implements SearchKey {
    }

    /**
     * MODSEQ (RFC 7162 3.1.5): the message's mod-sequence is at least {@code modSeq}.
     *
     * @param entryName the {@code "/flags/\Seen"} entry if given, with its type (priv, shared, all)
     */
    record ModSeq(long modSeq, Optional<String> entryName, Optional<String> entryType) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    /** A parenthesised list, or the top-level list: all must match. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }
}
