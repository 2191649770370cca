package org.koppel.inetmapi.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Trigger;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.recurrence.MalformedRecurrenceException;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.inetmapi.recurrence.RecurrencePattern;
import org.koppel.inetmapi.timezone.TimeZoneRule;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageContent;

/**
 * VTODO <-> IPM.Task ([MS-OXCICAL] 2.1.3.4, [MS-OXOTASK]): SUMMARY, DESCRIPTION, DTSTART and DUE (the task's
 * dates and the exact times), COMPLETED, STATUS, PERCENT-COMPLETE, PRIORITY, CLASS, CATEGORIES, a reminder, and
 * RRULE (PidLidTaskRecurrence, a bare {@link RecurrencePattern}).
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
        Optional<RecurrencePattern> recurrence = recurrence(todo, start.or(() -> due), warnings);
        recurrence.ifPresent(r -> props.put(NamedTags.TASK_RECURRENCE, r.encode())
                .put(NamedTags.TASK_DEAD_OCCURRENCE, false));
        props.put(NamedTags.TASK_FRECURRING, recurrence.isPresent());
        if (ICal.prop(todo, "RECURRENCE-ID").isPresent()) {
            warnings.add("an instance (RECURRENCE-ID) of a recurring task was read as a task of its own");
        }
        return new CalendarItem(uid, CalendarItem.Kind.TASK, MessageContent.of(props.build()), warnings);
    }

    /**
     * The pattern of a task's RRULE, anchored on the local date of DTSTART (of DUE without DTSTART) in the
     * reader's zone. A task pattern has no deleted or modified instances ([MS-OXOTASK] 2.2.2.2.15), so EXDATE,
     * RDATE and RECURRENCE-ID instances are dropped with a warning.
     */
    private Optional<RecurrencePattern> recurrence(Component todo, Optional<Temporal> anchor, List<String> warnings) {
        List<Property> rules = ICal.props(todo, "RRULE");
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        if (anchor.isEmpty()) {
            warnings.add("a recurring task without DTSTART or DUE has no first instance; the RRULE was dropped");
            return Optional.empty();
        }
        if (rules.size() > 1) {
            warnings.add("only the first of " + rules.size() + " RRULEs was kept");
        }
        Recur<?> recur = ((RRule<?>) rules.get(0)).getRecur();
        LocalDateTime start = local(anchor.get());
        LocalDateTime until = switch (recur.getUntil()) {
            case null -> null;
            case LocalDate d -> d.atTime(23, 59, 59);
            default -> local(recur.getUntil());
        };
        Optional<RecurrencePattern> pattern = RecurrenceRules.toPattern(recur, start, until, warnings);
        if (pattern.isPresent()) {
            if (!ICal.dates(todo, "EXDATE").isEmpty()) {
                warnings.add("EXDATE cannot be held by a task recurrence and was dropped");
            }
            if (!ICal.props(todo, "RDATE").isEmpty()) {
                warnings.add("RDATE cannot be held by a task recurrence and was dropped");
            }
        }
        return pattern;
    }

    /** A date or date-time as the local time of the reader's zone, which task dates are in. */
    private LocalDateTime local(Temporal t) {
        return t instanceof LocalDate d ? d.atStartOfDay()
                : LocalDateTime.ofInstant(ICal.instant(t, floating), floating);
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

    /** Writes the task's VTODO, adding the zone a recurring task's times are written in to {@code zones}. */
    void write(MapiMessage m, Instant now, ContentLines out, Map<String, EventZone> zones) {
        PropReader p = new PropReader(m.properties(), tags);
        out.begin("VTODO");
        Common.write(p, now, out);
        p.string(PropTags.PR_BODY).ifPresent(s -> out.text("DESCRIPTION", s));
        Optional<RecurrencePattern> recurrence = recurrence(p);
        // A rule repeats local times: a recurring task's times are written in the reader's zone, not UTC.
        EventZone zone = EventZone.UTC;
        if (recurrence.isPresent()) {
            Instant at = p.time(NamedTags.COMMON_START).or(() -> p.time(NamedTags.COMMON_END)).orElse(now);
            zone = EventZone.of(floating.getId(), TimeZoneRule.of(floating.getRules(),
                    at.atZone(floating).getYear()));
        }
        boolean startIsDate = dates(p, NamedTags.COMMON_START, NamedTags.TASK_START_DATE, "DTSTART", zone, out);
        boolean dueIsDate = dates(p, NamedTags.COMMON_END, NamedTags.TASK_DUE_DATE, "DUE", zone, out);
        if (recurrence.isPresent()) {
            boolean hasStart = p.time(NamedTags.COMMON_START).or(() -> p.time(NamedTags.TASK_START_DATE)).isPresent();
            Optional<Instant> anchor = hasStart ? p.time(NamedTags.COMMON_START) : p.time(NamedTags.COMMON_END);
            boolean allDay = hasStart ? startIsDate : dueIsDate;
            RecurrencePattern r = recurrence.get();
            LocalDate lastDate = MapiMinutes.toLocalDate(r.endDate());
            LocalTime time = anchor.map(zone::local).map(LocalDateTime::toLocalTime).orElse(LocalTime.MIDNIGHT);
            out.raw("RRULE", RecurrenceRules.toRule(r, zone.instant(lastDate.atTime(time)), lastDate, allDay));
            if (!zone.isUtc()) {
                zones.putIfAbsent(zone.name(), zone);
            }
        }
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

    /**
     * The recurrence of a task that says it recurs, unless it regenerates (SlidingFlag: the next task is due
     * a period after this one is completed, which no RRULE says) or its blob is broken.
     */
    private static Optional<RecurrencePattern> recurrence(PropReader p) {
        if (!p.flag(NamedTags.TASK_FRECURRING)) {
            return Optional.empty();
        }
        try {
            return p.binary(NamedTags.TASK_RECURRENCE).map(RecurrencePattern::decode).filter(r -> r.slidingFlag() == 0);
        } catch (MalformedRecurrenceException e) {
            return Optional.empty();
        }
    }

    /** Writes a task date-time property (as a DATE where it is one) and says whether it was written as a DATE. */
    private boolean dates(PropReader p, NamedPropTag exact, NamedPropTag date, String name, EventZone zone,
            ContentLines out) {
        Optional<Instant> t = p.time(exact);
        Optional<Instant> d = p.time(date);
        if (t.isPresent()) {
            boolean isDate = d.isPresent() && Common.isLocalMidnight(t.get(), floating)
                    && t.get().atZone(floating).toLocalDate().equals(LocalDate.ofInstant(d.get(), ZoneOffset.UTC));
            if (isDate || zone.isUtc()) {
                Common.dateOrTime(name, t.get(), isDate, floating, out);
            } else {
                zone.dateTime(out, name, t.get());
            }
            return isDate;
        } else if (d.isPresent()) {
            out.raw(name + ";VALUE=DATE", ContentLines.date(LocalDate.ofInstant(d.get(), ZoneOffset.UTC)));
            return true;
        }
        return false;
    }
}
