package org.koppel.inetmapi.ical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.koppel.inetmapi.ContentLineFolding;

/**
 * Writes RFC 5545 content lines: CRLF endings, lines folded at 75 octets without splitting a UTF-8 sequence,
 * TEXT values escaped and parameter values quoted where they must be.
 */
final class ContentLines {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private final Appendable out;

    ContentLines(Appendable out) {
        this.out = out;
    }

    /** A line whose value is written as given (dates, numbers, URIs, recurrence rules). */
    ContentLines raw(String nameAndParams, String value) {
        String line = nameAndParams + ":" + value;
        try {
            ContentLineFolding.append(out, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A line with a TEXT value. */
    ContentLines text(String nameAndParams, String value) {
        return raw(nameAndParams, escape(value));
    }

    ContentLines begin(String component) {
        return raw("BEGIN", component);
    }

    ContentLines end(String component) {
        return raw("END", component);
    }

    static String utc(Instant t) {
        return LOCAL.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "Z";
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    static String local(LocalDateTime t) {
        return LOCAL.format(t);
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> b.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A parameter value: quoted when it holds a character that would end it, which itself cannot be quoted. */
    static String param(String value) {
        String v = value.replace("\"", "'").replaceAll("[\\r\\n\\x00-\\x08\\x0B-\\x1F]", " ");
        return v.matches(".*[;:,].*") ? "\"" + v + "\"" : v;
    }

}
