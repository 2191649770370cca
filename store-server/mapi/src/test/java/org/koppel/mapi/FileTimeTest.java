package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTimeTest {

    @Test
    void epochs() {
        assertEquals(0L, FileTime.toTicks(Instant.parse("1601-01-01T00:00:00Z")));
        assertEquals(116_444_736_000_000_000L, FileTime.toTicks(Instant.EPOCH));
        assertEquals(Instant.parse("1601-01-01T00:00:00Z"), FileTime.fromTicks(0));
        assertEquals(Instant.EPOCH, FileTime.fromTicks(116_444_736_000_000_000L));
    }

    @Test
    void knownDate() {
        // 2000-01-01T00:00:00Z is 946684800 s after 1970.
        long ticks = (946_684_800L + 11_644_473_600L) * 10_000_000L;
        assertEquals(125_911_584_000_000_000L, ticks);
        assertEquals(ticks, FileTime.toTicks(Instant.parse("2000-01-01T00:00:00Z")));
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), FileTime.fromTicks(ticks));
    }

    @Test
    void subSecondPrecisionIs100Nanoseconds() {
        Instant t = Instant.parse("2024-02-29T12:34:56.123456789Z");
        long ticks = FileTime.toTicks(t);
        assertEquals(1_234_567L, Math.floorMod(ticks, 10_000_000L));
        assertEquals(Instant.parse("2024-02-29T12:34:56.1234567Z"), FileTime.fromTicks(ticks));
        assertEquals(ticks + 1, FileTime.toTicks(Instant.parse("2024-02-29T12:34:56.1234568Z")));
    }

    @Test
    void beforeTheFileTimeEpochIsNegative() {
        assertEquals(-10_000_000L, FileTime.toTicks(Instant.parse("1600-12-31T23:59:59Z")));
        assertEquals(Instant.parse("1600-12-31T23:59:59.9999999Z"), FileTime.fromTicks(-1));
    }

    @Test
    void roundTripsAtTheExtremes() {
        for (long ticks : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, -9_999_999, -10_000_001, 1}) {
            assertEquals(ticks, FileTime.toTicks(FileTime.fromTicks(ticks)), Long.toString(ticks));
        }
    }

    @Test
    void instantsOutsideTheFileTimeRangeOverflow() {
        assertThrows(ArithmeticException.class, () -> FileTime.toTicks(Instant.MAX));
        assertThrows(ArithmeticException.class, () -> FileTime.toTicks(Instant.MIN));
    }

    @Test
    void truncateDropsWhatAFileTimeCannotHold() {
        assertEquals(Instant.parse("2020-01-01T00:00:00.0000001Z"),
                FileTime.truncate(Instant.parse("2020-01-01T00:00:00.000000199Z")));
        Instant exact = Instant.parse("2020-01-01T00:00:00.1234567Z");
        assertEquals(exact, FileTime.truncate(exact));
        assertEquals(Instant.parse("1500-01-01T00:00:00Z"), FileTime.truncate(Instant.parse("1500-01-01T00:00:00.00000005Z")));
    }
}
