package org.koppel.gateway.imap.message;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The base subject of RFC 5256 section 2.1: the Subject with encoded words decoded, white space collapsed and reply
 * and forward markers ({@code Re:}, {@code Fwd:}, {@code [list]} blobs, {@code (fwd)}, {@code [fwd: ...]}) removed.
 *
 * @param text           the base subject
 * @param replyOrForward whether a reply or forward marker was removed (used by REFERENCES threading, step 5)
 */
public record BaseSubject(String text, boolean replyOrForward) {

    private static final int MAX_ROUNDS = 1000;

    /** The key subjects are compared and grouped by ({@link SortCollation}). */
    public String key() {
        return SortCollation.key(text);
    }

    /** The base subject of a raw (possibly encoded) Subject header value. */
    public static BaseSubject of(String subject) {
        String s = collapse(decode(subject));
        boolean marked = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // (2) trailers
            while (true) {
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                } else if (s.regionMatches(true, Math.max(0, s.length() - 5), "(fwd)", 0, 5) && s.length() >= 5) {
                    s = s.substring(0, s.length() - 5);
                    marked = true;
                } else {
                    break;
                }
            }
            // (3) to (5): leaders and blobs
            while (true) {
                if (s.startsWith(" ")) {
                    s = s.substring(1);
                    continue;
                }
                int leader = leader(s);
                if (leader > 0) {
                    s = s.substring(leader);
                    marked = true;
                    continue;
                }
                int blob = blob(s, 0);
                if (blob > 0 && !s.substring(blob).isBlank()) {
                    s = s.substring(blob);
                    continue;
                }
                break;
            }
            // (6) [fwd: ...]
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                marked = true;
                continue;
            }
            break;
        }
        return new BaseSubject(s, marked);
    }

    private static String decode(String subject) {
        try {
            return DecoderUtil.decodeEncodedWords(subject, DecodeMonitor.SILENT);
        } catch (IllegalArgumentException e) {
            return subject;
        }
    }

    private static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        if (space) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** The end of a subj-blob ({@code "[" *BLOBCHAR "]" *WSP}) starting at {@code from}, or -1. */
    private static int blob(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '[') {
            return -1;
        }
        int i = from + 1;
        while (i < s.length() && s.charAt(i) != ']' && s.charAt(i) != '[') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != ']') {
            return -1;
        }
        i++;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of a subj-leader {@code *subj-blob subj-refwd} at the start, or -1. */
    private static int leader(String s) {
        int i = 0;
        int next;
        while ((next = blob(s, i)) > 0) {
            i = next;
        }
        int word;
        if (s.regionMatches(true, i, "re", 0, 2)) {
            word = i + 2;
        } else if (s.regionMatches(true, i, "fwd", 0, 3)) {
            word = i + 3;
        } else if (s.regionMatches(true, i, "fw", 0, 2)) {
            word = i + 2;
        } else {
            return -1;
        }
        while (word < s.length() && s.charAt(word) == ' ') {
            word++;
        }
        int afterBlob = blob(s, word);
        if (afterBlob > 0) {
            word = afterBlob;
        }
        return word < s.length() && s.charAt(word) == ':' ? word + 1 : -1;
    }
}
