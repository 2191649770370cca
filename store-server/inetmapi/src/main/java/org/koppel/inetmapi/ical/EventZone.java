package org.koppel.inetmapi.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.koppel.inetmapi.timezone.SystemTime;
import org.koppel.inetmapi.timezone.TimeZoneDefinition;
import org.koppel.inetmapi.timezone.TimeZoneRule;

/**
 * The time zone an appointment's local times are in: its name (the iCalendar TZID, the Windows key name), its
 * rules, and how it is written back as a VTIMEZONE. UTC is written as UTC times, without a VTIMEZONE.
 */
record EventZone(String name, ZoneRules rules, TimeZoneRule rule) {

    static final EventZone UTC = new EventZone("UTC", ZoneOffset.UTC.getRules(), TimeZoneRule.fixed(1601, ZoneOffset.UTC));

    static EventZone of(TimeZoneDefinition definition, int year) {
        TimeZoneRule rule = definition.ruleFor(year);
        return of(definition.keyName(), rule);
    }

    static EventZone of(String name, TimeZoneRule rule) {
        if (!rule.hasDaylightTime() && rule.bias() + rule.standardBias() == 0) {
            return UTC;
        }
        return new EventZone(name, rule.toZoneRules(), rule);
    }

    boolean isUtc() {
        return this == UTC || (rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0);
    }

    LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, rules.getOffset(t));
    }

    Instant instant(LocalDateTime local) {
        // In a gap the clock moves forward by the gap, as java.time does for ZonedDateTime.
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            var transition = rules.getTransition(local);
            return local.plus(transition.getDuration()).toInstant(transition.getOffsetAfter());
        }
        return local.toInstant(offsets.get(0));
    }

    /** A DTSTART-like property: "NAME;TZID=x:local" or "NAME:utcZ". */
    void dateTime(ContentLines out, String name, Instant t) {
        if (isUtc()) {
            out.raw(name, ContentLines.utc(t));
        } else {
            out.raw(name + ";TZID=" + ContentLines.param(this.name), ContentLines.local(local(t)));
        }
    }

    void writeVTimeZone(ContentLines out) {
        if (isUtc()) {
            return;
        }
        out.begin("VTIMEZONE").text("TZID", name);
        int year = rule.year() > 1970 ? 1970 : 1601;
        if (!rule.hasDaylightTime()) {
            String offset = offset(rule.standardOffset());
            out.begin("STANDARD").raw("DTSTART", year + "0101T000000").raw("TZOFFSETFROM", offset)
                    .raw("TZOFFSETTO", offset).end("STANDARD");
        } else {
            observance(out, "STANDARD", rule.standardDate(), rule.daylightOffset(), rule.standardOffset(), year);
            observance(out, "DAYLIGHT", rule.daylightDate(), rule.standardOffset(), rule.daylightOffset(), year);
        }
        out.end("VTIMEZONE");
    }

    private static void observance(ContentLines out, String kind, SystemTime at, ZoneOffset from, ZoneOffset to,
            int year) {
        String day = (at.week() == 5 ? "-1" : String.valueOf(at.week()))
                + at.day().name().substring(0, 2);
        out.begin(kind).raw("DTSTART", ContentLines.local(at.in(year)))
                .raw("RRULE", "FREQ=YEARLY;BYMONTH=" + at.month() + ";BYDAY=" + day)
                .raw("TZOFFSETFROM", offset(from)).raw("TZOFFSETTO", offset(to)).end(kind);
    }

    static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        int a = Math.abs(s);
        String hhmm = String.format("%s%02d%02d", s < 0 ? "-" : "+", a / 3600, a / 60 % 60);
        return a % 60 == 0 ? hhmm : hhmm + String.format("%02d", a % 60);
    }
}
