package org.koppel.inetmapi.ical;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;

/** Test data and an independent reading of it with ical4j: the instances and attendees of each series. */
final class CalendarFiles {

    private CalendarFiles() {
    }

    /** The shared corpus, found from the module directory (where surefire runs) or the project root. */
    static Path corpus() {
        for (Path p : List.of(Path.of("../../../shared/corpus/ical/python-icalendar"),
                Path.of("../shared/corpus/ical/python-icalendar"), Path.of("/work/shared/corpus/ical/python-icalendar"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the iCalendar corpus is missing");
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(CalendarFiles.class.getResource("/ical/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every VCALENDAR of a text, read by ical4j on its own (empty lines skipped, as the reader does). */
    static List<Calendar> parse(String text) {
        List<Calendar> out = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String line : text.split("\r\n|\n|\r")) {
            if (line.isBlank()) {
                continue;
            }
            chunk.append(line).append("\r\n");
            if (line.strip().equalsIgnoreCase("END:VCALENDAR")) {
                try {
                    out.add(new CalendarBuilder().build(new StringReader(chunk.toString())));
                } catch (Exception e) {
                    throw new AssertionError("ical4j cannot read:\n" + chunk, e);
                }
                chunk.setLength(0);
            }
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A series as ical4j sees it: its instance starts within two years of its start, and its people. */
    record Series(String summary, Set<Instant> instances, Set<String> attendees, String organizer) {
    }

    /**
     * The series of some calendars keyed by summary and first start (UID-less events get new UIDs on the way),
     * floating times and dates read in {@code floating}.
     */
    static Map<String, Series> series(List<Calendar> calendars, ZoneId floating) {
        Map<String, List<VEvent>> byUid = new HashMap<>();
        int anonymous = 0;
        for (Calendar c : calendars) {
            for (CalendarComponent comp : c.getComponents()) {
                if (comp instanceof VEvent e) {
                    String uid = ICal.text(e, "UID").orElse("anonymous-" + anonymous++);
                    byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(e);
                }
            }
        }
        Map<String, Series> out = new HashMap<>();
        for (List<VEvent> events : byUid.values()) {
            VEvent master = events.stream().filter(e -> ICal.prop(e, "RECURRENCE-ID").isEmpty()).findFirst()
                    .orElse(events.get(0));
            Temporal start = ICal.date(master, "DTSTART").orElseThrow();
            Instant first = ICal.instant(start, floating);
            Instant windowEnd = first.plus(java.time.Duration.ofDays(730));
            Set<Instant> instances = new TreeSet<>();
            if (ICal.prop(master, "RRULE").isPresent()) {
                Set<Period<Temporal>> set = master.calculateRecurrenceSet(new Period<>(start, java.time.Period.ofYears(2)));
                for (Period<Temporal> p : set) {
                    instances.add(ICal.instant(p.getStart(), floating));
                }
                instances.add(first);
                for (Temporal ex : ICal.dates(master, "EXDATE")) {
                    instances.remove(ICal.instant(ex, floating));
                }
            } else {
                instances.add(first);
            }
            for (VEvent e : events) {
                if (e != master && ICal.prop(e, "RECURRENCE-ID").isPresent()) {
                    instances.remove(ICal.instant(ICal.date(e, "RECURRENCE-ID").orElseThrow(), floating));
                    instances.add(ICal.instant(ICal.date(e, "DTSTART").orElseThrow(), floating));
                }
            }
            instances.removeIf(t -> t.isAfter(windowEnd));
            Set<String> attendees = new TreeSet<>();
            for (Property a : ICal.props(master, "ATTENDEE")) {
                attendees.add(Attendees.email(a).toLowerCase(Locale.ROOT) + " "
                        + ICal.param(a, "PARTSTAT").orElse("NEEDS-ACTION"));
            }
            String organizer = ICal.prop(master, "ORGANIZER").map(Attendees::email).orElse("");
            String summary = ICal.text(master, "SUMMARY").orElse("");
            out.put(summary + " @ " + first, new Series(summary, instances, attendees, organizer));
        }
        return out;
    }
}
