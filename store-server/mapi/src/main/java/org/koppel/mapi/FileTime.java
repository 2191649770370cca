package org.koppel.mapi;

import java.time.Instant;

/** Conversions between Instants and Windows FILETIME ticks (100 ns since 1601-01-01 UTC), MAPI's PT_SYSTIME. */
public final class FileTime {

    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private FileTime() {
    }

    public static long toTicks(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() + EPOCH_DIFF_SECONDS, 10_000_000L),
                instant.getNano() / 100);
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
