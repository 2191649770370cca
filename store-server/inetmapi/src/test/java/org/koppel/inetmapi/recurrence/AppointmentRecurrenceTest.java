package org.koppel.inetmapi.recurrence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.recurrence.RecurrencePattern.EndType;
import org.koppel.inetmapi.recurrence.RecurrencePattern.Frequency;
import org.koppel.inetmapi.recurrence.RecurrencePattern.PatternType;

/** The recurrence blob against blobs laid out by hand from [MS-OXOCAL] 2.2.1.44 (src/test/resources/recurrence). */
class AppointmentRecurrenceTest {

    private static final int TUESDAY = 0x04;

    static byte[] hex(String resource) throws IOException {
        try (InputStream in = AppointmentRecurrenceTest.class.getResourceAsStream("/recurrence/" + resource)) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                int hash = line.indexOf('#');
                hex.append((hash >= 0 ? line.substring(0, hash) : line).strip());
            }
            return HexFormat.of().parseHex(hex.toString());
        }
    }

    private static int min(int y, int mo, int d) {
        return MapiMinutes.of(LocalDate.of(y, mo, d));
    }

    private static RecurrencePattern tuesdays(List<Integer> deleted, List<Integer> modified) {
        return new RecurrencePattern(Frequency.WEEKLY, PatternType.WEEK, 0, 1, 0, TUESDAY, 0, 0, EndType.AFTER_DATE,
                15, 1, deleted, modified, min(2012, 3, 27), min(2012, 7, 3));
    }

    @Test
    void weeklySeriesWithDeletedInstancesIsLaidOutAsTheSpecSays() throws IOException {
        List<Integer> deleted = List.of(min(2012, 4, 3), min(2012, 4, 10), min(2012, 4, 17), min(2012, 5, 1),
                min(2012, 5, 29));
        AppointmentRecurrence r = new AppointmentRecurrence(tuesdays(deleted, List.of()), 600, 1080, List.of());

        assertArrayEquals(hex("weekly-deleted.hex"), r.encode());
        assertEquals(r, AppointmentRecurrence.decode(hex("weekly-deleted.hex")));
    }

    @Test
    void patternAloneIsTheFrontOfTheAppointmentBlob() throws IOException {
        // PidLidTaskRecurrence is the RecurrencePattern with nothing after it; it must not list instances.
        RecurrencePattern pattern = tuesdays(List.of(), List.of());
        byte[] blob = pattern.encode();
        byte[] appointment = new AppointmentRecurrence(pattern, 600, 1080, List.of()).encode();
        assertEquals(54, blob.length);
        assertArrayEquals(Arrays.copyOf(appointment, blob.length), blob);
        assertEquals(pattern, RecurrencePattern.decode(blob));
        // The appointment part after it is ignored.
        assertEquals(pattern, RecurrencePattern.decode(appointment));
        int deleted = 5;
        byte[] withDeleted = Arrays.copyOf(hex("weekly-deleted.hex"), blob.length + 4 * deleted);
        assertEquals(deleted, RecurrencePattern.decode(withDeleted).deletedInstanceDates().size());
    }

    @Test
    void modifiedInstanceCarriesItsSubjectAndLocationInBothForms() throws IOException {
        ExceptionInfo moved = ExceptionInfo.moved(MapiMinutes.of(LocalDateTime.of(2012, 4, 4, 11, 0)),
                MapiMinutes.of(LocalDateTime.of(2012, 4, 4, 19, 0)), MapiMinutes.of(LocalDateTime.of(2012, 4, 3, 10, 0)))
                .withSubject("Moved").withLocation("Room 2");
        AppointmentRecurrence r = new AppointmentRecurrence(
                tuesdays(List.of(min(2012, 4, 3)), List.of(min(2012, 4, 4))), 600, 1080, List.of(moved));

        assertArrayEquals(hex("weekly-moved.hex"), r.encode());
        AppointmentRecurrence back = AppointmentRecurrence.decode(hex("weekly-moved.hex"));
        assertEquals("Moved", back.exceptions().get(0).subject());
        assertEquals("Room 2", back.exceptions().get(0).location());
        assertEquals(r, back);
    }

    @Test
    void unicodeTextSurvivesThroughTheExtendedException() {
        ExceptionInfo e = ExceptionInfo.moved(min(2012, 4, 4), min(2012, 4, 4) + 60, min(2012, 4, 3))
                .withSubject("Überraschung €").withBusyStatus(3).withReminder(true, 30).withSubType(false);
        AppointmentRecurrence r = new AppointmentRecurrence(
                tuesdays(List.of(min(2012, 4, 3)), List.of(min(2012, 4, 4))), 0, 60, List.of(e));
        ExceptionInfo back = AppointmentRecurrence.decode(r.encode()).exceptions().get(0);
        assertEquals("Überraschung €", back.subject());
        assertEquals(3, back.busyStatus());
        assertEquals(30, back.reminderDelta());
        assertEquals(true, back.reminderSet());
        assertEquals(false, back.subType());
    }

    @Test
    void firstDateTimeFollowsTheSpecFormulas() {
        // Weekly from a Sunday-started week: Outlook's familiar 0x21C0 (six days after the Monday 1601-01-01).
        RecurrencePattern sunday = new RecurrencePattern(Frequency.WEEKLY, PatternType.WEEK, 0, 1, 0, TUESDAY, 0, 0,
                EndType.NEVER, 10, 0, List.of(), List.of(), min(2012, 3, 27), MapiMinutes.NO_END_DATE);
        assertEquals(0x21C0, sunday.firstDateTime());
        // Daily every 3 days: StartDate % (3 * 1440).
        RecurrencePattern daily = new RecurrencePattern(Frequency.DAILY, PatternType.DAY, 0, 3, 0, 0, 0, 0,
                EndType.NEVER, 10, 0, List.of(), List.of(), min(2012, 3, 27), MapiMinutes.NO_END_DATE);
        assertEquals(min(2012, 3, 27) % (3 * 1440), daily.firstDateTime());
        // Monthly every 5 months from March 2012: (months since 1601-01) % 5 months after 1601-01-01.
        RecurrencePattern monthly = new RecurrencePattern(Frequency.MONTHLY, PatternType.MONTH, 0, 5, 0, 0, 27, 0,
                EndType.NEVER, 10, 0, List.of(), List.of(), min(2012, 3, 27), MapiMinutes.NO_END_DATE);
        int months = (2012 - 1601) * 12 + 2;
        assertEquals(MapiMinutes.of(LocalDate.of(1601, 1, 1).plusMonths(months % 5)), monthly.firstDateTime());
        byte[] blob = new AppointmentRecurrence(daily, 0, 60, List.of()).encode();
        assertEquals(3 * 1440, blob[14] & 0xFF | (blob[15] & 0xFF) << 8 | (blob[16] & 0xFF) << 16,
                "a daily Period is written in minutes");
    }

    @Test
    void lastFridayOfTheMonthExpands() {
        RecurrencePattern p = new RecurrencePattern(Frequency.MONTHLY, PatternType.MONTH_NTH, 0, 1, 0, 1 << 5, 0, 5,
                EndType.AFTER_COUNT, 6, 0, List.of(), List.of(), min(2024, 1, 26), min(2024, 6, 28));
        assertEquals(List.of(LocalDate.of(2024, 1, 26), LocalDate.of(2024, 2, 23), LocalDate.of(2024, 3, 29),
                LocalDate.of(2024, 4, 26), LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 28)),
                p.dates(LocalDate.of(2030, 1, 1), 100));
    }

    @Test
    void dayThirtyOneFallsOnTheLastDayOfShorterMonths() {
        RecurrencePattern p = new RecurrencePattern(Frequency.MONTHLY, PatternType.MONTH, 0, 1, 0, 0, 31, 0,
                EndType.AFTER_COUNT, 3, 0, List.of(), List.of(), min(2024, 1, 31), min(2024, 3, 31));
        assertEquals(List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31)),
                p.dates(LocalDate.of(2030, 1, 1), 100));
    }

    @Test
    void everyTruncationIsAMalformedBlobNotACrash() throws IOException {
        byte[] blob = hex("weekly-moved.hex");
        int accepted = 0;
        for (int n = 0; n < blob.length - 4; n++) {
            byte[] prefix = Arrays.copyOf(blob, n);
            try {
                // The one prefix that decodes is a blob whose writer stopped after ReservedBlock1 (no Unicode
                // part), which some writers do: its exception keeps the 8-bit subject.
                AppointmentRecurrence r = AppointmentRecurrence.decode(prefix);
                assertEquals("Moved", r.exceptions().get(0).subject());
                accepted++;
            } catch (MalformedRecurrenceException expected) {
                // a clean refusal
            }
        }
        assertEquals(1, accepted);
    }

    @Test
    void absurdCountsAreRefusedBeforeAllocating() throws IOException {
        byte[] blob = hex("weekly-deleted.hex");
        // DeletedInstanceCount is at offset 38; make it 0x7FFFFFFF.
        blob[38] = (byte) 0xFF;
        blob[39] = (byte) 0xFF;
        blob[40] = (byte) 0xFF;
        blob[41] = (byte) 0x7F;
        assertThrows(MalformedRecurrenceException.class, () -> AppointmentRecurrence.decode(blob));
    }
}
