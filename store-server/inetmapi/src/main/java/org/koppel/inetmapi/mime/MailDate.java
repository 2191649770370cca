package org.koppel.inetmapi.mime;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.james.mime4j.field.datetime.parser.DateTimeParser;

/**
 * An RFC 5322 date-time ({@code Date:}, {@code Resent-Date:}). The form nearly every mailer writes
 * ("Tue, 3 Jun 2008 11:05:30 +0200", perhaps with a trailing "(CEST)" comment) is read with java.time; anything
 * else (obsolete zone names, two-digit years, odd spacing) goes to mime4j's full grammar. The fast path gives
 * the same instant as mime4j for what it accepts, at a fraction of the cost: mime4j's generated parser was 4 % of
 * the delivery agent's CPU.
 */
final class MailDate {

    private MailDate() {
    }

    static Optional<Instant> parse(String value) {
        String v = withoutTrailingComment(value.strip());
        try {
            ZonedDateTime t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            // java.time reads a two- or three-digit year as it stands; RFC 5322 section 4.3 adds 1900 or 2000.
            return t.getYear() >= 1000 ? Optional.of(t.toInstant()) : full(value);
        } catch (DateTimeParseException notTheCommonForm) {
            return full(value);
        }
    }

    private static Optional<Instant> full(String value) {
        try {
            return Optional.of(new DateTimeParser(new java.io.StringReader(value)).parseAll().getDate().toInstant());
        } catch (Exception | Error unparseable) {
            return Optional.empty();
        }
    }

    private static String withoutTrailingComment(String v) {
        if (v.endsWith(")")) {
            int open = v.lastIndexOf('(');
            if (open > 0) {
                return v.substring(0, open).strip();
            }
        }
        return v;
    }
}
