package org.koppel.inetmapi.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.MapiMessage;

class FreeBusyWriterTest {

    private final LocalNamedTags tags = new LocalNamedTags();

    private List<MapiMessage> appointments(String... resources) {
        List<MapiMessage> out = new ArrayList<>();
        for (String r : resources) {
            Path file = CalendarFiles.resource(r);
            new CalendarReader().read(new ByteArrayInputStream(CalendarFiles.read(file).getBytes(StandardCharsets.UTF_8)),
                    tags).forEach(i -> out.add(new ContentMessage(i.content())));
        }
        return out;
    }

    @Test
    void busyTimeFollowsTheSeriesWithItsMovedAndDeletedInstances() throws Exception {
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant to = Instant.parse("2024-05-01T00:00:00Z");
        String text = new FreeBusyWriter(Clock.fixed(from, ZoneOffset.UTC))
                .write(appointments("weekly-moved-and-deleted.ics"), tags, from, to, "olga@koppel.test");
        Map<String, Set<String>> periods = periods(text);
        // The series is tentative (CDO busy status); the moved instance is busy; 2024-03-25 and 04-01 are gone.
        assertEquals(Set.of("20240326T133000Z/20240326T150000Z"), periods.get("BUSY"));
        assertEquals(Set.of("20240311T090000Z/20240311T100000Z", "20240318T090000Z/20240318T100000Z",
                "20240408T080000Z/20240408T090000Z", "20240415T080000Z/20240415T090000Z",
                "20240422T080000Z/20240422T090000Z", "20240429T080000Z/20240429T090000Z"), periods.get("BUSY-TENTATIVE"));
    }

    /** The periods of each FBTYPE, as ical4j reads the VFREEBUSY. */
    private static Map<String, Set<String>> periods(String text) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(text));
        Map<String, Set<String>> out = new TreeMap<>();
        // PropertyList.getProperties(name) keeps one property per name here, so walk them all.
        for (Property p : c.getComponents("VFREEBUSY").get(0).getProperties()) {
            if (p.getName().equals("FREEBUSY")) {
                out.computeIfAbsent(ICal.param(p, "FBTYPE").orElse("BUSY"), k -> new TreeSet<>())
                        .addAll(List.of(p.getValue().split(",")));
            }
        }
        return out;
    }

    @Test
    void freeTimeAndTimeOutsideTheRangeAreLeftOut() throws Exception {
        Instant from = Instant.parse("2024-03-24T00:00:00Z");
        Instant to = Instant.parse("2024-03-31T00:00:00Z");
        String text = new FreeBusyWriter(Clock.fixed(from, ZoneOffset.UTC))
                .write(appointments("allday-across-dst.ics", "count-limited.ics"), tags, from, to, null);
        // The all-day weekend is TRANSPARENT; the every-other-day series ended on the 23rd.
        assertEquals(Map.of(), periods(text));
        from = Instant.parse("2024-03-23T08:15:00Z");
        text = new FreeBusyWriter(Clock.fixed(from, ZoneOffset.UTC))
                .write(appointments("count-limited.ics"), tags, from, to, null);
        // Clipped to the range.
        assertEquals(Map.of("BUSY", Set.of("20240323T081500Z/20240323T083000Z")), periods(text));
    }
}
