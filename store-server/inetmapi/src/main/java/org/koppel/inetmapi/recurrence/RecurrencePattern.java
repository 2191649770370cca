package org.koppel.inetmapi.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RecurrencePattern structure of [MS-OXOCAL] 2.2.1.44.1: when a series repeats, from which date until
 * which, and which instance dates were deleted or moved. Dates are {@link MapiMinutes} at local midnight.
 *
 * @param period days for {@link Frequency#DAILY} (stored in minutes), weeks for weekly, months for monthly
 *               and yearly patterns
 * @param dayMask the days of a weekly or month-nth pattern (bit 0 Sunday ... bit 6 Saturday)
 * @param dayOfMonth the day of a monthly or yearly pattern (31: the month's last day)
 * @param nth the week of a month-nth pattern, 1 to 4, or 5 for the last
 * @param firstDayOfWeek 0 Sunday ... 6 Saturday
 * @param deletedInstanceDates original dates of the deleted and of the modified instances
 * @param modifiedInstanceDates new dates of the modified instances
 * @param startDate the date of the first instance
 * @param endDate the date of the last instance, or {@link MapiMinutes#NO_END_DATE}
 */
public record RecurrencePattern(
        Frequency frequency,
        PatternType patternType,
        int calendarType,
        int period,
        int slidingFlag,
        int dayMask,
        int dayOfMonth,
        int nth,
        EndType endType,
        int occurrenceCount,
        int firstDayOfWeek,
        List<Integer> deletedInstanceDates,
        List<Integer> modifiedInstanceDates,
        int startDate,
        int endDate) {

    static final int READER_VERSION = 0x3004;
    static final int WRITER_VERSION = 0x3004;
    private static final int MINUTES_PER_DAY = 1440;

    public RecurrencePattern {
        deletedInstanceDates = List.copyOf(new TreeSet<>(deletedInstanceDates));
        modifiedInstanceDates = List.copyOf(new TreeSet<>(modifiedInstanceDates));
        if (period < 1) {
            throw new MalformedRecurrenceException("period " + period + " is not positive");
        }
        if (firstDayOfWeek < 0 || firstDayOfWeek > 6) {
            throw new MalformedRecurrenceException("first day of week " + firstDayOfWeek);
        }
        if (patternType.hasDayMask() && (dayMask & 0x7F) == 0) {
            throw new MalformedRecurrenceException("pattern " + patternType + " without days");
        }
        if (patternType == PatternType.MONTH_NTH && (nth < 1 || nth > 5)) {
            throw new MalformedRecurrenceException("week of month " + nth);
        }
        if ((patternType == PatternType.MONTH) && (dayOfMonth < 1 || dayOfMonth > 31)) {
            throw new MalformedRecurrenceException("day of month " + dayOfMonth);
        }
    }

    /** RecurFrequency. */
    public enum Frequency {
        DAILY(0x200A), WEEKLY(0x200B), MONTHLY(0x200C), YEARLY(0x200D);

        final int code;

        Frequency(int code) {
            this.code = code;
        }

        static Frequency of(int code) {
            for (Frequency f : values()) {
                if (f.code == code) {
                    return f;
                }
            }
            throw new MalformedRecurrenceException(String.format("unknown RecurFrequency 0x%04X", code));
        }
    }

    /** PatternType; the Hijri variants are read as their Gregorian forms are not. */
    public enum PatternType {
        DAY(0x0), WEEK(0x1), MONTH(0x2), MONTH_NTH(0x3), MONTH_END(0x4), HJ_MONTH(0xA), HJ_MONTH_NTH(0xB),
        HJ_MONTH_END(0xC);

        final int code;

        PatternType(int code) {
            this.code = code;
        }

        boolean hasDayMask() {
            return this == WEEK || this == MONTH_NTH || this == HJ_MONTH_NTH;
        }

        static PatternType of(int code) {
            for (PatternType p : values()) {
                if (p.code == code) {
                    return p;
                }
            }
            throw new MalformedRecurrenceException(String.format("unknown PatternType 0x%04X", code));
        }
    }

    /** EndType; 0xFFFFFFFF, which Outlook also writes for a series without end, reads as NEVER. */
    public enum EndType {
        AFTER_DATE(0x2021), AFTER_COUNT(0x2022), NEVER(0x2023);

        final int code;

        EndType(int code) {
            this.code = code;
        }

        static EndType of(int code) {
            if (code == 0xFFFFFFFF) {
                return NEVER;
            }
            for (EndType e : values()) {
                if (e.code == code) {
                    return e;
                }
            }
            throw new MalformedRecurrenceException(String.format("unknown EndType 0x%08X", code));
        }
    }

    /** The days of a day mask. */
    public static Set<DayOfWeek> days(int mask) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int bit = 0; bit < 7; bit++) {
            if ((mask & (1 << bit)) != 0) {
                days.add(bit == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(bit));
            }
        }
        return days;
    }

    public static int dayBit(DayOfWeek day) {
        return 1 << (day.getValue() % 7);
    }

    public static DayOfWeek firstDay(int firstDayOfWeek) {
        return firstDayOfWeek == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(firstDayOfWeek);
    }

    /** The period field as written: minutes for a daily pattern, the count of weeks or months otherwise. */
    int periodField() {
        return frequency == Frequency.DAILY && patternType == PatternType.DAY ? period * MINUTES_PER_DAY : period;
    }

    /** FirstDateTime as [MS-OXOCAL] 2.2.1.44.1.1 computes it from StartDate, Period and FirstDOW. */
    public int firstDateTime() {
        LocalDate start = MapiMinutes.toLocalDate(startDate);
        return switch (patternType) {
            case DAY -> Math.floorMod(startDate, periodField());
            case WEEK -> {
                LocalDate weekStart = start.with(TemporalAdjusters.previousOrSame(firstDay(firstDayOfWeek)));
                yield Math.floorMod(MapiMinutes.of(weekStart), period * 7 * MINUTES_PER_DAY);
            }
            default -> {
                long months = ChronoUnit.MONTHS.between(YearMonth.of(1601, 1), YearMonth.from(start));
                yield MapiMinutes.of(LocalDate.of(1601, 1, 1).plusMonths(Math.floorMod(months, period)));
            }
        };
    }

    /**
     * The dates of the pattern from its start date on, before deletions, at most {@code limit} of them and none
     * after {@code until}. Ends after OccurrenceCount for AFTER_COUNT and at EndDate for AFTER_DATE.
     */
    public List<LocalDate> dates(LocalDate until, int limit) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate start = MapiMinutes.toLocalDate(startDate);
        LocalDate last = endType == EndType.AFTER_DATE ? MapiMinutes.toLocalDate(endDate) : until;
        if (last.isAfter(until)) {
            last = until;
        }
        int max = endType == EndType.AFTER_COUNT ? Math.min(limit, occurrenceCount) : limit;
        switch (patternType) {
            case DAY -> {
                for (LocalDate d = start; !d.isAfter(last) && out.size() < max; d = d.plusDays(period)) {
                    out.add(d);
                }
            }
            case WEEK -> {
                Set<DayOfWeek> days = days(dayMask);
                LocalDate week = start.with(TemporalAdjusters.previousOrSame(firstDay(firstDayOfWeek)));
                for (; !week.isAfter(last) && out.size() < max; week = week.plusWeeks(period)) {
                    for (int i = 0; i < 7 && out.size() < max; i++) {
                        LocalDate d = week.plusDays(i);
                        if (days.contains(d.getDayOfWeek()) && !d.isBefore(start) && !d.isAfter(last)) {
                            out.add(d);
                        }
                    }
                }
            }
            case MONTH, MONTH_END, MONTH_NTH -> {
                YearMonth month = YearMonth.from(start);
                for (; !month.atDay(1).isAfter(last) && out.size() < max; month = month.plusMonths(period)) {
                    for (LocalDate d : inMonth(month)) {
                        if (!d.isBefore(start) && !d.isAfter(last) && out.size() < max) {
                            out.add(d);
                        }
                    }
                }
            }
            default -> throw new MalformedRecurrenceException("the " + patternType + " calendar is not supported");
        }
        return out;
    }

    /** The instance dates of one month of a monthly pattern (one, or none for a month-nth pattern's gaps). */
    private List<LocalDate> inMonth(YearMonth month) {
        return switch (patternType) {
            case MONTH -> List.of(month.atDay(Math.min(dayOfMonth, month.lengthOfMonth())));
            case MONTH_END -> List.of(month.atEndOfMonth());
            default -> {
                // The nth of the matching days (Outlook's "first weekday" is the first day in the mask), 5 = last.
                List<LocalDate> matching = new ArrayList<>();
                Set<DayOfWeek> days = days(dayMask);
                for (int d = 1; d <= month.lengthOfMonth(); d++) {
                    if (days.contains(month.atDay(d).getDayOfWeek())) {
                        matching.add(month.atDay(d));
                    }
                }
                if (matching.isEmpty()) {
                    yield List.of();
                }
                yield List.of(nth == 5 ? matching.get(matching.size() - 1)
                        : matching.get(Math.min(nth, matching.size()) - 1));
            }
        };
    }

    /**
     * The pattern alone as a blob: the value of PidLidTaskRecurrence ([MS-OXOTASK] 2.2.2.2.15), which has no
     * appointment part after it.
     */
    public byte[] encode() {
        LittleEndian.Writer w = new LittleEndian.Writer();
        write(w);
        return w.toByteArray();
    }

    /** A pattern from a blob that starts with one (bytes after it, which some writers add, are ignored). */
    public static RecurrencePattern decode(byte[] blob) {
        return read(new LittleEndian.Reader(blob));
    }

    void write(LittleEndian.Writer w) {
        w.u16(READER_VERSION).u16(WRITER_VERSION).u16(frequency.code).u16(patternType.code).u16(calendarType)
                .u32(firstDateTime()).u32(periodField()).u32(slidingFlag);
        switch (patternType) {
            case DAY -> { }
            case WEEK -> w.u32(dayMask);
            case MONTH_NTH, HJ_MONTH_NTH -> w.u32(dayMask).u32(nth);
            default -> w.u32(dayOfMonth);
        }
        w.u32(endType.code).u32(occurrenceCount).u32(firstDayOfWeek);
        w.u32(deletedInstanceDates.size());
        deletedInstanceDates.forEach(w::u32);
        w.u32(modifiedInstanceDates.size());
        modifiedInstanceDates.forEach(w::u32);
        w.u32(startDate).u32(endDate);
    }

    static RecurrencePattern read(LittleEndian.Reader r) {
        int reader = r.u16("ReaderVersion");
        int writer = r.u16("WriterVersion");
        if (reader != READER_VERSION || writer != WRITER_VERSION) {
            throw new MalformedRecurrenceException(String.format("versions 0x%04X/0x%04X", reader, writer));
        }
        Frequency frequency = Frequency.of(r.u16("RecurFrequency"));
        PatternType type = PatternType.of(r.u16("PatternType"));
        int calendarType = r.u16("CalendarType");
        r.u32("FirstDateTime");
        int period = r.u32("Period");
        int sliding = r.u32("SlidingFlag");
        int mask = 0;
        int day = 0;
        int nth = 0;
        switch (type) {
            case DAY -> { }
            case WEEK -> mask = r.u32("PatternTypeSpecific");
            case MONTH_NTH, HJ_MONTH_NTH -> {
                mask = r.u32("PatternTypeSpecific");
                nth = r.u32("PatternTypeSpecific");
            }
            default -> day = r.u32("PatternTypeSpecific");
        }
        EndType endType = EndType.of(r.u32("EndType"));
        int count = r.u32("OccurrenceCount");
        int firstDow = r.u32("FirstDOW");
        List<Integer> deleted = new ArrayList<>();
        for (int i = r.count(r.u32("DeletedInstanceCount"), 4, "DeletedInstanceCount"); i > 0; i--) {
            deleted.add(r.u32("DeletedInstanceDates"));
        }
        List<Integer> modified = new ArrayList<>();
        for (int i = r.count(r.u32("ModifiedInstanceCount"), 4, "ModifiedInstanceCount"); i > 0; i--) {
            modified.add(r.u32("ModifiedInstanceDates"));
        }
        int startDate = r.u32("StartDate");
        int endDate = r.u32("EndDate");
        if (frequency == Frequency.DAILY && type == PatternType.DAY) {
            if (period % MINUTES_PER_DAY != 0) {
                throw new MalformedRecurrenceException("daily period of " + period + " minutes");
            }
            period /= MINUTES_PER_DAY;
        }
        return new RecurrencePattern(frequency, type, calendarType, period, sliding, mask, day, nth, endType, count,
                firstDow, deleted, modified, startDate, endDate);
    }
}
