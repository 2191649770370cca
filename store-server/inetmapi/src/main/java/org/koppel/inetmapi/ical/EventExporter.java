package org.koppel.inetmapi.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.recurrence.AppointmentRecurrence;
import org.koppel.inetmapi.recurrence.ExceptionInfo;
import org.koppel.inetmapi.recurrence.MalformedRecurrenceException;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.inetmapi.recurrence.RecurrencePattern;
import org.koppel.inetmapi.timezone.TimeZoneDefinition;
import org.koppel.inetmapi.timezone.TimeZoneRule;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.Recipient;

/** An IPM.Appointment (with its exceptions) -> a VEVENT and a VEVENT per modified instance. */
final class EventExporter {

    private final NamedTagMap tags;
    private final Instant now;

    EventExporter(NamedTagMap tags, Instant now) {
        this.tags = tags;
        this.now = now;
    }

    /** The zone of an appointment's local times: the recurrence's, else the start's, else UTC. */
    EventZone zone(PropReader p) {
        Instant start = p.time(NamedTags.APPOINTMENT_START_WHOLE).orElse(now);
        int year = start.atOffset(java.time.ZoneOffset.UTC).getYear();
        for (var tag : List.of(NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_RECUR,
                NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_START_DISPLAY)) {
            Optional<byte[]> def = p.binary(tag);
            if (def.isPresent() && (tag != NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_RECUR
                    || p.flag(NamedTags.RECURRING))) {
                try {
                    return EventZone.of(TimeZoneDefinition.decode(def.get()), year);
                } catch (IllegalArgumentException e) {
                    // fall through to the next source
                }
            }
        }
        Optional<byte[]> struct = p.binary(NamedTags.TIME_ZONE_STRUCT);
        if (struct.isPresent()) {
            try {
                return EventZone.of(p.string(NamedTags.TIME_ZONE_DESCRIPTION).orElse("Custom"),
                        TimeZoneRule.fromStruct(struct.get()));
            } catch (IllegalArgumentException e) {
                return EventZone.UTC;
            }
        }
        return EventZone.UTC;
    }

    /** Writes the appointment's VEVENTs, adding the zone they use to {@code zones}. */
    void write(MapiMessage m, ContentLines out, Map<String, EventZone> zones) {
        PropReader p = new PropReader(m.properties(), tags);
        EventZone zone = zone(p);
        if (!zone.isUtc()) {
            zones.putIfAbsent(zone.name(), zone);
        }
        Instant start = p.time(NamedTags.APPOINTMENT_START_WHOLE).or(() -> p.time(PropTags.PR_START_DATE)).orElse(now);
        Instant end = p.time(NamedTags.APPOINTMENT_END_WHOLE).or(() -> p.time(PropTags.PR_END_DATE)).orElse(start);
        boolean allDay = p.flag(NamedTags.APPOINTMENT_SUB_TYPE);
        String uid = uid(p);

        out.begin("VEVENT").text("UID", uid);
        changeManagement(p, out);
        p.integer(NamedTags.APPOINTMENT_SEQUENCE).ifPresent(s -> out.raw("SEQUENCE", String.valueOf(s)));
        texts(p, out);
        times(zone, start, end, allDay, out);

        Optional<AppointmentRecurrence> recurrence = Optional.empty();
        if (p.flag(NamedTags.RECURRING)) {
            try {
                recurrence = p.binary(NamedTags.APPOINTMENT_RECUR).map(AppointmentRecurrence::decode);
            } catch (MalformedRecurrenceException e) {
                recurrence = Optional.empty();
            }
        }
        recurrence.ifPresent(r -> recurrence(r, zone, allDay, out));
        int busy = p.integer(NamedTags.BUSY_STATUS).orElse(EventImporter.BUSY_BUSY);
        busy(busy, out);
        Classification.write(p, out);
        Keywords.write(p, out);
        if ((p.integer(NamedTags.APPOINTMENT_STATE_FLAGS).orElse(0) & EventImporter.ASF_CANCELED) != 0) {
            out.raw("STATUS", "CANCELLED");
        }
        Attendees.write(p, m.recipients(), tags, out);
        if (p.flag(NamedTags.REMINDER_SET)) {
            alarm(p.integer(NamedTags.REMINDER_DELTA).orElse(15), out);
        }
        out.end("VEVENT");
        recurrence.ifPresent(r -> overrides(m, p, r, zone, uid, allDay, busy, out));
    }

