package org.koppel.eas.itemoperations;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ItemOperations Range ([MS-ASCMD] 2.2.3.143.2): "m-n", zero-based and inclusive, m <= n. The server sends
 * what it has: an end past the data is cut to the last byte, and the response's Range says what was sent.
 */
record ByteRange(long first, long last) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
        }
    }

    /** The range as sent, when it is one ("m-n" with m <= n). */
    static Optional<ByteRange> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        return first <= last ? Optional.of(new ByteRange(first, last)) : Optional.empty();
    }

    /** The part of this range inside data of {@code size} bytes; empty when it starts at or past the end. */
    Optional<ByteRange> within(long size) {
        if (first >= size) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    long length() {
        return last - first + 1;
    }

    String text() {
        return first + "-" + last;
    }
}
