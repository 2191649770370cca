package org.koppel.gateway.imap.message;

import java.util.Locale;

/**
 * The collation SORT and THREAD compare strings in. RFC 5256 names i;ascii-casemap (RFC 4790 9.2): letters are
 * mapped to capitals, then strings compare octet by octet, so {@code [ \ ] ^ _ `} (between 'Z' and 'a') sort after
 * every letter. Koppel extends the mapping beyond ASCII in the spirit of i;unicode-casemap: a string is lowered
 * and then raised, so the case variants of one letter (Kelvin sign, dotless i, long s) share one key.
 */
public final class SortCollation {

    private SortCollation() {
    }

    /** The key a string sorts and groups by: equal keys mean equal in the collation. */
    public static String key(String s) {
        return s.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT);
    }
}
