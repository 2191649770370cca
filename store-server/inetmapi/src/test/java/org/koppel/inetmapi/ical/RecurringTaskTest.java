package org.koppel.inetmapi.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VToDo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.inetmapi.recurrence.RecurrencePattern;
import org.koppel.inetmapi.recurrence.RecurrencePattern.EndType;
import org.koppel.inetmapi.recurrence.RecurrencePattern.Frequency;
import org.koppel.inetmapi.recurrence.RecurrencePattern.PatternType;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;

/**
 * VTODO with RRULE -> IPM.Task with PidLidTaskRecurrence -> VTODO keeps every instance (expanded by ical4j over
 * two years), and the blob holds the pattern the rule describes (src/test/resources/ical/tasks).
 */
class RecurringTaskTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int MO = 1 << 1;
    private static final int TU = 1 << 2;
    private static final int WE = 1 << 3;
    private static final int TH = 1 << 4;
    private static final int FR = 1 << 5;

    private final LocalNamedTags tags = new LocalNamedTags();

    static Stream<String> convertible() {
        return Stream.of("weekly.ics", "monthly.ics", "yearly.ics", "count-and-until.ics");
    }

    private List<CalendarItem> read(String text) {
        return new CalendarReader(CalendarReader.Limits.DEFAULT, ZONE)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), tags);
    }

    private String write(List<MessageContent> contents) {
        List<MapiMessage> messages = contents.stream().map(c -> (MapiMessage) new ContentMessage(c)).toList();
        return new CalendarWriter(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), ZONE)
                .write(messages, tags);
    }

    private static String text(String name) {
        return CalendarFiles.read(CalendarFiles.resource("tasks/" + name));
    }

    /** Each task's instances as ical4j expands them: "start/due" over two years from DTSTART, keyed by UID. */
    private static Map<String, Set<String>> instances(String text) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Calendar c : CalendarFiles.parse(text)) {
            for (VToDo todo : c.<VToDo>getComponents("VTODO")) {
                Temporal start = ICal.date(todo, "DTSTART").orElseThrow();
                Set<String> instances = new TreeSet<>();
                Set<Period<Temporal>> set = todo.calculateRecurrenceSet(new Period<>(start, java.time.Period.ofYears(2)));
                for (Period<Temporal> p : set) {
                    instances.add(ICal.instant(p.getStart(), ZONE) + "/" + ICal.instant(p.getEnd(), ZONE));
                }
                out.put(ICal.text(todo, "UID").orElseThrow(), instances);
            }
        }
        return out;
    }

    private PropReader props(CalendarItem item) {
        return new PropReader(item.content().properties(), tags);
    }

    private Map<String, RecurrencePattern> patterns(String name) {
        Map<String, RecurrencePattern> out = new TreeMap<>();
        for (CalendarItem item : read(text(name))) {
            assertEquals(List.of(), item.warnings(), item.uid());
            PropReader p = props(item);
            assertTrue(p.flag(NamedTags.TASK_FRECURRING), item.uid());
            assertFalse(p.flag(NamedTags.TASK_DEAD_OCCURRENCE), item.uid());
            assertTrue(p.time(NamedTags.TASK_START_DATE).isPresent(), item.uid());
            byte[] blob = p.binary(NamedTags.TASK_RECURRENCE).orElseThrow();
            RecurrencePattern r = RecurrencePattern.decode(blob);
            // A task's blob is the pattern alone: no appointment part, no deleted or modified instances.
            assertEquals(blob.length, r.encode().length, item.uid());
            assertEquals(List.of(), r.deletedInstanceDates());
            assertEquals(List.of(), r.modifiedInstanceDates());
            assertEquals(0, r.slidingFlag());
            assertEquals(0, r.calendarType());
            out.put(item.uid(), r);
        }
        return out;
    }

    private List<String> blobs(List<CalendarItem> items) {
        return items.stream().map(i -> HexFormat.of().formatHex(props(i).binary(NamedTags.TASK_RECURRENCE)
                .orElseThrow())).toList();
    }

    private static int day(int y, int m, int d) {
        return MapiMinutes.of(LocalDate.of(y, m, d));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convertible")
    void roundTripKeepsEveryInstance(String name) {
        String original = text(name);
        List<CalendarItem> items = read(original);
        assertFalse(items.isEmpty());
        items.forEach(i -> assertEquals(List.of(), i.warnings(), i.uid()));
        String written = write(items.stream().map(CalendarItem::content).toList());

        Map<String, Set<String>> before = instances(original);
        Map<String, Set<String>> after = instances(written);
        assertEquals(before.keySet(), after.keySet(), written);
        for (var e : before.entrySet()) {
            assertTrue(e.getValue().size() > 1, e.getKey());
            assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + "\n" + written);
        }
        // What we wrote reads in to the same blobs again (compared as hex, so a difference shows where).
        assertEquals(blobs(items), blobs(read(written)), written);
    }

    @Test
    void weeklyPattern() {
        RecurrencePattern r = patterns("weekly.ics").get("task-weekly@koppel.test");
        assertEquals(Frequency.WEEKLY, r.frequency());
        assertEquals(PatternType.WEEK, r.patternType());
        assertEquals(1, r.period());
        assertEquals(MO | WE, r.dayMask());
        assertEquals(1, r.firstDayOfWeek());
        assertEquals(EndType.NEVER, r.endType());
        assertEquals(day(2024, 3, 4), r.startDate());
        assertEquals(MapiMinutes.NO_END_DATE, r.endDate());
    }

    @Test
    void monthlyPatterns() {
        Map<String, RecurrencePattern> all = patterns("monthly.ics");
        RecurrencePattern byDay = all.get("task-monthly-day@koppel.test");
        assertEquals(Frequency.MONTHLY, byDay.frequency());
        assertEquals(PatternType.MONTH, byDay.patternType());
        assertEquals(1, byDay.period());
        assertEquals(15, byDay.dayOfMonth());
        assertEquals(EndType.AFTER_COUNT, byDay.endType());
        assertEquals(12, byDay.occurrenceCount());
        assertEquals(day(2024, 1, 15), byDay.startDate());
        assertEquals(day(2024, 12, 15), byDay.endDate());

        RecurrencePattern lastFriday = all.get("task-monthly-last-friday@koppel.test");
        assertEquals(PatternType.MONTH_NTH, lastFriday.patternType());
        assertEquals(FR, lastFriday.dayMask());
        assertEquals(5, lastFriday.nth());
        assertEquals(EndType.AFTER_DATE, lastFriday.endType());
        assertEquals(day(2024, 1, 26), lastFriday.startDate());
        assertEquals(day(2025, 1, 31), lastFriday.endDate());
        assertEquals(13, lastFriday.occurrenceCount());

        RecurrencePattern secondTuesday = all.get("task-monthly-second-tuesday@koppel.test");
        assertEquals(PatternType.MONTH_NTH, secondTuesday.patternType());
        assertEquals(2, secondTuesday.period());
        assertEquals(TU, secondTuesday.dayMask());
        assertEquals(2, secondTuesday.nth());
        assertEquals(EndType.NEVER, secondTuesday.endType());
    }

    @Test
    void yearlyPatterns() {
        Map<String, RecurrencePattern> all = patterns("yearly.ics");
        RecurrencePattern byDay = all.get("task-yearly-day@koppel.test");
        assertEquals(Frequency.YEARLY, byDay.frequency());
        assertEquals(PatternType.MONTH, byDay.patternType());
        assertEquals(12, byDay.period());
        assertEquals(10, byDay.dayOfMonth());
        assertEquals(day(2024, 6, 10), byDay.startDate());

        RecurrencePattern thanksgiving = all.get("task-yearly-nth@koppel.test");
        assertEquals(Frequency.YEARLY, thanksgiving.frequency());
        assertEquals(PatternType.MONTH_NTH, thanksgiving.patternType());
        assertEquals(12, thanksgiving.period());
        assertEquals(TH, thanksgiving.dayMask());
        assertEquals(4, thanksgiving.nth());
        assertEquals(day(2024, 11, 28), thanksgiving.startDate());
    }

    @Test
    void countAndUntilPatterns() {
        Map<String, RecurrencePattern> all = patterns("count-and-until.ics");
        RecurrencePattern count = all.get("task-count@koppel.test");
        assertEquals(Frequency.DAILY, count.frequency());
        assertEquals(PatternType.DAY, count.patternType());
        assertEquals(2, count.period());
        assertEquals(EndType.AFTER_COUNT, count.endType());
        assertEquals(10, count.occurrenceCount());
        assertEquals(day(2024, 4, 12), count.endDate());

        RecurrencePattern until = all.get("task-until@koppel.test");
        assertEquals(PatternType.WEEK, until.patternType());
        assertEquals(2, until.period());
        assertEquals(TU | TH, until.dayMask());
        assertEquals(EndType.AFTER_DATE, until.endType());
        // UNTIL is exactly the start of the instance on Thursday 27 June, which is therefore the last one.
        assertEquals(day(2024, 6, 27), until.endDate());
        assertEquals(18, until.occurrenceCount());

        RecurrencePattern untilDate = all.get("task-until-date@koppel.test");
        assertEquals(PatternType.DAY, untilDate.patternType());
        assertEquals(1, untilDate.period());
        assertEquals(EndType.AFTER_DATE, untilDate.endType());
        assertEquals(day(2024, 4, 30), untilDate.endDate());
        assertEquals(30, untilDate.occurrenceCount());
    }

    @Test
    void ruleOutlookCannotHoldKeepsTheFirstInstanceWithAWarning() {
        CalendarItem item = read(text("unsupported.ics")).get(0);
        assertEquals(1, item.warnings().size(), item.warnings().toString());
        assertTrue(item.warnings().get(0).contains("only the first instance was kept"), item.warnings().get(0));
        PropReader p = props(item);
        assertFalse(p.flag(NamedTags.TASK_FRECURRING));
        assertTrue(p.binary(NamedTags.TASK_RECURRENCE).isEmpty());
        assertEquals(Instant.parse("2024-03-05T08:00:00Z"), p.time(NamedTags.COMMON_START).orElseThrow());

        String written = write(List.of(item.content()));
        assertFalse(written.contains("RRULE"), written);
        assertTrue(written.contains("DTSTART:20240305T080000Z"), written);
    }

    @Test
    void exdateAndInstancesAreNotPartOfATaskPattern() {
        List<CalendarItem> items = read(text("instance-and-exdate.ics"));
        assertEquals(2, items.size());
        CalendarItem series = items.get(0);
        assertEquals(List.of("EXDATE cannot be held by a task recurrence and was dropped"), series.warnings());
        RecurrencePattern r = RecurrencePattern.decode(props(series).binary(NamedTags.TASK_RECURRENCE).orElseThrow());
        assertEquals(List.of(), r.deletedInstanceDates());
        assertEquals(10, r.occurrenceCount());
        assertEquals(day(2024, 5, 3), r.endDate());

        CalendarItem instance = items.get(1);
        assertEquals(1, instance.warnings().size(), instance.warnings().toString());
        assertTrue(instance.warnings().get(0).contains("RECURRENCE-ID"), instance.warnings().get(0));
        assertFalse(props(instance).flag(NamedTags.TASK_FRECURRING));
    }

    @Test
    void regeneratingTaskIsWrittenWithoutItsRule() {
        CalendarItem item = read(text("weekly.ics")).get(0);
        PropTag blobTag = tags.resolve(NamedTags.TASK_RECURRENCE);
        RecurrencePattern r = RecurrencePattern.decode(props(item).binary(NamedTags.TASK_RECURRENCE).orElseThrow());
        RecurrencePattern sliding = new RecurrencePattern(r.frequency(), r.patternType(), r.calendarType(),
                r.period(), 1, r.dayMask(), r.dayOfMonth(), r.nth(), r.endType(), r.occurrenceCount(),
                r.firstDayOfWeek(), List.of(), List.of(), r.startDate(), r.endDate());
        List<PropValue> values = new ArrayList<>(item.content().properties());
        values.removeIf(v -> v.tag().equals(blobTag));
        values.add(PropValue.of(blobTag, sliding.encode()));

        String written = write(List.of(MessageContent.of(values)));
        assertFalse(written.contains("RRULE"), written);
        assertTrue(written.contains("DTSTART:20240304T080000Z"), written);
    }

    @Test
    void taskWithoutRuleIsNotRecurring() {
        CalendarItem item = read(CalendarFiles.read(CalendarFiles.resource("tasks-and-notes.ics"))).get(0);
        assertFalse(props(item).flag(NamedTags.TASK_FRECURRING));
        assertTrue(props(item).binary(NamedTags.TASK_RECURRENCE).isEmpty());
        assertFalse(write(List.of(item.content())).contains("RRULE"));
    }
}
