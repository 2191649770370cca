package org.koppel.gateway.imap.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An IMAP sequence-set (RFC 9051 section 9): message numbers or UIDs, {@code *} for the largest one in use, ranges
 * in either order, or {@code $} for the result saved by SEARCHRES (RFC 5182), which the session substitutes.
 */
public final class SequenceSet {

    /** Stands for {@code *} in a {@link Range}. */
    public static final long STAR = -1;

    /** The largest value a sequence number or UID can take. */
    public static final long MAX_VALUE = 0xFFFF_FFFFL;

    /** One element as written: {@code from:to} (maybe reversed), or a single number with {@code from == to}. */
    public record Range(long from, long to) {

        public Range {
            if (!valid(from) || !valid(to)) {
                throw new IllegalArgumentException("sequence number out of range");
            }
        }

        private static boolean valid(long n) {
            return n == STAR || (n >= 1 && n <= MAX_VALUE);
        }

        long low(long largest) {
            return Math.min(value(from, largest), value(to, largest));
        }

        long high(long largest) {
            return Math.max(value(from, largest), value(to, largest));
        }

        private static long value(long n, long largest) {
            return n == STAR ? largest : n;
        }
    }

    private static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    private final List<Range> ranges;
    private final boolean saved;

    private SequenceSet(List<Range> ranges, boolean saved) {
        this.ranges = ranges;
        this.saved = saved;
    }

    /** The {@code $} set: the last result saved with {@code SEARCH RETURN (SAVE)}. */
    public static SequenceSet saved() {
        return SAVED;
    }

    public static SequenceSet of(List<Range> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("empty sequence set");
        }
        return new SequenceSet(List.copyOf(ranges), false);
    }

    /** The set of exactly these values (need not be sorted), compacted into ranges. */
    public static SequenceSet ofValues(long... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("empty sequence set");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Range> ranges = new ArrayList<>();
        long start = sorted[0];
        long end = start;
        for (int i = 1; i < sorted.length; i++) {
            long v = sorted[i];
            if (v == end || v == end + 1) {
                end = v;
            } else {
                ranges.add(new Range(start, end));
                start = v;
                end = v;
            }
        }
        ranges.add(new Range(start, end));
        return new SequenceSet(List.copyOf(ranges), false);
    }

    /**
     * Parses the wire form.
     *
     * @throws IllegalArgumentException for an empty set, zero, a number above 2^32-1, or anything else malformed
     */
    public static SequenceSet parse(CharSequence text) {
        if (text.length() == 1 && text.charAt(0) == '$') {
            return SAVED;
        }
        List<Range> ranges = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            long[] first = new long[1];
            i = number(text, i, first);
            long to = first[0];
            if (i < n && text.charAt(i) == ':') {
                long[] second = new long[1];
                i = number(text, i + 1, second);
                to = second[0];
            }
            ranges.add(new Range(first[0], to));
            if (i == n) {
                return new SequenceSet(List.copyOf(ranges), false);
            }
            if (text.charAt(i) != ',') {
                throw new IllegalArgumentException("malformed sequence set");
            }
            i++;
        }
    }

    private static int number(CharSequence text, int start, long[] out) {
        int n = text.length();
        if (start < n && text.charAt(start) == '*') {
            out[0] = STAR;
            return start + 1;
        }
        long value = 0;
        int i = start;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > MAX_VALUE) {
                throw new IllegalArgumentException("sequence number too large");
            }
            i++;
        }
        if (i == start || value == 0) {
            throw new IllegalArgumentException("malformed sequence number");
        }
        out[0] = value;
        return i;
    }

    /** Whether this is {@code $}; such a set has no ranges and must be replaced before it is resolved. */
    public boolean isSaved() {
        return saved;
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** Whether {@code value} is in the set when {@code *} stands for {@code largest}. */
    public boolean contains(long value, long largest) {
        requireRanges();
        for (Range r : ranges) {
            if (value >= r.low(largest) && value <= r.high(largest)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a number written explicitly exceeds {@code largest} (a message number beyond the count is BAD). */
    public boolean exceeds(long largest) {
        requireRanges();
        for (Range r : ranges) {
            if (r.from() > largest || r.to() > largest) {
                return true;
            }
        }
        return false;
    }

    /**
     * The UIDs of the mailbox that the set names, ascending and without repeats; {@code *} is the largest UID, so
     * {@code 559:*} includes the last message even when its UID is below 559 (RFC 9051 6.4.9).
     */
    public long[] selectUids(long[] sortedUids) {
        requireRanges();
        if (sortedUids.length == 0) {
            return sortedUids;
        }
        long largest = sortedUids[sortedUids.length - 1];
        BitSet hit = new BitSet(sortedUids.length);
        for (Range r : ranges) {
            int from = insertionPoint(sortedUids, r.low(largest));
            int to = insertionPoint(sortedUids, r.high(largest) + 1);
            if (from < to) {
                hit.set(from, to);
            }
        }
        long[] out = new long[hit.cardinality()];
        int k = 0;
        for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1)) {
            out[k++] = sortedUids[i];
        }
        return out;
    }

    /** The message sequence numbers in 1..{@code messageCount} that the set names, ascending, without repeats. */
    public int[] selectNumbers(int messageCount) {
        requireRanges();
        BitSet hit = new BitSet(messageCount + 1);
        for (Range r : ranges) {
            long low = Math.max(1, r.low(messageCount));
            long high = Math.min(messageCount, r.high(messageCount));
            if (low <= high) {
                hit.set((int) low, (int) high + 1);
            }
        }
        return hit.stream().toArray();
    }

    private static int insertionPoint(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    private void requireRanges() {
        if (saved) {
            throw new IllegalStateException("$ must be replaced by the saved search result first");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet s && s.saved == saved && s.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode() * 31 + (saved ? 1 : 0);
    }

    /** The wire form. */
    @Override
    public String toString() {
        if (saved) {
            return "$";
        }
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(r.from() == STAR ? "*" : Long.toString(r.from()));
            if (r.to() != r.from()) {
                sb.append(':').append(r.to() == STAR ? "*" : Long.toString(r.to()));
            }
        }
        return sb.toString();
    }
}
