package org.koppel.mapi;

import java.time.Instant;

/** Conversions between Instants and Windows FILETIME ticks (100 ns since 1601-01-01 UTC), MAPI's PT_SYSTIME. */
public final class FileTime {

    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private FileTime() {
    }

    /** The ticks of an instant; instants a signed 64-bit FILETIME cannot hold are an ArithmeticException. */
    public static long toTicks(Instant instant) {
        long seconds = instant.getEpochSecond() + EPOCH_DIFF_SECONDS;
        long ticks = instant.getNano() / 100;
        // Before 1601 the whole seconds alone can overflow although the sum does not (Long.MIN_VALUE ticks),
        // so step one second towards zero first.
        if (seconds < 0 && ticks > 0) {
            seconds++;
            ticks -= 10_000_000L;
        }
        return Math.addExact(Math.multiplyExact(seconds, 10_000_000L), ticks);
    }

    public static Instant fromTicks(long ticks) {
        long seconds = Math.floorDiv(ticks, 10_000_000L) - EPOCH_DIFF_SECONDS;
        long nanos = Math.floorMod(ticks, 10_000_000L) * 100;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Drops what a FILETIME cannot hold (below 100 ns). */
    public static Instant truncate(Instant instant) {
        return instant.minusNanos(instant.getNano() % 100);
    }
}
