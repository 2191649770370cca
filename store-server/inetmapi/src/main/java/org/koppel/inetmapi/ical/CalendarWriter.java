package org.koppel.inetmapi.ical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.PropTags;

/**
 * Writes appointments, tasks and notes as one VCALENDAR: a VEVENT per appointment (plus one per modified
 * instance), a VTODO per task, a VJOURNAL per note or journal entry, and a VTIMEZONE for each zone the
 * appointments and recurring tasks use.
 */
public final class CalendarWriter {

    static final String PRODID = "-//Koppel//inetmapi//EN";

    private final Clock clock;
    private final ZoneId floating;

    /**
     * @param clock for DTSTAMP of items that do not say when they changed
     * @param floating the zone in which task and note dates are local (the one the reader used)
     */
    public CalendarWriter(Clock clock, ZoneId floating) {
        this.clock = clock;
        this.floating = floating;
    }

    public CalendarWriter() {
        this(Clock.systemUTC(), ZoneOffset.UTC);
    }

    /** The iCalendar text of the items. */
    public String write(List<? extends MapiMessage> items, NamedTagMap tags) {
        StringBuilder b = new StringBuilder();
        write(items, tags, b);
        return b.toString();
    }

    /**
     * Writes the items to {@code out}; a message that is not an appointment, task, note or journal entry is
     * an IllegalArgumentException.
     */
    public void write(List<? extends MapiMessage> items, NamedTagMap tags, Appendable out) {
        StringBuilder body = new StringBuilder();
        ContentLines lines = new ContentLines(body);
        Map<String, EventZone> zones = new LinkedHashMap<>();
        var now = clock.instant();
        for (MapiMessage m : items) {
            String cls = m.property(PropTags.PR_MESSAGE_CLASS).map(v -> (String) v.javaValue()).orElse("");
            if (isClass(cls, EventImporter.APPOINTMENT_CLASS)) {
                new EventExporter(tags, now).write(m, lines, zones);
            } else if (isClass(cls, TaskConversion.TASK_CLASS)) {
                new TaskConversion(tags, floating).write(m, now, lines, zones);
            } else if (isClass(cls, NoteConversion.NOTE_CLASS) || isClass(cls, NoteConversion.JOURNAL_CLASS)) {
                new NoteConversion(tags, floating).write(m, now, lines);
            } else {
                throw new IllegalArgumentException("not a calendar item: message class '" + cls + "'");
            }
        }
        ContentLines head = new ContentLines(out);
        head.begin("VCALENDAR").raw("VERSION", "2.0").text("PRODID", PRODID).raw("CALSCALE", "GREGORIAN");
        zones.values().forEach(z -> z.writeVTimeZone(head));
        try {
            out.append(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        head.end("VCALENDAR");
    }

    static boolean isClass(String cls, String base) {
        return cls.equalsIgnoreCase(base) || cls.regionMatches(true, 0, base + ".", 0, base.length() + 1);
    }
}
