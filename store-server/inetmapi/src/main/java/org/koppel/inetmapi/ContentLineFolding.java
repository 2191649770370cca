package org.koppel.inetmapi;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The line folding iCalendar (RFC 5545 section 3.1) and vCard (RFC 6350 section 3.2) share: a content line
 * longer than 75 octets continues on the next line after CRLF and a space, never inside a UTF-8 sequence
 * (a surrogate pair stays together); every line ends in CRLF.
 */
public final class ContentLineFolding {

    private static final int LIMIT = 75;

    private ContentLineFolding() {
    }

    /** Appends {@code line}, folded, with its CRLF. */
    public static void append(Appendable out, String line) throws IOException {
        int octets = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1));
            int size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (octets + size > LIMIT) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(c);
            if (pair) {
                out.append(line.charAt(++i));
            }
            octets += size;
        }
        out.append("\r\n");
    }

    /** The same, into a StringBuilder (which cannot fail). */
    public static void append(StringBuilder out, String line) {
        try {
            append((Appendable) out, line);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
