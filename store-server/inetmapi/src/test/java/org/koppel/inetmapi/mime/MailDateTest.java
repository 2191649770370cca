package org.koppel.inetmapi.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import org.apache.james.mime4j.field.datetime.parser.DateTimeParser;
import org.junit.jupiter.api.Test;

/** The fast path must read every date exactly as mime4j's full grammar does, and leave the rest to it. */
class MailDateTest {

    private static Optional<Instant> mime4j(String v) {
        try {
            return Optional.of(new DateTimeParser(new StringReader(v)).parseAll().getDate().toInstant());
        } catch (Exception | Error e) {
            return Optional.empty();
        }
    }

    @Test
    void agreesWithMime4jOnCommonAndOddForms() {
        String[] dates = {
            "Tue, 3 Jun 2008 11:05:30 +0200",
            "Tue, 03 Jun 2008 11:05:30 -0700",
            "3 Jun 2008 11:05:30 +0000",
            "Tue, 3 Jun 2008 11:05 GMT",
            "Tue, 3 Jun 2008 11:05:30 +0200 (CEST)",
            "Mon, 3 Jun 2008 11:05:30 +0200", // wrong weekday: mime4j ignores it
            "Tue, 3 Jun 08 11:05:30 +0200", // two-digit year
            "Tue, 3 Jun 2008 11:05:30 EST", // obsolete zone
            "Tue,  3 Jun 2008  11:05:30  +0200",
            "Sun, 29 Nov 2026 23:59:59 +1400",
        };
        for (String d : dates) {
            assertEquals(mime4j(d), MailDate.parse(d), d);
            assertTrue(MailDate.parse(d).isPresent(), d);
        }
    }

    @Test
    void nonsenseIsNoDate() {
        assertEquals(Optional.empty(), MailDate.parse("yesterday"));
        assertEquals(Optional.empty(), MailDate.parse(""));
    }
}
