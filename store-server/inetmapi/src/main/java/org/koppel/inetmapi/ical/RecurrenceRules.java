package org.koppel.inetmapi.ical;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.inetmapi.recurrence.RecurrencePattern;
import org.koppel.inetmapi.recurrence.RecurrencePattern.EndType;
import org.koppel.inetmapi.recurrence.RecurrencePattern.PatternType;

/**
 * RRULE <-> {@link RecurrencePattern}: the rules Outlook can hold (every n days; every n weeks on some days;
 * every n months or years on a day of the month or on the first to fourth or last of some week days), ended
 * by a count, an end date or not at all.
 */
final class RecurrenceRules {

    /** Outlook's count for a series without end. */
    private static final int NO_END_COUNT = 10;
    /** Instances listed at most to find the end of an UNTIL rule. */
    private static final int MAX_EXPANSION = 100_000;

    private RecurrenceRules() {
    }

    /**
     * The pattern of a rule for a series whose first instance starts at {@code start} (local time in the
     * event's zone), or empty (with the reason in {@code warnings}) when Outlook cannot hold it.
     *
     * @param until the rule's UNTIL as a local date-time in the event's zone, if it has one
     */
    static Optional<RecurrencePattern> toPattern(Recur<?> recur, LocalDateTime start, LocalDateTime until,
            List<String> warnings) {
        String unsupported = unsupported(recur);
        if (unsupported != null) {
            warnings.add("RRULE " + recur + " cannot be held by an Outlook recurrence (" + unsupported
                    + "); only the first instance was kept");
            return Optional.empty();
        }
        int interval = Math.max(1, recur.getInterval());
        int firstDow = recur.getWeekStartDay() != null ? dayNumber(recur.getWeekStartDay()) : 1;
        LocalDate startDate = start.toLocalDate();
        RecurrencePattern.Frequency frequency;
        PatternType type;
        int period = interval;
        int mask = 0;
        int dayOfMonth = 0;
        int nth = 0;
        List<WeekDay> days = recur.getDayList();
        Frequency f = recur.getFrequency();
        if (f == Frequency.DAILY && days.isEmpty()) {
            frequency = RecurrencePattern.Frequency.DAILY;
            type = PatternType.DAY;
        } else if (f == Frequency.DAILY || f == Frequency.WEEKLY) {
            if (f == Frequency.DAILY && interval != 1) {
                warnings.add("RRULE " + recur + " (every " + interval + " days on some week days) cannot be held"
                        + " by an Outlook recurrence; only the first instance was kept");
                return Optional.empty();
            }
            frequency = RecurrencePattern.Frequency.WEEKLY;
            type = PatternType.WEEK;
            mask = days.isEmpty() ? RecurrencePattern.dayBit(startDate.getDayOfWeek()) : mask(days);
        } else {
            boolean yearly = f == Frequency.YEARLY;
            frequency = yearly ? RecurrencePattern.Frequency.YEARLY : RecurrencePattern.Frequency.MONTHLY;
            period = yearly ? 12 * interval : interval;
            if (yearly && !recur.getMonthList().isEmpty()) {
                int month = recur.getMonthList().get(0).getMonthOfYear();
                // The month of a yearly pattern is the month of its first instance.
                if (month != startDate.getMonthValue()) {
                    startDate = LocalDate.of(month < startDate.getMonthValue() ? startDate.getYear() + 1
                            : startDate.getYear(), month, 1);
                }
            }
            if (!days.isEmpty()) {
                type = PatternType.MONTH_NTH;
                mask = mask(days);
                int offset = days.get(0).getOffset();
                if (offset == 0) {
                    offset = recur.getSetPosList().get(0);
                }
                nth = offset == -1 ? 5 : offset;
            } else {
                type = PatternType.MONTH;
                int day = recur.getMonthDayList().isEmpty() ? start.getDayOfMonth() : recur.getMonthDayList().get(0);
                if (clampedDay(recur) > 0) {
                    day = clampedDay(recur);
                } else if (day == -1) {
                    day = 31;
                } else if (day > 28) {
                    warnings.add("RRULE " + recur + ": in months without day " + day
                            + " Outlook puts the instance on the last day of the month");
                }
                dayOfMonth = day;
            }
        }
        int provisionalStart = MapiMinutes.of(startDate);
        RecurrencePattern probe = new RecurrencePattern(frequency, type, 0, period, 0, mask, dayOfMonth, nth,
                EndType.NEVER, NO_END_COUNT, firstDow, List.of(), List.of(), provisionalStart,
                MapiMinutes.NO_END_DATE);
        LocalDate lastDate = LocalDate.of(4500, 12, 31);
        EndType end = EndType.NEVER;
        int limit = MAX_EXPANSION;
        if (recur.getCount() > 0) {
            end = EndType.AFTER_COUNT;
            limit = recur.getCount();
        } else if (until != null) {
            end = EndType.AFTER_DATE;
            lastDate = until.toLocalTime().isBefore(start.toLocalTime()) ? until.toLocalDate().minusDays(1)
                    : until.toLocalDate();
        }
        List<LocalDate> dates = end == EndType.NEVER ? probe.dates(startDate.plusYears(5), 1)
                : probe.dates(lastDate, limit);
        if (dates.isEmpty()) {
            warnings.add("RRULE " + recur + " has no instance; only the first instance was kept");
            return Optional.empty();
        }
        int first = MapiMinutes.of(dates.get(0));
        int count = end == EndType.NEVER ? NO_END_COUNT : dates.size();
        int endDate = end == EndType.NEVER ? MapiMinutes.NO_END_DATE : MapiMinutes.of(dates.get(dates.size() - 1));
        return Optional.of(new RecurrencePattern(frequency, type, 0, period, 0, mask, dayOfMonth, nth, end, count,
                firstDow, List.of(), List.of(), first, endDate));
    }

