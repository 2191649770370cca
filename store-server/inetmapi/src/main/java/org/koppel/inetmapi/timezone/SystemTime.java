package org.koppel.inetmapi.timezone;

import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

/**
 * A SYSTEMTIME as time-zone rules use it: a yearly change on the {@code week}th (1-4, 5 = last)
 * {@code dayOfWeek} (0 Sunday) of {@code month}, at a local time. Month 0 means the zone has no change.
 */
public record SystemTime(int month, int dayOfWeek, int week, int hour, int minute) {

    public static final SystemTime NONE = new SystemTime(0, 0, 0, 0, 0);

    public SystemTime {
        if (month < 0 || month > 12 || dayOfWeek < 0 || dayOfWeek > 6 || (month != 0 && (week < 1 || week > 5))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            throw new IllegalArgumentException("not a yearly SYSTEMTIME rule: " + month + "/" + dayOfWeek + "/"
                    + week + " " + hour + ":" + minute);
        }
    }

    /** The rule that yields {@code when}, which is on the week's day that makes it the nth (or last) of its month. */
    public static SystemTime of(LocalDateTime when) {
        LocalDate d = when.toLocalDate();
        int week = (d.getDayOfMonth() - 1) / 7 + 1;
        if (d.plusWeeks(1).getMonthValue() != d.getMonthValue()) {
            week = 5;
        }
        return new SystemTime(d.getMonthValue(), d.getDayOfWeek().getValue() % 7, week, when.getHour(),
                when.getMinute());
    }

    public boolean isSet() {
        return month != 0;
    }

    public DayOfWeek day() {
        return dayOfWeek == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(dayOfWeek);
    }

    /** When this rule falls in {@code year}. */
    public LocalDateTime in(int year) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate d = week == 5 ? first.with(TemporalAdjusters.lastInMonth(day()))
                : first.with(TemporalAdjusters.dayOfWeekInMonth(week, day()));
        return d.atTime(LocalTime.of(hour, minute));
    }

    void write(ByteBuffer b) {
        b.putShort((short) 0).putShort((short) month).putShort((short) dayOfWeek).putShort((short) week)
                .putShort((short) hour).putShort((short) minute).putShort((short) 0).putShort((short) 0);
    }

    static SystemTime read(ByteBuffer b) {
        b.getShort(); // wYear: 0 for a yearly rule
        int month = b.getShort();
        int dow = b.getShort();
        int day = b.getShort();
        int hour = b.getShort();
        int minute = b.getShort();
        b.getShort();
        b.getShort();
        if (month == 0) {
            return NONE;
        }
        return new SystemTime(month, dow, day, hour, minute);
    }
}
