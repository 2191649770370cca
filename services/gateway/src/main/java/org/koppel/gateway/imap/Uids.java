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
