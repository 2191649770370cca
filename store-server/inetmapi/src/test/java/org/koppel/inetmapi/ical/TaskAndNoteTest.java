package org.koppel.inetmapi.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;

class TaskAndNoteTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private final LocalNamedTags tags = new LocalNamedTags();

    private List<CalendarItem> read(String text) {
        return new CalendarReader(CalendarReader.Limits.DEFAULT, ZONE)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), tags);
    }

    private String write(List<CalendarItem> items) {
        List<MapiMessage> messages = items.stream().map(i -> (MapiMessage) new ContentMessage(i.content())).toList();
        return new CalendarWriter(Clock.systemUTC(), ZONE).write(messages, tags);
    }

    @Test
    void taskKeepsItsDatesStatusAndProgress() {
        List<CalendarItem> items = read(CalendarFiles.read(CalendarFiles.resource("tasks-and-notes.ics")));
        CalendarItem task = items.get(0);
        assertEquals(CalendarItem.Kind.TASK, task.kind());
        PropReader p = new PropReader(task.content().properties(), tags);
        assertEquals("IPM.Task", p.string(PropTags.PR_MESSAGE_CLASS).orElseThrow());
        assertEquals(1, p.integer(NamedTags.TASK_STATUS).orElseThrow());
        assertEquals(0.4, p.real(NamedTags.PERCENT_COMPLETE).orElseThrow());
        assertEquals(2, p.integer(PropTags.PR_IMPORTANCE).orElseThrow());
        // A due date is midnight of the day "in UTC"; the exact due time is PidLidCommonEnd.
        assertEquals(Instant.parse("2024-04-12T00:00:00Z"), p.time(NamedTags.TASK_DUE_DATE).orElseThrow());
        assertEquals(Instant.parse("2024-04-12T15:00:00Z"), p.time(NamedTags.COMMON_END).orElseThrow());
        assertEquals(Instant.parse("2024-04-01T07:30:00Z"), p.time(NamedTags.COMMON_START).orElseThrow());
        assertTrue(p.flag(NamedTags.REMINDER_SET));
        assertEquals(Instant.parse("2024-04-12T14:00:00Z"), p.time(NamedTags.REMINDER_TIME).orElseThrow());

        CalendarItem done = items.get(1);
        PropReader d = new PropReader(done.content().properties(), tags);
        assertEquals(2, d.integer(NamedTags.TASK_STATUS).orElseThrow());
        assertTrue(d.flag(NamedTags.TASK_COMPLETE));
        assertEquals(1.0, d.real(NamedTags.PERCENT_COMPLETE).orElseThrow());
    }

    @Test
    void journalBecomesANote() {
        CalendarItem note = read(CalendarFiles.read(CalendarFiles.resource("tasks-and-notes.ics"))).get(2);
        assertEquals(CalendarItem.Kind.NOTE, note.kind());
        PropReader p = new PropReader(note.content().properties(), tags);
        assertEquals("IPM.StickyNote", p.string(PropTags.PR_MESSAGE_CLASS).orElseThrow());
        assertEquals("Line one; with a semicolon\n\nSecond description", p.string(PropTags.PR_BODY).orElseThrow());
        assertEquals(List.of("Ideas"), p.strings(NamedTags.KEYWORDS));
    }

    @Test
    void tasksAndNotesRoundTrip() {
        String original = CalendarFiles.read(CalendarFiles.resource("tasks-and-notes.ics"));
        String written = write(read(original));
        Calendar before = CalendarFiles.parse(original).get(0);
        Calendar after = CalendarFiles.parse(written).get(0);
        List<CalendarComponent> a = before.getComponents();
        List<CalendarComponent> b = after.getComponents();
        assertEquals(a.size(), b.size(), written);
        for (int i = 0; i < a.size(); i++) {
            for (String name : List.of("UID", "SUMMARY", "STATUS", "PERCENT-COMPLETE", "COMPLETED",
                    "CLASS", "CATEGORIES")) {
                var x = ICal.prop(a.get(i), name).map(pr -> pr.getValue());
                var y = ICal.prop(b.get(i), name).map(pr -> pr.getValue());
                if (x.isPresent() && !(name.equals("STATUS") && x.get().equals("NEEDS-ACTION"))) {
                    assertEquals(x, y, a.get(i).getName() + " " + name + "\n" + written);
                }
            }
            // Date-times come back in UTC, dates as dates: the same moments.
            for (String name : List.of("DTSTART", "DUE")) {
                var x = ICal.date(a.get(i), name).map(t -> ICal.instant(t, ZONE));
                assertEquals(x, ICal.date(b.get(i), name).map(t -> ICal.instant(t, ZONE)), name + "\n" + written);
            }
        }
    }
}
