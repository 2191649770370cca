package org.koppel.gateway.imap.syntax;

import java.util.List;
import java.util.Locale;

/**
 * A {@code BODY[...]} section spec (RFC 9051 6.4.5): a part path and what of that part.
 *
 * @param part   part numbers, {@code 1.2.3}; empty for the whole message
 * @param text   what of the part
 * @param fields the header field names for HEADER.FIELDS and HEADER.FIELDS.NOT, as the client wrote them
 */
public record Section(List<Integer> part, Text text, List<String> fields) {

    /** The section-text, or NONE for the part's content ({@code BODY[]}, {@code BODY[1.2]}). */
    public enum Text {
        NONE(""), HEADER("HEADER"), HEADER_FIELDS("HEADER.FIELDS"), HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        TEXT("TEXT"), MIME("MIME");

        private final String wire;

        Text(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
        if (text == Text.MIME && part.isEmpty()) {
            throw new IllegalArgumentException("MIME needs a part number");
        }
        if ((text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT) == fields.isEmpty()) {
            throw new IllegalArgumentException("header fields go with HEADER.FIELDS only, and it needs some");
        }
    }

    /** {@code BODY[]}. */
    public static Section whole() {
        return new Section(List.of(), Text.NONE, List.of());
    }

    public static Section of(Text text) {
        return new Section(List.of(), text, List.of());
    }

    /** {@code 1.2.3}, or "" for the empty path. */
    public static String partPath(List<Integer> part) {
        StringBuilder sb = new StringBuilder();
        for (int p : part) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /** The spec as it goes between the brackets in the FETCH response: {@code 1.2.HEADER.FIELDS (FROM TO)}. */
    public String wire() {
        StringBuilder sb = new StringBuilder(partPath(part));
        if (text != Text.NONE) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(text.wire());
        }
        if (!fields.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(fields.get(i).toUpperCase(Locale.ROOT));
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
