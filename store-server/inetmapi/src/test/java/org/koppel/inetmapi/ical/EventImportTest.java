package org.koppel.inetmapi.ical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.recurrence.AppointmentRecurrence;
import org.koppel.inetmapi.recurrence.ExceptionInfo;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.inetmapi.recurrence.RecurrencePattern;
import org.koppel.inetmapi.timezone.TimeZoneDefinition;
import org.koppel.inetmapi.timezone.TimeZoneRule;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.Recipient;

/** What the MAPI side of an imported VEVENT holds, property by property. */
class EventImportTest {

    private final LocalNamedTags tags = new LocalNamedTags();

    private List<CalendarItem> read(String resource, ZoneId floating) {
        String text = CalendarFiles.read(CalendarFiles.resource(resource));
        return new CalendarReader(CalendarReader.Limits.DEFAULT, floating)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), tags);
    }

    private PropReader props(CalendarItem item) {
        return new PropReader(item.content().properties(), tags);
    }

    @Test
    void weeklySeriesWithAMovedAndADeletedInstance() {
        CalendarItem item = read("weekly-moved-and-deleted.ics", ZoneId.of("UTC")).get(0);
        PropReader p = props(item);
        assertEquals("IPM.Appointment", p.string(PropTags.PR_MESSAGE_CLASS).orElseThrow());
        assertEquals(Instant.parse("2024-03-11T09:00:00Z"), p.time(NamedTags.APPOINTMENT_START_WHOLE).orElseThrow());
        assertEquals(Instant.parse("2024-03-11T10:00:00Z"), p.time(NamedTags.APPOINTMENT_END_WHOLE).orElseThrow());
        assertEquals(60, p.integer(NamedTags.APPOINTMENT_DURATION).orElseThrow());
        assertTrue(p.flag(NamedTags.RECURRING));
        assertEquals(1, p.integer(NamedTags.BUSY_STATUS).orElseThrow());
        assertEquals(3, p.integer(PropTags.PR_SENSITIVITY).orElseThrow());
        assertEquals(List.of("Work", "Team"), p.strings(NamedTags.KEYWORDS));
        assertEquals(15, p.integer(NamedTags.REMINDER_DELTA).orElseThrow());
        assertEquals(2, p.integer(NamedTags.APPOINTMENT_SEQUENCE).orElseThrow());
        assertEquals("Room 1", p.string(NamedTags.LOCATION).orElseThrow());

        AppointmentRecurrence r = AppointmentRecurrence.decode(p.binary(NamedTags.APPOINTMENT_RECUR).orElseThrow());
        RecurrencePattern pattern = r.pattern();
        assertEquals(RecurrencePattern.PatternType.WEEK, pattern.patternType());
        assertEquals(1 << 1, pattern.dayMask());
        assertEquals(RecurrencePattern.EndType.AFTER_COUNT, pattern.endType());
        assertEquals(8, pattern.occurrenceCount());
        assertEquals(MapiMinutes.of(LocalDate.of(2024, 3, 11)), pattern.startDate());
        assertEquals(MapiMinutes.of(LocalDate.of(2024, 4, 29)), pattern.endDate());
        assertEquals(600, r.startTimeOffset());
        assertEquals(660, r.endTimeOffset());
        assertEquals(List.of(MapiMinutes.of(LocalDate.of(2024, 3, 25)), MapiMinutes.of(LocalDate.of(2024, 4, 1))),
                pattern.deletedInstanceDates());
        assertEquals(List.of(MapiMinutes.of(LocalDate.of(2024, 3, 26))), pattern.modifiedInstanceDates());
        ExceptionInfo e = r.exceptions().get(0);
        assertEquals(MapiMinutes.of(LocalDateTime.of(2024, 3, 26, 14, 30)), e.startDateTime());
        assertEquals(MapiMinutes.of(LocalDateTime.of(2024, 3, 25, 10, 0)), e.originalStartDate());
        assertEquals("Team meeting (moved to Tuesday)", e.subject());
        assertEquals("Room 7", e.location());
        assertEquals(Instant.parse("2024-03-11T00:00:00Z").minusSeconds(3600), p.time(NamedTags.CLIP_START).orElseThrow());

        TimeZoneRule zone = TimeZoneRule.fromStruct(p.binary(NamedTags.TIME_ZONE_STRUCT).orElseThrow());
        assertEquals(-60, zone.bias());
        assertEquals("Europe/Berlin", TimeZoneDefinition.decode(
                p.binary(NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_RECUR).orElseThrow()).keyName());

        AttachmentContent.Embedded exception = (AttachmentContent.Embedded) item.content().attachments().get(0);
        PropReader ep = new PropReader(exception.message().properties(), tags);
        assertEquals(Instant.parse("2024-03-25T09:00:00Z"), ep.time(NamedTags.EXCEPTION_REPLACE_TIME).orElseThrow());
        assertEquals(EventImporter.EXCEPTION_CLASS, ep.string(PropTags.PR_MESSAGE_CLASS).orElseThrow());

        List<Recipient> people = item.content().recipients();
        assertEquals(5, people.size());
        Recipient olga = people.get(0);
        assertEquals(RecipientType.MAPI_TO, olga.type());
        PropReader op = new PropReader(olga.properties(), tags);
        assertEquals(Attendees.RECIP_SENDABLE | Attendees.RECIP_ORGANIZER, op.integer(PropTags.PR_RECIPIENT_FLAGS).orElseThrow());
        assertEquals(RecipientType.MAPI_CC, people.get(2).type());
        assertEquals(RecipientType.MAPI_BCC, people.get(3).type());
        assertEquals(Attendees.RESP_DECLINED, new PropReader(people.get(3).properties(), tags)
                .integer(PropTags.PR_RECIPIENT_TRACK_STATUS).orElseThrow());
        assertEquals("olga@koppel.test", p.string(PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS).orElseThrow());
    }

    @Test
    void allDayEventsAreMidnightToMidnightInTheirZoneAcrossTheChange() {
        CalendarItem item = read("allday-across-dst.ics", ZoneId.of("Europe/Amsterdam")).get(0);
        PropReader p = props(item);
        assertTrue(p.flag(NamedTags.APPOINTMENT_SUB_TYPE));
        assertEquals(Instant.parse("2024-03-29T23:00:00Z"), p.time(NamedTags.APPOINTMENT_START_WHOLE).orElseThrow());
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), p.time(NamedTags.APPOINTMENT_END_WHOLE).orElseThrow());
        assertEquals(47 * 60, p.integer(NamedTags.APPOINTMENT_DURATION).orElseThrow());
        assertEquals(0, p.integer(NamedTags.BUSY_STATUS).orElseThrow());
    }

    @Test
    void monthlyLastFridayIsAMonthNthPattern() {
        PropReader p = props(read("monthly-last-friday.ics", ZoneId.of("UTC")).get(0));
        RecurrencePattern pattern = AppointmentRecurrence.decode(p.binary(NamedTags.APPOINTMENT_RECUR).orElseThrow()).pattern();
        assertEquals(RecurrencePattern.PatternType.MONTH_NTH, pattern.patternType());
        assertEquals(5, pattern.nth());
        assertEquals(1 << 5, pattern.dayMask());
        assertEquals(RecurrencePattern.EndType.NEVER, pattern.endType());
        assertEquals(MapiMinutes.NO_END_DATE, pattern.endDate());
        assertEquals(EventImporter.NO_END_CLIP, p.time(NamedTags.CLIP_END).orElseThrow());
    }

    @Test
    void yearlyPatternsRepeatEveryTwelveMonths() {
        List<CalendarItem> items = read("yearly.ics", ZoneId.of("UTC"));
        RecurrencePattern birthday = AppointmentRecurrence.decode(props(items.get(0))
                .binary(NamedTags.APPOINTMENT_RECUR).orElseThrow()).pattern();
        assertEquals(RecurrencePattern.Frequency.YEARLY, birthday.frequency());
        assertEquals(12, birthday.period());
        assertEquals(15, birthday.dayOfMonth());
        RecurrencePattern thanksgiving = AppointmentRecurrence.decode(props(items.get(1))
                .binary(NamedTags.APPOINTMENT_RECUR).orElseThrow()).pattern();
        assertEquals(RecurrencePattern.PatternType.MONTH_NTH, thanksgiving.patternType());
        assertEquals(4, thanksgiving.nth());
        assertEquals(MapiMinutes.of(LocalDate.of(2026, 11, 26)), thanksgiving.endDate());
    }

    @Test
    void outlookUidIsTheGlobalObjectIdItself() {
        CalendarItem item = read("outlook-uid.ics", ZoneId.of("UTC")).get(0);
        byte[] goid = props(item).binary(NamedTags.GLOBAL_OBJECT_ID).orElseThrow();
        assertArrayEquals(HexFormat.of().parseHex(item.uid()), goid);
        assertEquals(item.uid(), GlobalObjectId.toUid(goid));
    }

    @Test
    void otherUidsAreWrappedAsVCalUid() {
        byte[] goid = GlobalObjectId.fromUid("team-meeting-2024@koppel.test", Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals("vCal-Uid", new String(goid, 40, 8, StandardCharsets.US_ASCII));
        assertEquals("team-meeting-2024@koppel.test", GlobalObjectId.toUid(goid));
        assertEquals("team-meeting-2024@koppel.test",
                GlobalObjectId.toUid(GlobalObjectId.forInstance(goid, LocalDate.of(2024, 3, 25))));
        // Lower-case hex is not how Outlook writes ids: wrapped, so it comes back as it was.
        String lower = "040000008200e00074c5b7101a82e00800000000";
        assertEquals(lower, GlobalObjectId.toUid(GlobalObjectId.fromUid(lower, Instant.EPOCH)));
    }

    @Test
    void unsupportedRulesKeepTheFirstInstanceAndSaySo() {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:h\r\nDTSTART:20240101T100000Z\r\n"
                + "RRULE:FREQ=HOURLY;COUNT=3\r\nRDATE:20240105T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        CalendarItem item = new CalendarReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                tags).get(0);
        assertFalse(props(item).flag(NamedTags.RECURRING));
        assertEquals(2, item.warnings().size(), item.warnings().toString());
    }

    @Test
    void limitsAreEnforced() {
        String text = CalendarFiles.read(CalendarFiles.resource("weekly-moved-and-deleted.ics"));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThrows(CalendarException.TooLarge.class, () -> new CalendarReader(
                new CalendarReader.Limits(100, 100), ZoneId.of("UTC")).read(new ByteArrayInputStream(bytes), tags));
        assertThrows(CalendarException.TooLarge.class, () -> new CalendarReader(
                new CalendarReader.Limits(1 << 20, 3), ZoneId.of("UTC")).read(new ByteArrayInputStream(bytes), tags));
        assertThrows(CalendarException.Malformed.class, () -> new CalendarReader()
                .read(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), tags));
    }

    @Test
    void everyPrefixOfAnEventEndsCleanly() {
        byte[] bytes = CalendarFiles.read(CalendarFiles.resource("weekly-moved-and-deleted.ics"))
                .getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < bytes.length; n += 7) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, n);
            try {
                new CalendarReader().read(new ByteArrayInputStream(prefix), new LocalNamedTags());
            } catch (CalendarException expected) {
                // a clean refusal
            }
        }
    }
}
