package org.koppel.inetmapi.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentContainer;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import org.koppel.inetmapi.NamedTagMap;

/**
 * Reads an iCalendar stream (one or more VCALENDAR objects) into the items to save: an appointment per
 * VEVENT series (its RECURRENCE-ID overrides become exceptions), a task per VTODO, a note per VJOURNAL.
 * Bounded: more than {@link Limits#maxBytes()} bytes or {@link Limits#maxComponents()} components is
 * {@link CalendarException.TooLarge}; anything that is not iCalendar is {@link CalendarException.Malformed}.
 * Empty lines, which RFC 5545 does not allow but many writers leave, are skipped.
 */
public final class CalendarReader {

    /** How much a reader accepts. */
    public record Limits(long maxBytes, int maxComponents) {
        public static final Limits DEFAULT = new Limits(10L << 20, 10_000);

        public Limits {
            if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8 || maxComponents < 1) {
                throw new IllegalArgumentException("limits out of range");
            }
        }
    }

    private final Limits limits;
    private final ZoneId floating;

    /**
     * @param floating the zone in which floating date-times and all-day dates are read (the user's zone)
     */
    public CalendarReader(Limits limits, ZoneId floating) {
        this.limits = limits;
        this.floating = floating;
    }

    /** Default limits; floating times read as UTC. */
    public CalendarReader() {
        this(Limits.DEFAULT, ZoneOffset.UTC);
    }

    public List<CalendarItem> read(InputStream in, NamedTagMap tags) {
        try {
            return convert(in, tags);
        } catch (CalendarException e) {
            throw e;
        } catch (RuntimeException e) {
            // ical4j and java.time meet input no parser check catches (an unknown zone, an impossible rule):
            // the caller gets the calendar's problem, not a crash.
            throw new CalendarException.Malformed("the calendar cannot be converted: " + e.getMessage(), 0, e);
        }
    }

    private List<CalendarItem> convert(InputStream in, NamedTagMap tags) {
        List<Component> components = new ArrayList<>();
        for (Calendar calendar : parse(in)) {
            for (CalendarComponent c : calendar.getComponents()) {
                components.add(c);
            }
        }
        Map<String, List<VEvent>> series = new LinkedHashMap<>();
        List<CalendarItem> out = new ArrayList<>();
        List<Object> order = new ArrayList<>();
        for (Component c : components) {
            switch (c.getName()) {
                case "VEVENT" -> {
                    String uid = ICal.text(c, "UID").orElse(null);
                    if (uid == null) {
                        uid = UUID.randomUUID().toString();
                    }
                    if (!series.containsKey(uid)) {
                        order.add(uid);
                    }
                    series.computeIfAbsent(uid, k -> new ArrayList<>()).add((VEvent) c);
                }
                case "VTODO", "VJOURNAL" -> order.add(c);
                default -> { }
            }
        }
        for (Object o : order) {
            if (o instanceof String uid) {
                out.add(event(uid, series.get(uid), tags));
            } else if (o instanceof Component c && c.getName().equals("VTODO")) {
                out.add(new TaskConversion(tags, floating).read(c));
            } else if (o instanceof Component c) {
                out.add(new NoteConversion(tags, floating).read(c));
            }
        }
        return out;
    }

    private CalendarItem event(String uid, List<VEvent> events, NamedTagMap tags) {
        Optional<VEvent> master = events.stream().filter(e -> ICal.prop(e, "RECURRENCE-ID").isEmpty()).findFirst();
        List<VEvent> overrides = events.stream().filter(e -> ICal.prop(e, "RECURRENCE-ID").isPresent()).toList();
        EventImporter importer = new EventImporter(tags, floating);
        if (master.isEmpty()) {
            // Only instances of a series we were not given (an invitation to one instance): each stands alone,
            // the first one carried.
            CalendarItem item = importer.convert(uid, overrides.get(0), List.of());
            List<String> warnings = new ArrayList<>(item.warnings());
            warnings.add("instances without their series were read as a single appointment");
            return new CalendarItem(uid, item.kind(), item.content(), warnings);
        }
        return importer.convert(uid, master.get(), overrides);
    }

    private List<Calendar> parse(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) limits.maxBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new CalendarException.TooLarge("iCalendar data larger than " + limits.maxBytes() + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<Calendar> calendars = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        List<Integer> chunkLines = new ArrayList<>();
        int components = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            chunk.append(line).append("\r\n");
            chunkLines.add(i + 1);
            if (line.strip().equalsIgnoreCase("END:VCALENDAR")) {
                Calendar c = build(chunk.toString(), chunkLines);
                components += count(c);
                if (components > limits.maxComponents()) {
                    throw new CalendarException.TooLarge("more than " + limits.maxComponents() + " components");
                }
                calendars.add(c);
                chunk.setLength(0);
                chunkLines.clear();
            }
        }
        if (!chunk.isEmpty()) {
            build(chunk.toString(), chunkLines);
            throw new CalendarException.Malformed("iCalendar data ends inside a VCALENDAR", lines.length, null);
        }
        if (calendars.isEmpty()) {
            throw new CalendarException.Malformed("no VCALENDAR", 0, null);
        }
        return calendars;
    }

    private static Calendar build(String chunk, List<Integer> lineNumbers) {
        try {
            return new CalendarBuilder().build(new StringReader(chunk));
        } catch (ParserException e) {
            int line = e.getLineNo() >= 1 && e.getLineNo() <= lineNumbers.size() ? lineNumbers.get(e.getLineNo() - 1)
                    : 0;
            throw new CalendarException.Malformed(e.getMessage(), line, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // ical4j reports some bad values (dates, numbers, time zones) with unchecked exceptions.
            throw new CalendarException.Malformed("invalid iCalendar: " + e, 0, e);
        }
    }

    private static int count(Calendar c) {
        int n = 0;
        for (CalendarComponent comp : c.getComponents()) {
            n += 1;
            if (comp instanceof ComponentContainer<?> container) {
                n += container.getComponentList().getAll().size();
            }
        }
        return n;
    }
}
