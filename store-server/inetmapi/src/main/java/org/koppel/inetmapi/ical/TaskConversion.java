package org.koppel.inetmapi.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Trigger;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageContent;

/**
 * VTODO <-> IPM.Task ([MS-OXCICAL] 2.1.3.4, [MS-OXOTASK]): SUMMARY, DESCRIPTION, DTSTART and DUE (the task's
 * dates and the exact times), COMPLETED, STATUS, PERCENT-COMPLETE, PRIORITY, CLASS, CATEGORIES and a reminder.
 */
final class TaskConversion {

    static final String TASK_CLASS = "IPM.Task";
    static final int NOT_STARTED = 0;
    static final int IN_PROGRESS = 1;
    static final int COMPLETE = 2;
    static final int WAITING = 3;
    static final int DEFERRED = 4;

    private final NamedTagMap tags;
    private final ZoneId floating;

    TaskConversion(NamedTagMap tags, ZoneId floating) {
        this.tags = tags;
        this.floating = floating;
    }

    CalendarItem read(Component todo) {
        List<String> warnings = new ArrayList<>();
        String uid = ICal.text(todo, "UID").orElseGet(() -> UUID.randomUUID().toString());
        PropBuilder props = new PropBuilder(tags);
        props.put(PropTags.PR_MESSAGE_CLASS, TASK_CLASS);
        Common.read(todo, uid, floating, props);
        ICal.text(todo, "DESCRIPTION").ifPresent(d -> props.put(PropTags.PR_BODY, d));
        Optional<Temporal> start = ICal.date(todo, "DTSTART");
        Optional<Temporal> due = ICal.date(todo, "DUE");
        start.ifPresent(t -> props.put(NamedTags.TASK_START_DATE, Common.dateAsUtc(t, floating))
                .put(NamedTags.COMMON_START, ICal.instant(t, floating)));
        due.ifPresent(t -> props.put(NamedTags.TASK_DUE_DATE, Common.dateAsUtc(t, floating))
                .put(NamedTags.COMMON_END, ICal.instant(t, floating)));
        int status = ICal.text(todo, "STATUS").map(s -> switch (s.toUpperCase(Locale.ROOT)) {
            case "IN-PROCESS" -> IN_PROGRESS;
            case "COMPLETED" -> COMPLETE;
            case "CANCELLED" -> DEFERRED;
            default -> NOT_STARTED;
        }).orElse(NOT_STARTED);
        Optional<Temporal> completed = ICal.date(todo, "COMPLETED");
        if (completed.isPresent()) {
            status = COMPLETE;
            props.put(NamedTags.TASK_DATE_COMPLETED, ICal.instant(completed.get(), floating));
        }
        double percent = ICal.text(todo, "PERCENT-COMPLETE").map(TaskConversion::percent).orElse(0.0);
        if (status == COMPLETE) {
            percent = 1.0;
        }
        props.put(NamedTags.TASK_STATUS, status).put(NamedTags.TASK_COMPLETE, status == COMPLETE)
                .put(NamedTags.PERCENT_COMPLETE, percent);
        int importance = ICal.text(todo, "PRIORITY").map(TaskConversion::importance).orElse(1);
        props.put(PropTags.PR_IMPORTANCE, importance);
        Optional<Instant> anchor = due.or(() -> start).map(t -> ICal.instant(t, floating));
        Optional<Instant> reminder = reminder((VToDo) todo, start.map(t -> ICal.instant(t, floating)), anchor);
        props.put(NamedTags.REMINDER_SET, reminder.isPresent());
        reminder.ifPresent(t -> props.put(NamedTags.REMINDER_TIME, t).put(NamedTags.REMINDER_SIGNAL_TIME, t));
        if (ICal.prop(todo, "RRULE").isPresent()) {
            warnings.add("recurring tasks are not supported; the RRULE was dropped");
        }
        return new CalendarItem(uid, CalendarItem.Kind.TASK, MessageContent.of(props.build()), warnings);
    }

