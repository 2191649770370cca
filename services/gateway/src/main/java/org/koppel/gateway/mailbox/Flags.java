package org.koppel.gateway.mailbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A message's IMAP flags (RFC 9051 2.3.2): the system flags the store keeps as MAPI properties, and keywords
 * kept as the message's categories, so Outlook and phones see them too.
 *
 * @param keywords keyword atoms, in their case as stored (IMAP compares them case-insensitively)
 */
public record Flags(boolean seen, boolean answered, boolean flagged, boolean deleted, boolean draft,
        boolean forwarded, Set<String> keywords) {

    /** The keyword Koppel maps onto "forwarded" ([MS-OXOMSG] last verb 104), as Thunderbird and Dovecot name it. */
    public static final String FORWARDED = "$Forwarded";

    public static final Flags NONE = new Flags(false, false, false, false, false, false, Set.of());

    public Flags {
        TreeSet<String> k = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        k.addAll(keywords);
        keywords = Set.copyOf(k);
    }

    /** Parses the flag names of a STORE or APPEND flag list; \Recent and unknown \-flags are ignored. */
    public static Flags parse(Collection<String> names) {
        boolean seen = false;
        boolean answered = false;
        boolean flagged = false;
        boolean deleted = false;
        boolean draft = false;
        boolean forwarded = false;
        List<String> keywords = new ArrayList<>();
        for (String n : names) {
            switch (n.toLowerCase(Locale.ROOT)) {
                case "\\seen" -> seen = true;
                case "\\answered" -> answered = true;
                case "\\flagged" -> flagged = true;
                case "\\deleted" -> deleted = true;
                case "\\draft" -> draft = true;
                case "$forwarded" -> forwarded = true;
                default -> {
                    if (!n.startsWith("\\") && isKeyword(n)) {
                        keywords.add(n);
                    }
                }
            }
        }
        return new Flags(seen, answered, flagged, deleted, draft, forwarded, Set.copyOf(keywords));
    }

    /** The flags as IMAP writes them, system flags first. */
    public List<String> names() {
        List<String> out = new ArrayList<>(6 + keywords.size());
        if (seen) {
            out.add("\\Seen");
        }
        if (answered) {
            out.add("\\Answered");
        }
        if (flagged) {
            out.add("\\Flagged");
        }
        if (deleted) {
            out.add("\\Deleted");
        }
        if (draft) {
            out.add("\\Draft");
        }
        if (forwarded) {
            out.add(FORWARDED);
        }
        out.addAll(keywords);
        return out;
    }

    /** These flags plus {@code other}'s (STORE +FLAGS). */
    public Flags plus(Flags other) {
        Set<String> k = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        k.addAll(keywords);
        k.addAll(other.keywords);
        return new Flags(seen || other.seen, answered || other.answered, flagged || other.flagged,
                deleted || other.deleted, draft || other.draft, forwarded || other.forwarded, k);
    }

    /** These flags without {@code other}'s (STORE -FLAGS). */
    public Flags minus(Flags other) {
        Set<String> k = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        k.addAll(keywords);
        // Not removeAll: when the sets are the same size it asks other.keywords (case-sensitive) instead of k.
        other.keywords.forEach(k::remove);
        return new Flags(seen && !other.seen, answered && !other.answered, flagged && !other.flagged,
                deleted && !other.deleted, draft && !other.draft, forwarded && !other.forwarded, k);
    }

    /** The system flags as bits (keywords aside), for compact per-message bookkeeping. */
    int bits() {
        return (seen ? 1 : 0) | (answered ? 2 : 0) | (flagged ? 4 : 0) | (deleted ? 8 : 0) | (draft ? 16 : 0)
                | (forwarded ? 32 : 0);
    }

    static Flags of(int bits, Set<String> keywords) {
        return new Flags((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0,
                (bits & 32) != 0, keywords);
    }

    public boolean hasKeyword(String keyword) {
        if (keyword.equalsIgnoreCase(FORWARDED)) {
            return forwarded;
        }
        return keywords.stream().anyMatch(k -> k.equalsIgnoreCase(keyword));
    }

    /** Keyword syntax: an IMAP atom without the characters RFC 9051 excludes from flag keywords. */
    public static boolean isKeyword(String s) {
        if (s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