    private String uid(PropReader p) {
        return p.binary(NamedTags.GLOBAL_OBJECT_ID).or(() -> p.binary(NamedTags.CLEAN_GLOBAL_OBJECT_ID))
                .map(GlobalObjectId::toUid).orElseGet(() -> UUID.randomUUID().toString());
    }

    private void changeManagement(PropReader p, ContentLines out) {
        out.raw("DTSTAMP", ContentLines.utc(p.time(NamedTags.OWNER_CRITICAL_CHANGE)
                .or(() -> p.time(PropTags.PR_LAST_MODIFICATION_TIME)).orElse(now).truncatedTo(ChronoUnit.SECONDS)));
        p.time(PropTags.PR_CREATION_TIME).ifPresent(t -> out.raw("CREATED", ContentLines.utc(t.truncatedTo(ChronoUnit.SECONDS))));
        p.time(PropTags.PR_LAST_MODIFICATION_TIME)
                .ifPresent(t -> out.raw("LAST-MODIFIED", ContentLines.utc(t.truncatedTo(ChronoUnit.SECONDS))));
    }

    private static void texts(PropReader p, ContentLines out) {
        p.string(PropTags.PR_SUBJECT).ifPresent(s -> out.text("SUMMARY", s));
        p.string(PropTags.PR_BODY).ifPresent(s -> out.text("DESCRIPTION", s));
        p.string(NamedTags.LOCATION).or(() -> p.string(NamedTags.WHERE)).ifPresent(s -> out.text("LOCATION", s));
    }

    private static void times(EventZone zone, Instant start, Instant end, boolean allDay, ContentLines out) {
        if (allDay) {
            LocalDate s = zone.local(start).toLocalDate();
            LocalDate e = zone.local(end).toLocalDate();
            out.raw("DTSTART;VALUE=DATE", ContentLines.date(s));
            out.raw("DTEND;VALUE=DATE", ContentLines.date(e.isAfter(s) ? e : s.plusDays(1)));
        } else {
            zone.dateTime(out, "DTSTART", start);
            zone.dateTime(out, "DTEND", end);
        }
    }

    private static void busy(int busy, ContentLines out) {
        out.raw("TRANSP", busy == EventImporter.BUSY_FREE ? "TRANSPARENT" : "OPAQUE");
        out.raw("X-MICROSOFT-CDO-BUSYSTATUS", switch (busy) {
            case EventImporter.BUSY_FREE -> "FREE";
            case EventImporter.BUSY_TENTATIVE -> "TENTATIVE";
            case EventImporter.BUSY_OOF -> "OOF";
            case EventImporter.BUSY_ELSEWHERE -> "WORKINGELSEWHERE";
            default -> "BUSY";
        });
    }

    private static void alarm(int minutes, ContentLines out) {
        out.begin("VALARM").raw("ACTION", "DISPLAY").text("DESCRIPTION", "Reminder")
                .raw("TRIGGER", minutes == 0 ? "PT0S" : "-PT" + minutes + "M").end("VALARM");
    }

    private static void recurrence(AppointmentRecurrence r, EventZone zone, boolean allDay, ContentLines out) {
        RecurrencePattern p = r.pattern();
        LocalDate lastDate = MapiMinutes.toLocalDate(p.endDate());
        Instant lastStart = zone.instant(lastDate.atStartOfDay().plusMinutes(r.startTimeOffset()));
        out.raw("RRULE", RecurrenceRules.toRule(p, lastStart, lastDate, allDay));
        Set<Integer> moved = new HashSet<>();
        for (ExceptionInfo e : r.exceptions()) {
            moved.add(MapiMinutes.of(MapiMinutes.toLocalDate(e.originalStartDate())));
        }
        for (int day : p.deletedInstanceDates()) {
            if (moved.contains(day)) {
                continue;
            }
            LocalDate date = MapiMinutes.toLocalDate(day);
            if (allDay) {
                out.raw("EXDATE;VALUE=DATE", ContentLines.date(date));
            } else {
                zone.dateTime(out, "EXDATE", zone.instant(date.atStartOfDay().plusMinutes(r.startTimeOffset())));
            }
        }
    }

