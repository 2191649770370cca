package org.koppel.inetmapi.recurrence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time unit of the recurrence blob: minutes since 1601-01-01 00:00 of a clock, local to the
 * appointment's time zone (never UTC), held in 32 bits.
 */
public final class MapiMinutes {

    /** 1601-01-01 00:00, where the count starts. */
    public static final LocalDateTime EPOCH = LocalDateTime.of(1601, 1, 1, 0, 0);
    /** The EndDate of a series without end: 4500-12-31 23:59 ([MS-OXOCAL] 2.2.1.44.1). */
    public static final int NO_END_DATE = 0x5AE980DF;

    private MapiMinutes() {
    }

    public static int of(LocalDateTime local) {
        return Math.toIntExact(ChronoUnit.MINUTES.between(EPOCH, local));
    }

    public static int of(LocalDate date) {
        return of(date.atStartOfDay());
    }

    public static LocalDateTime toLocalDateTime(int minutes) {
        return EPOCH.plusMinutes(Integer.toUnsignedLong(minutes));
    }

    public static LocalDate toLocalDate(int minutes) {
        return toLocalDateTime(minutes).toLocalDate();
    }
}
