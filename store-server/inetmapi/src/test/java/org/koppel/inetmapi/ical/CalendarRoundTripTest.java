package org.koppel.inetmapi.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.MapiMessage;

/**
 * iCalendar -> MAPI -> iCalendar keeps every series' instances (expanded by ical4j over two years) and people,
 * for the shared corpus and the hand-made edge cases.
 */
class CalendarRoundTripTest {

    /** The corpus file ical4j (like python-icalendar) cannot read: it ends in END:VCALENDARD. */
    static final String BROKEN = "timezone_same_start_and_offset.ics";

    static Stream<Path> readable() {
        return Stream.concat(CalendarFiles.files(CalendarFiles.corpus()).stream(),
                        CalendarFiles.files(CalendarFiles.resource("allday-across-dst.ics").getParent()).stream())
                .filter(p -> !p.getFileName().toString().equals(BROKEN));
    }

    static String roundTrip(String text, ZoneId floating) {
        LocalNamedTags tags = new LocalNamedTags();
        List<CalendarItem> items = new CalendarReader(CalendarReader.Limits.DEFAULT, floating)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), tags);
        List<MapiMessage> messages = items.stream().map(i -> (MapiMessage) new ContentMessage(i.content())).toList();
        return new CalendarWriter(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), floating)
                .write(messages, tags);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void roundTripKeepsInstancesAndAttendees(Path file) {
        ZoneId floating = file.getFileName().toString().startsWith("allday") ? ZoneId.of("Europe/Amsterdam")
                : ZoneOffset.UTC;
        String original = CalendarFiles.read(file);
        String written = roundTrip(original, floating);

        Map<String, CalendarFiles.Series> before = CalendarFiles.series(CalendarFiles.parse(original), floating);
        Map<String, CalendarFiles.Series> after = CalendarFiles.series(CalendarFiles.parse(written), floating);
        assertEquals(before.keySet(), after.keySet(), written);
        for (var e : before.entrySet()) {
            CalendarFiles.Series a = after.get(e.getKey());
            assertFalse(e.getValue().instances().isEmpty());
            assertEquals(e.getValue().instances(), a.instances(), e.getKey() + "\n" + written);
            assertEquals(e.getValue().attendees(), a.attendees(), e.getKey());
            assertEquals(e.getValue().organizer(), a.organizer(), e.getKey());
        }
        // And what we wrote reads back to the same again.
        assertEquals(after, CalendarFiles.series(CalendarFiles.parse(roundTrip(written, floating)), floating));
    }

    @Test
    void uidsComeBackExactly() {
        for (Path file : readable().toList()) {
            String original = CalendarFiles.read(file);
            Set<String> before = uids(original);
            Set<String> after = uids(roundTrip(original, ZoneOffset.UTC));
            assertTrue(after.containsAll(before), file + ": " + before + " vs " + after);
        }
    }

    private static Set<String> uids(String text) {
        Set<String> out = new TreeSet<>();
        for (var c : CalendarFiles.parse(text)) {
            c.getComponents().forEach(comp -> ICal.text(comp, "UID").ifPresent(out::add));
        }
        return out;
    }

    @Test
    void theBrokenCorpusFileIsAClearErrorWithItsLine() {
        String text = CalendarFiles.read(CalendarFiles.corpus().resolve(BROKEN));
        CalendarException.Malformed e = assertThrows(CalendarException.Malformed.class,
                () -> new CalendarReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        new LocalNamedTags()));
        assertEquals(23, e.line());
        assertTrue(e.getMessage().contains("VCALENDARD"), e.getMessage());
    }
}