    /** Why Outlook cannot hold a rule, or null when it can. */
    private static String unsupported(Recur<?> r) {
        Frequency f = r.getFrequency();
        if (f != Frequency.DAILY && f != Frequency.WEEKLY && f != Frequency.MONTHLY && f != Frequency.YEARLY) {
            return "frequency " + f;
        }
        if (!r.getHourList().isEmpty() || !r.getMinuteList().isEmpty() || !r.getSecondList().isEmpty()
                || !r.getYearDayList().isEmpty() || !r.getWeekNoList().isEmpty()) {
            return "BYHOUR, BYMINUTE, BYSECOND, BYYEARDAY or BYWEEKNO";
        }
        if (!r.getExperimentalValues().isEmpty() || r.getSkip() != null) {
            return "extensions";
        }
        List<WeekDay> days = r.getDayList();
        boolean ordinals = days.stream().anyMatch(d -> d.getOffset() != 0);
        if ((f == Frequency.DAILY || f == Frequency.WEEKLY)
                && (ordinals || !r.getMonthDayList().isEmpty() || !r.getMonthList().isEmpty()
                        || !r.getSetPosList().isEmpty())) {
            return "BY rules beyond BYDAY";
        }
        if (f == Frequency.MONTHLY && !r.getMonthList().isEmpty()) {
            return "BYMONTH in a monthly rule";
        }
        if (f == Frequency.YEARLY && r.getMonthList().size() > 1) {
            return "more than one month";
        }
        if (f == Frequency.MONTHLY || f == Frequency.YEARLY) {
            if (!days.isEmpty() && !r.getMonthDayList().isEmpty()) {
                return "BYDAY with BYMONTHDAY";
            }
            if (clampedDay(r) > 0) {
                return null;
            }
            if (r.getMonthDayList().size() > 1 || (r.getMonthDayList().size() == 1
                    && (r.getMonthDayList().get(0) < -1 || r.getMonthDayList().get(0) == 0))) {
                return "BYMONTHDAY other than one day of the month or the last";
            }
            if (!days.isEmpty()) {
                if (ordinals) {
                    if (days.size() != 1 || !r.getSetPosList().isEmpty() || !validNth(days.get(0).getOffset())) {
                        return "BYDAY other than one first to fourth or last week day";
                    }
                } else if (r.getSetPosList().size() != 1 || !validNth(r.getSetPosList().get(0))) {
                    return "BYDAY without a single first to fourth or last position";
                }
            } else if (!r.getSetPosList().isEmpty()) {
                return "BYSETPOS without BYDAY";
            }
            if (f == Frequency.YEARLY && r.getMonthList().isEmpty() && !days.isEmpty()) {
                return "BYDAY in a yearly rule without BYMONTH";
            }
        }
        return null;
    }

