package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentDateTest {

    @Test
    void parsesCurrentAndObsoleteForms() {
        assertEquals(Optional.of(OffsetDateTime.of(1997, 11, 21, 9, 55, 6, 0, ZoneOffset.ofHours(-6))),
                SentDate.parse("Fri, 21 Nov 1997 09:55:06 -0600"));
        assertEquals(Optional.of(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8))),
                SentDate.parse("Mon, 7 Feb 1994 21:52:25 -0800 (PST)"));
        assertEquals(Optional.of(OffsetDateTime.of(1999, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(-5))),
                SentDate.parse("2 Jan 99 03:04 EST"));
        assertEquals(Optional.of(OffsetDateTime.of(2003, 7, 1, 10, 52, 37, 0, ZoneOffset.UTC)),
                SentDate.parse("Tue, 1 Jul 2003 10:52:37 GMT"));
    }

    @Test
    void garbageIsEmpty() {
        for (String s : new String[] {"", "yesterday", "32 Jan 2000 00:00:00 +0000", "1 Foo 2000 00:00 +0000",
            "Mon, 1 Jan", "1 Jan 2000 xx:yy +0000", "1 Jan 2000 00:00 +9999",
            "1 Jan 2000 : +0000", "1 Jan 2000 1:2:3:4 +0000", "1 Jan 2000 00:00 +ab12"}) {
            assertEquals(Optional.empty(), SentDate.parse(s), s);
        }
    }
}
