package org.koppel.inetmapi.timezone;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A time zone as Windows describes it from a given year on: a bias (UTC = local + bias, in minutes) and
 * optionally a yearly change to daylight time and back. The body of PidLidTimeZoneStruct ([MS-OXOCAL]
 * 2.2.1.39) and of each TZRule of a TimeZoneDefinition (2.2.1.41.1).
 */
public record TimeZoneRule(int year, int bias, int standardBias, int daylightBias, SystemTime standardDate,
        SystemTime daylightDate) {

    /** The size of PidLidTimeZoneStruct. */
    public static final int STRUCT_SIZE = 48;

    public TimeZoneRule {
        if (standardDate.isSet() != daylightDate.isSet()) {
            throw new IllegalArgumentException("a zone changes to daylight time and back, or not at all");
        }
    }

    public static TimeZoneRule fixed(int year, ZoneOffset offset) {
        return new TimeZoneRule(year, -offset.getTotalSeconds() / 60, 0, 0, SystemTime.NONE, SystemTime.NONE);
    }

    /**
     * The rule a zone follows in {@code year}: its standard offset and, if it changes to daylight time that
     * year, the local times (on the clock before each change) of both changes.
     */
    public static TimeZoneRule of(ZoneRules rules, int year) {
        LocalDateTime from = LocalDateTime.of(year, 1, 1, 0, 0);
        ZoneOffsetTransition toDaylight = null;
        ZoneOffsetTransition toStandard = null;
        ZoneOffsetTransition t = rules.nextTransition(from.toInstant(ZoneOffset.UTC).minusSeconds(14 * 3600));
        while (t != null && t.getDateTimeBefore().getYear() <= year) {
            if (t.getDateTimeBefore().getYear() == year) {
                if (t.isGap() && toDaylight == null) {
                    toDaylight = t;
                } else if (t.isOverlap() && toStandard == null) {
                    toStandard = t;
                }
            }
            t = rules.nextTransition(t.getInstant());
        }
        if (toDaylight != null && toStandard != null) {
            ZoneOffset daylight = toDaylight.getOffsetAfter();
            ZoneOffset std = toStandard.getOffsetAfter();
            return new TimeZoneRule(year, -std.getTotalSeconds() / 60, 0,
                    -(daylight.getTotalSeconds() - std.getTotalSeconds()) / 60,
                    SystemTime.of(toStandard.getDateTimeBefore()), SystemTime.of(toDaylight.getDateTimeBefore()));
        }
        // No change to daylight time and back within the year: the offset of mid-year, all year.
        return fixed(year, rules.getOffset(from.plusMonths(6).toInstant(ZoneOffset.UTC)));
    }

    public boolean hasDaylightTime() {
        return daylightDate.isSet();
    }

    public ZoneOffset standardOffset() {
        return ZoneOffset.ofTotalSeconds(-(bias + standardBias) * 60);
    }

    public ZoneOffset daylightOffset() {
        return ZoneOffset.ofTotalSeconds(-(bias + daylightBias) * 60);
    }

    /** These rules as java.time rules, applied to every year. */
    public ZoneRules toZoneRules() {
        ZoneOffset std = standardOffset();
        if (!hasDaylightTime()) {
            return ZoneRules.of(std);
        }
        ZoneOffset dst = daylightOffset();
        ZoneOffsetTransitionRule toDst = transition(daylightDate, std, std, dst);
        ZoneOffsetTransitionRule toStd = transition(standardDate, std, dst, std);
        // java.time applies the yearly rules only after the last listed transition, so list one before 1601,
        // where MAPI times cannot reach.
        ZoneOffsetTransition anchor = ZoneOffsetTransition.of(LocalDateTime.of(1600, 1, 1, 0, 0), dst, std);
        // The yearly rules must be in their order within the year (south of the equator daylight time comes last).
        List<ZoneOffsetTransitionRule> yearly = daylightDate.month() < standardDate.month() ? List.of(toDst, toStd)
                : List.of(toStd, toDst);
        return ZoneRules.of(std, dst, List.of(), List.of(anchor), yearly);
    }

    private static ZoneOffsetTransitionRule transition(SystemTime at, ZoneOffset std, ZoneOffset before,
            ZoneOffset after) {
        int dayIndicator = at.week() == 5 ? -1 : (at.week() - 1) * 7 + 1;
        return ZoneOffsetTransitionRule.of(Month.of(at.month()), dayIndicator, at.day(),
                LocalTime.of(at.hour(), at.minute()), false, ZoneOffsetTransitionRule.TimeDefinition.WALL, std,
                before, after);
    }

    /** PidLidTimeZoneStruct. */
    public byte[] toStruct() {
        ByteBuffer b = ByteBuffer.allocate(STRUCT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(bias).putInt(standardBias).putInt(daylightBias);
        b.putShort((short) year);
        standardDate.write(b);
        b.putShort((short) year);
        daylightDate.write(b);
        return b.array();
    }

    public static TimeZoneRule fromStruct(byte[] struct) {
        if (struct.length < STRUCT_SIZE) {
            throw new IllegalArgumentException("a TimeZoneStruct has 48 bytes, not " + struct.length);
        }
        ByteBuffer b = ByteBuffer.wrap(struct).order(ByteOrder.LITTLE_ENDIAN);
        int bias = b.getInt();
        int standardBias = b.getInt();
        int daylightBias = b.getInt();
        int year = b.getShort();
        SystemTime standard = SystemTime.read(b);
        b.getShort();
        SystemTime daylight = SystemTime.read(b);
        if (standard.isSet() != daylight.isSet()) {
            standard = SystemTime.NONE;
            daylight = SystemTime.NONE;
        }
        return new TimeZoneRule(year, bias, standardBias, daylightBias, standard, daylight);
    }
}
