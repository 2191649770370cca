package org.koppel.inetmapi.timezone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeZoneDefinitionTest {

    @Test
    void viennaIsUtcPlusOneWithDaylightTimeFromMarchToOctober() {
        TimeZoneRule r = TimeZoneRule.of(ZoneId.of("Europe/Vienna").getRules(), 2012);
        assertEquals(-60, r.bias());
        assertEquals(0, r.standardBias());
        assertEquals(-60, r.daylightBias());
        assertEquals(new SystemTime(10, 0, 5, 3, 0), r.standardDate());
        assertEquals(new SystemTime(3, 0, 5, 2, 0), r.daylightDate());
    }

    @Test
    void newYorkChangesOnTheSecondAndFirstSunday() {
        TimeZoneRule r = TimeZoneRule.of(ZoneId.of("America/New_York").getRules(), 2024);
        assertEquals(300, r.bias());
        assertEquals(new SystemTime(11, 0, 1, 2, 0), r.standardDate());
        assertEquals(new SystemTime(3, 0, 2, 2, 0), r.daylightDate());
    }

    @Test
    void structIsTheFortyEightBytesOfMsOxocal() {
        byte[] s = TimeZoneRule.of(ZoneId.of("Europe/Vienna").getRules(), 2012).toStruct();
        assertEquals(48, s.length);
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-60, b.getInt(0)); // lBias
        assertEquals(0, b.getInt(4)); // lStandardBias
        assertEquals(-60, b.getInt(8)); // lDaylightBias
        assertEquals(10, b.getShort(16)); // stStandardDate.wMonth
        assertEquals(5, b.getShort(20)); // stStandardDate.wDay: last
        assertEquals(3, b.getShort(22)); // stStandardDate.wHour
        assertEquals(3, b.getShort(34)); // stDaylightDate.wMonth
        assertEquals(TimeZoneRule.of(ZoneId.of("Europe/Vienna").getRules(), 2012), TimeZoneRule.fromStruct(s));
    }

    @Test
    void definitionRoundTripsAndHasItsHeader() {
        TimeZoneDefinition d = TimeZoneDefinition.of("W. Europe Standard Time", ZoneId.of("Europe/Berlin").getRules(), 2020);
        byte[] bytes = d.encode();
        assertEquals(2, bytes[0]); // bMajorVersion
        assertEquals(1, bytes[1]); // bMinorVersion
        assertEquals(6 + 2 * "W. Europe Standard Time".length(), bytes[2] & 0xFF); // cbHeader
        assertEquals(4 + 6 + 46 + 66, bytes.length);
        assertEquals(d, TimeZoneDefinition.decode(bytes));
        assertThrows(IllegalArgumentException.class, () -> TimeZoneDefinition.decode(Arrays.copyOf(bytes, 40)));
    }

    @Test
    void rulesAgreeWithTheTimeZoneDatabase() {
        for (String id : new String[] {"Europe/Vienna", "America/New_York", "Australia/Sydney", "Asia/Tokyo"}) {
            ZoneRules real = ZoneId.of(id).getRules();
            ZoneRules windows = TimeZoneRule.of(real, 2024).toZoneRules();
            for (Instant t = Instant.parse("2024-01-01T00:00:00Z"); t.isBefore(Instant.parse("2026-01-01T00:00:00Z"));
                    t = t.plusSeconds(1800)) {
                assertEquals(real.getOffset(t), windows.getOffset(t), id + " at " + t);
            }
        }
        assertFalse(TimeZoneRule.of(ZoneId.of("Asia/Tokyo").getRules(), 2024).hasDaylightTime());
    }
}