    private void overrides(MapiMessage m, PropReader master, AppointmentRecurrence r, EventZone zone, String uid,
            boolean allDay, int masterBusy, ContentLines out) {
        for (ExceptionInfo e : r.exceptions()) {
            LocalDateTime originalLocal = MapiMinutes.toLocalDateTime(e.originalStartDate());
            Instant originalStart = zone.instant(originalLocal);
            Optional<MapiMessage> attached = exceptionMessage(m, originalStart);
            PropReader p = attached.map(a -> new PropReader(a.properties(), tags)).orElse(master);
            Instant start = zone.instant(MapiMinutes.toLocalDateTime(e.startDateTime()));
            Instant end = zone.instant(MapiMinutes.toLocalDateTime(e.endDateTime()));
            boolean exceptionAllDay = e.subType() != null ? e.subType() : allDay;

            out.begin("VEVENT").text("UID", uid);
            if (allDay) {
                out.raw("RECURRENCE-ID;VALUE=DATE", ContentLines.date(originalLocal.toLocalDate()));
            } else {
                zone.dateTime(out, "RECURRENCE-ID", originalStart);
            }
            changeManagement(master, out);
            master.integer(NamedTags.APPOINTMENT_SEQUENCE).ifPresent(s -> out.raw("SEQUENCE", String.valueOf(s)));
            String subject = e.subject() != null ? e.subject() : p.string(PropTags.PR_SUBJECT)
                    .or(() -> master.string(PropTags.PR_SUBJECT)).orElse("");
            if (!subject.isEmpty()) {
                out.text("SUMMARY", subject);
            }
            // An exception's own message has its own body; without one, the instance has the series'.
            (attached.isPresent() ? p.string(PropTags.PR_BODY) : master.string(PropTags.PR_BODY))
                    .ifPresent(s -> out.text("DESCRIPTION", s));
            String location = e.location() != null ? e.location() : p.string(NamedTags.LOCATION)
                    .or(() -> master.string(NamedTags.LOCATION)).orElse("");
            if (!location.isEmpty()) {
                out.text("LOCATION", location);
            }
            times(zone, start, end, exceptionAllDay, out);
            busy(e.busyStatus() != null ? e.busyStatus() : masterBusy, out);
            Classification.write(master, out);
            Keywords.write(master, out);
            List<Recipient> recipients = attached.map(MapiMessage::recipients).orElse(m.recipients());
            Attendees.write(master, recipients, tags, out);
            boolean reminder = e.reminderSet() != null ? e.reminderSet() : master.flag(NamedTags.REMINDER_SET);
            if (reminder) {
                alarm(e.reminderDelta() != null ? e.reminderDelta()
                        : master.integer(NamedTags.REMINDER_DELTA).orElse(15), out);
            }
            out.end("VEVENT");
        }
    }

    /** The embedded message of the Exception Attachment that replaces the instance starting at {@code original}. */
    private Optional<MapiMessage> exceptionMessage(MapiMessage m, Instant original) {
        for (MapiMessage.Attachment a : m.attachments()) {
            Optional<Object> flags = a.property(PropTags.PR_ATTACHMENT_FLAGS).map(v -> v.javaValue());
            if (flags.isEmpty() || (((Integer) flags.get()) & EventImporter.AFEXCEPTION) == 0) {
                continue;
            }
            Optional<MapiMessage> embedded = a.embedded();
            if (embedded.isPresent()) {
                PropReader ep = new PropReader(embedded.get().properties(), tags);
                if (ep.time(NamedTags.EXCEPTION_REPLACE_TIME).filter(original::equals).isPresent()) {
                    return embedded;
                }
            }
        }
        return Optional.empty();
    }
}
