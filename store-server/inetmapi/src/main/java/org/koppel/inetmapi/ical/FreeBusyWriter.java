package org.koppel.inetmapi.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.recurrence.AppointmentRecurrence;
import org.koppel.inetmapi.recurrence.ExceptionInfo;
import org.koppel.inetmapi.recurrence.MalformedRecurrenceException;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.mapi.NamedTags;

/**
 * Writes the VFREEBUSY of a set of appointments over a range: every instance (recurrences expanded, deleted
 * instances left out, moved ones where they moved to) that is not free, merged per FBTYPE (BUSY,
 * BUSY-TENTATIVE, BUSY-UNAVAILABLE for out of office).
 */
public final class FreeBusyWriter {

    /** Instances listed at most per series, against a never-ending daily series and a range of centuries. */
    private static final int MAX_INSTANCES = 100_000;

    private final Clock clock;

    public FreeBusyWriter(Clock clock) {
        this.clock = clock;
    }

    /** One busy interval of one instance. */
    record Busy(Instant start, Instant end, int status) {
    }

    /**
     * @param organizer the address whose time this is (ORGANIZER), or null
     */
    public String write(List<? extends MapiMessage> appointments, NamedTagMap tags, Instant from, Instant to,
            String organizer) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an empty range");
        }
        Map<String, List<Busy>> byType = new LinkedHashMap<>();
        for (String type : List.of("BUSY", "BUSY-TENTATIVE", "BUSY-UNAVAILABLE")) {
            byType.put(type, new ArrayList<>());
        }
        for (MapiMessage m : appointments) {
            for (Busy b : instances(m, tags, from, to)) {
                String type = switch (b.status()) {
                    case EventImporter.BUSY_FREE -> null;
                    case EventImporter.BUSY_TENTATIVE -> "BUSY-TENTATIVE";
                    case EventImporter.BUSY_OOF -> "BUSY-UNAVAILABLE";
                    default -> "BUSY";
                };
                if (type != null) {
                    byType.get(type).add(b);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        ContentLines out = new ContentLines(text);
        out.begin("VCALENDAR").raw("VERSION", "2.0").text("PRODID", CalendarWriter.PRODID).raw("METHOD", "PUBLISH");
        out.begin("VFREEBUSY").raw("DTSTAMP", ContentLines.utc(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                .raw("DTSTART", ContentLines.utc(from)).raw("DTEND", ContentLines.utc(to));
        if (organizer != null && !organizer.isEmpty()) {
            out.raw("ORGANIZER", "mailto:" + organizer);
        }
        for (var e : byType.entrySet()) {
            List<String> periods = new ArrayList<>();
            for (Busy b : merge(e.getValue())) {
                periods.add(ContentLines.utc(b.start()) + "/" + ContentLines.utc(b.end()));
            }
            if (!periods.isEmpty()) {
                out.raw("FREEBUSY;FBTYPE=" + e.getKey(), String.join(",", periods));
            }
        }
        out.end("VFREEBUSY").end("VCALENDAR");
        return text.toString();
    }

    /** The instances of one appointment that overlap [from, to), clipped to it. */
    static List<Busy> instances(MapiMessage m, NamedTagMap tags, Instant from, Instant to) {
        PropReader p = new PropReader(m.properties(), tags);
        Optional<Instant> start = p.time(NamedTags.APPOINTMENT_START_WHOLE);
        if (start.isEmpty()) {
            return List.of();
        }
        Instant end = p.time(NamedTags.APPOINTMENT_END_WHOLE).orElse(start.get());
        int busy = p.integer(NamedTags.BUSY_STATUS).orElse(EventImporter.BUSY_BUSY);
        List<Busy> all = new ArrayList<>();
        Optional<AppointmentRecurrence> recurrence = Optional.empty();
        if (p.flag(NamedTags.RECURRING)) {
            try {
                recurrence = p.binary(NamedTags.APPOINTMENT_RECUR).map(AppointmentRecurrence::decode);
            } catch (MalformedRecurrenceException e) {
                recurrence = Optional.empty();
            }
        }
        if (recurrence.isEmpty()) {
            all.add(new Busy(start.get(), end, busy));
        } else {
            AppointmentRecurrence r = recurrence.get();
            EventZone zone = new EventExporter(tags, Instant.EPOCH).zone(p);
            Set<Integer> deleted = new HashSet<>(r.pattern().deletedInstanceDates());
            LocalDate until = zone.local(to).toLocalDate().plusDays(1);
            for (LocalDate d : r.pattern().dates(until, MAX_INSTANCES)) {
                if (!deleted.contains(MapiMinutes.of(d))) {
                    all.add(new Busy(zone.instant(d.atStartOfDay().plusMinutes(r.startTimeOffset())),
                            zone.instant(d.atStartOfDay().plusMinutes(r.endTimeOffset())), busy));
                }
            }
            for (ExceptionInfo e : r.exceptions()) {
                all.add(new Busy(zone.instant(MapiMinutes.toLocalDateTime(e.startDateTime())),
                        zone.instant(MapiMinutes.toLocalDateTime(e.endDateTime())),
                        e.busyStatus() != null ? e.busyStatus() : busy));
            }
        }
        List<Busy> out = new ArrayList<>();
        for (Busy b : all) {
            if (b.end().isAfter(from) && b.start().isBefore(to)) {
                out.add(new Busy(b.start().isBefore(from) ? from : b.start(), b.end().isAfter(to) ? to : b.end(),
                        b.status()));
            }
        }
        return out;
    }

    private static List<Busy> merge(List<Busy> busy) {
        List<Busy> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(Busy::start));
        List<Busy> out = new ArrayList<>();
        for (Busy b : sorted) {
            if (!out.isEmpty() && !b.start().isAfter(out.get(out.size() - 1).end())) {
                Busy last = out.remove(out.size() - 1);
                out.add(new Busy(last.start(), b.end().isAfter(last.end()) ? b.end() : last.end(), last.status()));
            } else if (b.end().isAfter(b.start())) {
                out.add(b);
            }
        }
        return out;
    }
}
