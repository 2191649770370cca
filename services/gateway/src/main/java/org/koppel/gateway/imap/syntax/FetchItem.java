package org.koppel.gateway.imap.syntax;

import java.util.List;
import java.util.Optional;

/**
 * One FETCH data item (RFC 9051 6.4.5, RFC 3516 BINARY, RFC 7162 MODSEQ). The parser expands the macros ALL,
 * FAST and FULL into their items.
 */
public sealed interface FetchItem {

    /** Items without arguments. */
    enum Attribute implements FetchItem {
        FLAGS("FLAGS"), INTERNALDATE("INTERNALDATE"), RFC822_SIZE("RFC822.SIZE"), ENVELOPE("ENVELOPE"),
        /** The non-extensible BODYSTRUCTURE. */
        BODY("BODY"), BODYSTRUCTURE("BODYSTRUCTURE"), UID("UID"), MODSEQ("MODSEQ"),
        /** Like BODY[], answered as RFC822; sets \Seen. */
        RFC822("RFC822"),
        /** Like BODY.PEEK[HEADER], answered as RFC822.HEADER. */
        RFC822_HEADER("RFC822.HEADER"),
        /** Like BODY[TEXT], answered as RFC822.TEXT; sets \Seen. */
        RFC822_TEXT("RFC822.TEXT");

        private final String wire;

        Attribute(String wire) {
            this.wire = wire;
        }

        /** The name used in the response. */
        public String wire() {
            return wire;
        }

        /** The section the RFC822 forms stand for: BODY[], BODY[HEADER], BODY[TEXT]; empty for the others. */
        public Optional<Section> section() {
            return switch (this) {
                case RFC822 -> Optional.of(Section.whole());
                case RFC822_HEADER -> Optional.of(Section.of(Section.Text.HEADER));
                case RFC822_TEXT -> Optional.of(Section.of(Section.Text.TEXT));
                default -> Optional.empty();
            };
        }
    }

    /** {@code <origin.count>}: octets from origin, at most count of them. */
    record Partial(long origin, long count) {
        public Partial {
            if (origin < 0 || count < 1) {
                throw new IllegalArgumentException("invalid partial");
            }
        }
    }

    /**
     * BODY[section]&lt;partial&gt; and BODY.PEEK[...]. The response names it {@code BODY[section]<origin>} (origin
     * only when partial).
     */
    record BodySection(Section section, boolean peek, Optional<Partial> partial) implements FetchItem {
    }

    /** BINARY[part]&lt;partial&gt; and BINARY.PEEK[part]: the part's content with its transfer encoding undone. */
    record Binary(List<Integer> part, boolean peek, Optional<Partial> partial) implements FetchItem {
        public Binary {
            part = List.copyOf(part);
        }
    }

    /** BINARY.SIZE[part]: the size of what BINARY[part] would return. */
    record BinarySize(List<Integer> part) implements FetchItem {
        public BinarySize {
            part = List.copyOf(part);
        }
    }

    /**
     * The name this item has in the FETCH response: {@code BODY[1.HEADER.FIELDS (FROM)]<0>} for
     * {@code BODY.PEEK[1.HEADER.FIELDS (From)]<0.100>} (PEEK and the count are dropped, RFC 9051 7.5.2).
     */
    default String responseName() {
        return switch (this) {
            case Attribute a -> a.wire();
            case BodySection b -> "BODY[" + b.section().wire() + "]" + origin(b.partial());
            case Binary b -> "BINARY[" + Section.partPath(b.part()) + "]" + origin(b.partial());
            case BinarySize b -> "BINARY.SIZE[" + Section.partPath(b.part()) + "]";
        };
    }

    private static String origin(Optional<Partial> partial) {
        return partial.map(p -> "<" + p.origin() + ">").orElse("");
    }

    /** Whether fetching this item sets \Seen on a read-write mailbox. */
    default boolean setsSeen() {
        return switch (this) {
            case Attribute a -> a == Attribute.RFC822 || a == Attribute.RFC822_TEXT;
            case BodySection b -> !b.peek();
            case Binary b -> !b.peek();
            case BinarySize b -> false;
        };
    }
}
