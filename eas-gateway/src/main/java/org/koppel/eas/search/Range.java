package org.koppel.eas.search;

import java.util.Optional;

/**
 * A Range of Search and Find ([MS-ASCMD] 2.2.3.143): the zero-based first and last result, inclusive, written
 * "first-last".
 */
public record Range(int first, int last) {

    /** The most results one response carries, whatever range is asked for. */
    public static final int MAX_SIZE = 100;

    /** The range a request without one gets. */
    public static final Range DEFAULT = new Range(0, MAX_SIZE - 1);

    public Range {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range: " + first + "-" + last);
        }
    }

    /** The range a request's text names, if it is one. */
    public static Optional<Range> parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return Optional.empty();
        }
        try {
            int first = Integer.parseInt(text.substring(0, dash));
            int last = Integer.parseInt(text.substring(dash + 1));
            return first >= 0 && last >= first ? Optional.of(new Range(first, last)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How many results the range holds, capped at {@link #MAX_SIZE}. */
    public int size() {
        return (int) Math.min(MAX_SIZE, (long) last - first + 1);
    }

    /** The range of {@code count} results from {@code first}. */
    public static Range of(int first, int count) {
        return new Range(first, first + count - 1);
    }

    public String text() {
        return first + "-" + last;
    }
}
