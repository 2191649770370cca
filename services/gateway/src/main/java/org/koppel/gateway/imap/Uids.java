package org.koppel.gateway.imap;

import java.util.List;

/** UID lists in the compact sequence-set form responses use ({@code 1:3,7,9:10}). */
final class Uids {

    private Uids() {
    }

    /** Ascending, distinct values as ranges. */
    static String compact(List<Long> ascending) {
        long[] a = new long[ascending.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ascending.get(i);
        }
        return compact(a);
    }

    /**
     * The UIDs up to {@code top} that {@code set} names and that are not in {@code present} (ascending), as a
     * compact set: what VANISHED (EARLIER) reports (RFC 7162 3.2.5.1 lets it include UIDs the client never saw).
     * Works on ranges, so {@code 1:*} over a large mailbox stays cheap.
     */
    static String missing(org.koppel.gateway.imap.syntax.SequenceSet set, long[] present, long top) {
        StringBuilder out = new StringBuilder();
        if (top < 1) {
            return "";
        }
        for (org.koppel.gateway.imap.syntax.SequenceSet.Range r : set.ranges()) {
            long a = r.from() == org.koppel.gateway.imap.syntax.SequenceSet.STAR ? top : r.from();
            long b = r.to() == org.koppel.gateway.imap.syntax.SequenceSet.STAR ? top : r.to();
            long from = Math.min(a, b);
            long end = Math.min(Math.max(a, b), top);
            int i = java.util.Arrays.binarySearch(present, from);
            i = i >= 0 ? i : -i - 1;
            while (from <= end) {
                long nextPresent = i < present.length ? present[i] : Long.MAX_VALUE;
                long to = Math.min(end, nextPresent - 1);
                if (from <= to) {
                    if (!out.isEmpty()) {
                        out.append(',');
                    }
                    out.append(from == to ? Long.toString(from) : from + ":" + to);
                }
                if (nextPresent == Long.MAX_VALUE) {
                    break;
                }
                from = nextPresent + 1;
                i++;
            }
        }
        return out.toString();
    }

    static String compact(long[] ascending) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < ascending.length) {
            int j = i;
            while (j + 1 < ascending.length && ascending[j + 1] == ascending[j] + 1) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(ascending[i]);
            if (j > i) {
                sb.append(':').append(ascending[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