    private Optional<Instant> reminder(VToDo todo, Optional<Instant> start, Optional<Instant> due) {
        for (var alarm : todo.getAlarms()) {
            Optional<Property> p = ICal.prop(alarm, "TRIGGER");
            if (p.isPresent() && p.get() instanceof Trigger t) {
                if (t.getDuration() == null) {
                    return Optional.of(ICal.instant(t.getDate(), floating));
                }
                boolean end = ICal.param(t, "RELATED").filter("END"::equalsIgnoreCase).isPresent();
                Optional<Instant> base = end ? due : start.or(() -> due);
                return base.map(b -> b.plus(Duration.from(t.getDuration())));
            }
        }
        return Optional.empty();
    }

    private static double percent(String s) {
        try {
            return Math.max(0, Math.min(100, Integer.parseInt(s.strip()))) / 100.0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RFC 5545 PRIORITY (1 highest .. 9 lowest, 0 undefined) -> PR_IMPORTANCE (2 high, 1 normal, 0 low). */
    private static int importance(String s) {
        try {
            int p = Integer.parseInt(s.strip());
            return p >= 1 && p <= 4 ? 2 : p >= 6 && p <= 9 ? 0 : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    void write(MapiMessage m, Instant now, ContentLines out) {
        PropReader p = new PropReader(m.properties(), tags);
        out.begin("VTODO");
        Common.write(p, now, out);
        p.string(PropTags.PR_BODY).ifPresent(s -> out.text("DESCRIPTION", s));
        dates(p, NamedTags.COMMON_START, NamedTags.TASK_START_DATE, "DTSTART", out);
        dates(p, NamedTags.COMMON_END, NamedTags.TASK_DUE_DATE, "DUE", out);
        int status = p.integer(NamedTags.TASK_STATUS).orElse(NOT_STARTED);
        out.raw("STATUS", switch (status) {
            case IN_PROGRESS -> "IN-PROCESS";
            case COMPLETE -> "COMPLETED";
            case DEFERRED -> "CANCELLED";
            default -> "NEEDS-ACTION";
        });
        p.time(NamedTags.TASK_DATE_COMPLETED).ifPresent(t -> out.raw("COMPLETED", ContentLines.utc(t)));
        long percent = Math.round(p.real(NamedTags.PERCENT_COMPLETE).orElse(0.0) * 100);
        if (percent > 0) {
            out.raw("PERCENT-COMPLETE", String.valueOf(Math.min(100, percent)));
        }
        int importance = p.integer(PropTags.PR_IMPORTANCE).orElse(1);
        if (importance != 1) {
            out.raw("PRIORITY", importance == 2 ? "1" : "9");
        }
        if (p.flag(NamedTags.REMINDER_SET)) {
            p.time(NamedTags.REMINDER_TIME).ifPresent(t -> out.begin("VALARM").raw("ACTION", "DISPLAY")
                    .text("DESCRIPTION", "Reminder").raw("TRIGGER;VALUE=DATE-TIME", ContentLines.utc(t))
                    .end("VALARM"));
        }
        out.end("VTODO");
    }

    private void dates(PropReader p, org.koppel.mapi.NamedPropTag exact, org.koppel.mapi.NamedPropTag date,
            String name, ContentLines out) {
        Optional<Instant> t = p.time(exact);
        Optional<Instant> d = p.time(date);
        if (t.isPresent()) {
            boolean isDate = d.isPresent() && Common.isLocalMidnight(t.get(), floating)
                    && t.get().atZone(floating).toLocalDate().equals(LocalDate.ofInstant(d.get(), java.time.ZoneOffset.UTC));
            Common.dateOrTime(name, t.get(), isDate, floating, out);
        } else if (d.isPresent()) {
            out.raw(name + ";VALUE=DATE", ContentLines.date(LocalDate.ofInstant(d.get(), java.time.ZoneOffset.UTC)));
        }
    }
}
