package org.koppel.inetmapi.timezone;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import org.junit.jupiter.api.Test;

/** The ActiveSync TimeZone blob: layout per [MS-ASDTYPE] 2.7.1, and the same offsets as the zone it came from. */
class EasTimeZoneTest {

    @Test
    void berlinHasTheLayoutActiveSyncExpects() {
        TimeZoneRule rule = TimeZoneRule.of(ZoneId.of("Europe/Berlin").getRules(), 2026);
        byte[] blob = new EasTimeZone(rule, "W. Europe Standard Time", "W. Europe Daylight Time").encode();
        assertEquals(172, blob.length);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-60, b.getInt(0), "Bias: UTC = local + bias");
        assertEquals(10, b.getShort(4 + 64 + 2), "StandardDate month: October");
        assertEquals(0, b.getShort(4 + 64 + 4), "on a Sunday");
        assertEquals(5, b.getShort(4 + 64 + 6), "the last one");
        assertEquals(3, b.getShort(4 + 64 + 8), "at 03:00");
        assertEquals(0, b.getInt(4 + 64 + 16), "StandardBias");
        assertEquals(3, b.getShort(4 + 64 + 16 + 4 + 64 + 2), "DaylightDate month: March");
        assertEquals(-60, b.getInt(168), "DaylightBias");
        EasTimeZone back = EasTimeZone.fromBase64(new EasTimeZone(rule, "W. Europe Standard Time", "").toBase64(), 2026);
        assertEquals(rule, back.rule());
        assertEquals("W. Europe Standard Time", back.standardName());
    }

    @Test
    void offsetsAgreeWithTheZoneAllYear() {
        for (String id : new String[] {"America/New_York", "Australia/Sydney", "Asia/Tokyo", "Europe/London"}) {
            ZoneRules real = ZoneId.of(id).getRules();
            ZoneRules fromBlob = EasTimeZone.decode(new EasTimeZone(TimeZoneRule.of(real, 2026), id, id).encode(), 2026)
                    .rule().toZoneRules();
            for (Instant t = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
                    t.isBefore(Instant.parse("2027-01-01T00:00:00Z")); t = t.plusSeconds(3 * 3600)) {
                assertEquals(real.getOffset(t), fromBlob.getOffset(t), id + " at " + t);
            }
        }
    }

    @Test
    void shortOrOddBlobsAreRefusedOrReadSafely() {
        assertThrows(IllegalArgumentException.class, () -> EasTimeZone.decode(new byte[100], 2026));
        EasTimeZone utc = EasTimeZone.decode(new byte[172], 2026);
        assertEquals(0, utc.rule().bias());
        assertFalse(utc.rule().hasDaylightTime());
    }
}