    /**
     * The day of "BYMONTHDAY=28,29,30;BYSETPOS=-1", the form Outlook's day 29 or 30 (the last day in shorter
     * months) is written in, or 0 for any other rule.
     */
    private static int clampedDay(Recur<?> r) {
        List<Integer> days = r.getMonthDayList();
        if (days.size() < 2 || !r.getSetPosList().equals(List.of(-1)) || !r.getDayList().isEmpty()) {
            return 0;
        }
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i) != 28 + i) {
                return 0;
            }
        }
        return 27 + days.size();
    }

    private static boolean validNth(int n) {
        return n == -1 || (n >= 1 && n <= 4);
    }

    private static int mask(List<WeekDay> days) {
        int mask = 0;
        for (WeekDay d : days) {
            mask |= 1 << dayNumber(d);
        }
        return mask;
    }

    private static int dayNumber(WeekDay d) {
        return List.of("SU", "MO", "TU", "WE", "TH", "FR", "SA").indexOf(d.getDay().name());
    }

    private static String dayName(DayOfWeek d) {
        return d.name().substring(0, 2);
    }

    /** The local date-time of an UNTIL value in the zone of the event (UTC times converted, others as they are). */
    static LocalDateTime untilLocal(Temporal until, EventZone zone) {
        return switch (until) {
            case LocalDate d -> d.atTime(23, 59, 59);
            case LocalDateTime l -> l;
            default -> zone.local(ICal.instant(until, java.time.ZoneOffset.UTC));
        };
    }

    /**
     * The RRULE value of a pattern.
     *
     * @param lastStart the start of the last instance, for UNTIL
     */
    static String toRule(RecurrencePattern p, Instant lastStart, LocalDate lastDate, boolean allDay) {
        StringBuilder b = new StringBuilder();
        int interval = p.period();
        switch (p.patternType()) {
            case DAY -> b.append("FREQ=DAILY");
            case WEEK -> b.append("FREQ=WEEKLY");
            default -> {
                if (p.frequency() == RecurrencePattern.Frequency.YEARLY || p.period() % 12 == 0) {
                    b.append("FREQ=YEARLY");
                    interval = p.period() / 12;
                } else {
                    b.append("FREQ=MONTHLY");
                }
            }
        }
        if (interval > 1) {
            b.append(";INTERVAL=").append(interval);
        }
        switch (p.endType()) {
            case AFTER_COUNT -> b.append(";COUNT=").append(p.occurrenceCount());
            case AFTER_DATE -> b.append(";UNTIL=").append(allDay ? ContentLines.date(lastDate)
                    : ContentLines.utc(lastStart));
            default -> { }
        }
        boolean yearly = b.indexOf("FREQ=YEARLY") == 0;
        if (yearly) {
            b.append(";BYMONTH=").append(MapiMinutes.toLocalDate(p.startDate()).getMonthValue());
        }
        switch (p.patternType()) {
            case WEEK -> {
                b.append(";BYDAY=").append(days(p.dayMask()));
                if (p.firstDayOfWeek() != 1) {
                    b.append(";WKST=").append(dayName(RecurrencePattern.firstDay(p.firstDayOfWeek())));
                }
            }
            case MONTH, HJ_MONTH -> {
                int day = p.dayOfMonth();
                if (day == 31) {
                    b.append(";BYMONTHDAY=-1");
                } else if (day > 28) {
                    // Outlook's day 29 or 30 is the month's last day in shorter months.
                    b.append(";BYMONTHDAY=28");
                    for (int d = 29; d <= day; d++) {
                        b.append(',').append(d);
                    }
                    b.append(";BYSETPOS=-1");
                } else {
                    b.append(";BYMONTHDAY=").append(day);
                }
            }
            case MONTH_END, HJ_MONTH_END -> b.append(";BYMONTHDAY=-1");
            case MONTH_NTH, HJ_MONTH_NTH -> {
                int n = p.nth() == 5 ? -1 : p.nth();
                if (Integer.bitCount(p.dayMask() & 0x7F) == 1) {
                    b.append(";BYDAY=").append(n).append(days(p.dayMask()));
                } else {
                    b.append(";BYDAY=").append(days(p.dayMask())).append(";BYSETPOS=").append(n);
                }
            }
            default -> { }
        }
        return b.toString();
    }

    private static String days(int mask) {
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : RecurrencePattern.days(mask)) {
            names.add(dayName(d));
        }
        return String.join(",", names).toUpperCase(Locale.ROOT);
    }
}
