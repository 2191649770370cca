package org.koppel.inetmapi.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Trigger;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.recurrence.AppointmentRecurrence;
import org.koppel.inetmapi.recurrence.ExceptionInfo;
import org.koppel.inetmapi.recurrence.MapiMinutes;
import org.koppel.inetmapi.recurrence.RecurrencePattern;
import org.koppel.inetmapi.timezone.TimeZoneDefinition;
import org.koppel.inetmapi.timezone.TimeZoneRule;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/** A VEVENT and the VEVENTs that override its instances (RECURRENCE-ID) -> an IPM.Appointment. */
final class EventImporter {

    static final String APPOINTMENT_CLASS = "IPM.Appointment";
    static final String EXCEPTION_CLASS = "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}";
    /** PidLidClipEnd of a series without end: 4500-08-31 23:59 UTC ([MS-OXOCAL] 2.2.1.15). */
    static final Instant NO_END_CLIP = Instant.parse("4500-08-31T23:59:00Z");
    static final int AFEXCEPTION = 0x2;

    static final int BUSY_FREE = 0;
    static final int BUSY_TENTATIVE = 1;
    static final int BUSY_BUSY = 2;
    static final int BUSY_OOF = 3;
    static final int BUSY_ELSEWHERE = 4;

    static final int ASF_MEETING = 0x1;
    static final int ASF_CANCELED = 0x4;

    private final NamedTagMap tags;
    private final ZoneId floating;
    private final List<String> warnings = new ArrayList<>();

    EventImporter(NamedTagMap tags, ZoneId floating) {
        this.tags = tags;
        this.floating = floating;
    }

    /** The times of one VEVENT: where it starts and ends, in which zone, and whether it is all day. */
    private record Span(Instant start, Instant end, EventZone zone, EventZone endZone, boolean allDay) {
        LocalDateTime localStart() {
            return zone.local(start);
        }
    }

    CalendarItem convert(String uid, VEvent master, List<VEvent> overrides) {
        Span span = span(master, null);
        PropBuilder props = new PropBuilder(tags);
        props.put(PropTags.PR_MESSAGE_CLASS, APPOINTMENT_CLASS);
        common(master, span, props);
        Instant created = ICal.date(master, "CREATED").map(t -> ICal.instant(t, floating)).orElse(span.start);
        byte[] goid = GlobalObjectId.fromUid(uid, created);
        props.put(NamedTags.GLOBAL_OBJECT_ID, goid).put(NamedTags.CLEAN_GLOBAL_OBJECT_ID, GlobalObjectId.clean(goid));
        ICal.text(master, "SEQUENCE").map(EventImporter::integer).ifPresent(s -> props.put(NamedTags.APPOINTMENT_SEQUENCE, s));
        ICal.date(master, "DTSTAMP").ifPresent(t -> props.put(NamedTags.OWNER_CRITICAL_CHANGE, ICal.instant(t, floating)));
        Keywords.read(master, props);

        TimeZoneDefinition startZone = TimeZoneDefinition.of(span.zone.name(), span.zone.rules(), year(span.start));
        props.put(NamedTags.TIME_ZONE_STRUCT, startZone.ruleFor(year(span.start)).toStruct())
                .put(NamedTags.TIME_ZONE_DESCRIPTION, span.zone.name())
                .put(NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_START_DISPLAY, startZone.encode())
                .put(NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_END_DISPLAY,
                        TimeZoneDefinition.of(span.endZone.name(), span.endZone.rules(), year(span.end)).encode());

        List<Recipient> recipients = Attendees.recipients(master);
        Attendees.organizerProperties(master, props);
        int stateFlags = recipients.isEmpty() ? 0 : ASF_MEETING;
        if (ICal.text(master, "STATUS").filter("CANCELLED"::equalsIgnoreCase).isPresent()) {
            stateFlags |= ASF_CANCELED;
        }
        props.put(NamedTags.APPOINTMENT_STATE_FLAGS, stateFlags);

        List<AttachmentContent> attachments = new ArrayList<>();
        Optional<AppointmentRecurrence> recurrence = recurrence(master, span, overrides, attachments);
        if (recurrence.isPresent()) {
            RecurrencePattern p = recurrence.get().pattern();
            props.put(NamedTags.APPOINTMENT_RECUR, recurrence.get().encode())
                    .put(NamedTags.RECURRING, true)
                    .put(NamedTags.IS_RECURRING, true)
                    .put(NamedTags.RECURRENCE_TYPE, switch (p.frequency()) {
                        case DAILY -> 1;
                        case WEEKLY -> 2;
                        case MONTHLY -> 3;
                        case YEARLY -> 4;
                    })
                    .put(NamedTags.APPOINTMENT_TIME_ZONE_DEFINITION_RECUR, startZone.encode())
                    .put(NamedTags.CLIP_START, span.zone.instant(MapiMinutes.toLocalDateTime(p.startDate())))
                    .put(NamedTags.CLIP_END, p.endType() == RecurrencePattern.EndType.NEVER ? NO_END_CLIP
                            : span.zone.instant(MapiMinutes.toLocalDateTime(p.endDate())));
        } else {
            props.put(NamedTags.RECURRING, false)
                    .put(NamedTags.CLIP_START, span.start)
                    .put(NamedTags.CLIP_END, span.end);
            if (!overrides.isEmpty()) {
                warnings.add(overrides.size() + " RECURRENCE-ID instances of a series that is not recurring were"
                        + " dropped");
            }
        }
        if (!ICal.props(master, "RDATE").isEmpty()) {
            warnings.add("RDATE cannot be held by an Outlook recurrence and was dropped");
        }
        props.put(PropTags.PR_HASATTACH, !attachments.isEmpty());
        MessageContent content = new MessageContent(props.build(), recipients, attachments, false);
        return new CalendarItem(uid, CalendarItem.Kind.APPOINTMENT, content, warnings);
    }

    /** The properties an appointment and each of its exceptions have. */
    private void common(VEvent event, Span span, PropBuilder props) {
        String subject = ICal.text(event, "SUMMARY").orElse("");
        props.put(PropTags.PR_SUBJECT, subject).put(PropTags.PR_NORMALIZED_SUBJECT, subject);
        ICal.text(event, "DESCRIPTION").ifPresent(d -> props.put(PropTags.PR_BODY, d));
        ICal.text(event, "LOCATION").ifPresent(l -> props.put(NamedTags.LOCATION, l).put(NamedTags.WHERE, l));
        long minutes = Duration.between(span.start, span.end).toMinutes();
        props.put(NamedTags.APPOINTMENT_START_WHOLE, span.start).put(NamedTags.APPOINTMENT_END_WHOLE, span.end)
                .put(PropTags.PR_START_DATE, span.start).put(PropTags.PR_END_DATE, span.end)
                .put(NamedTags.COMMON_START, span.start).put(NamedTags.COMMON_END, span.end)
                .put(NamedTags.APPOINTMENT_DURATION, (int) Math.min(Integer.MAX_VALUE, minutes))
                .put(NamedTags.APPOINTMENT_SUB_TYPE, span.allDay);
        int busy = busyStatus(event);
        props.put(NamedTags.BUSY_STATUS, busy).put(NamedTags.INTENDED_BUSY_STATUS, busy);
        Classification.read(event, props);
        reminder(event, span.start).ifPresentOrElse(delta -> props.put(NamedTags.REMINDER_SET, true)
                        .put(NamedTags.REMINDER_DELTA, delta)
                        .put(NamedTags.REMINDER_TIME, span.start)
                        .put(NamedTags.REMINDER_SIGNAL_TIME, span.start.minus(delta, ChronoUnit.MINUTES)),
                () -> props.put(NamedTags.REMINDER_SET, false));
        ICal.date(event, "CREATED").ifPresent(t -> props.put(PropTags.PR_CREATION_TIME, ICal.instant(t, floating)));
        ICal.date(event, "LAST-MODIFIED")
                .ifPresent(t -> props.put(PropTags.PR_LAST_MODIFICATION_TIME, ICal.instant(t, floating)));
    }

    static int busyStatus(Component event) {
        Optional<String> cdo = ICal.text(event, "X-MICROSOFT-CDO-BUSYSTATUS");
        if (cdo.isPresent()) {
            switch (cdo.get().toUpperCase(Locale.ROOT)) {
                case "FREE": return BUSY_FREE;
                case "TENTATIVE": return BUSY_TENTATIVE;
                case "OOF": return BUSY_OOF;
                case "WORKINGELSEWHERE": return BUSY_ELSEWHERE;
                case "BUSY": return BUSY_BUSY;
                default: break;
            }
        }
        if (ICal.text(event, "TRANSP").filter("TRANSPARENT"::equalsIgnoreCase).isPresent()) {
            return BUSY_FREE;
        }
        return ICal.text(event, "STATUS").filter("TENTATIVE"::equalsIgnoreCase).isPresent() ? BUSY_TENTATIVE
                : BUSY_BUSY;
    }

    /** Minutes before the start of the first VALARM, if there is one Outlook can hold. */
    private Optional<Integer> reminder(VEvent event, Instant start) {
        for (VAlarm alarm : event.getAlarms()) {
            Optional<Property> trigger = ICal.prop(alarm, "TRIGGER");
            if (trigger.isEmpty() || !(trigger.get() instanceof Trigger t)) {
                continue;
            }
            if (ICal.param(t, "VALUE").filter("DATE-TIME"::equalsIgnoreCase).isPresent() || t.getDuration() == null) {
                Instant at = ICal.instant(t.getDate(), floating);
                return Optional.of((int) Math.max(0, Duration.between(at, start).toMinutes()));
            }
            if (ICal.param(t, "RELATED").filter("END"::equalsIgnoreCase).isPresent()) {
                warnings.add("an alarm relative to the end became one relative to the start");
            }
            long before = -minutes(t.getDuration());
            return Optional.of((int) Math.max(0, Math.min(Integer.MAX_VALUE, before)));
        }
        return Optional.empty();
    }

    private static long minutes(TemporalAmount amount) {
        if (amount instanceof java.time.Period p) {
            return p.toTotalMonths() * 30L * 1440 + p.getDays() * 1440L;
        }
        return Duration.from(amount).toMinutes();
    }

    private Span span(VEvent event, EventZone seriesZone) {
        Temporal startValue = ICal.date(event, "DTSTART")
                .orElseThrow(() -> new CalendarException.Malformed("VEVENT without DTSTART", 0, null));
        EventZone zone = zoneOf(event, "DTSTART", startValue);
        if (seriesZone != null) {
            zone = seriesZone;
        }
        Instant start = ICal.instant(startValue, floating);
        boolean allDay = startValue instanceof LocalDate;
        Instant end;
        EventZone endZone = zone;
        Optional<Temporal> endValue = ICal.date(event, "DTEND");
        Optional<Property> duration = ICal.prop(event, "DURATION");
        if (endValue.isPresent()) {
            end = ICal.instant(endValue.get(), floating);
            endZone = seriesZone != null ? seriesZone : zoneOf(event, "DTEND", endValue.get());
        } else if (duration.isPresent() && duration.get() instanceof net.fortuna.ical4j.model.property.Duration d) {
            end = ZonedDateTime.ofInstant(start, zone.rules().getOffset(start)).plus(d.getDuration()).toInstant();
        } else {
            end = allDay ? ((LocalDate) startValue).plusDays(1).atStartOfDay(floating).toInstant() : start;
        }
        if (end.isBefore(start)) {
            warnings.add("DTEND before DTSTART was read as DTSTART");
            end = start;
        }
        return new Span(start, end, zone, endZone, allDay);
    }

    private EventZone zoneOf(Component event, String property, Temporal value) {
        return switch (value) {
            case ZonedDateTime z -> {
                String name = ICal.prop(event, property).flatMap(p -> ICal.param(p, "TZID")).orElse(z.getZone().getId());
                yield new EventZone(name, z.getZone().getRules(), TimeZoneRule.of(z.getZone().getRules(), z.getYear()));
            }
            case LocalDateTime l -> floatingZone(l.getYear());
            case LocalDate d -> floatingZone(d.getYear());
            default -> EventZone.UTC;
        };
    }

    private EventZone floatingZone(int year) {
        if (floating.getRules().isFixedOffset() && floating.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC)) {
            return EventZone.UTC;
        }
        return new EventZone(floating.getId(), floating.getRules(), TimeZoneRule.of(floating.getRules(), year));
    }

    private static int year(Instant t) {
        return t.atOffset(ZoneOffset.UTC).getYear();
    }

    /** The recurrence of a series with its deleted and modified instances, adding an attachment per exception. */
    private Optional<AppointmentRecurrence> recurrence(VEvent master, Span span, List<VEvent> overrides,
            List<AttachmentContent> attachments) {
        List<Property> rules = ICal.props(master, "RRULE");
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        if (rules.size() > 1) {
            warnings.add("only the first of " + rules.size() + " RRULEs was kept");
        }
        RRule<?> rule = (RRule<?>) rules.get(0);
        LocalDateTime start = span.localStart();
        LocalDateTime until = rule.getRecur().getUntil() == null ? null
                : RecurrenceRules.untilLocal(rule.getRecur().getUntil(), span.zone);
        Optional<RecurrencePattern> found = RecurrenceRules.toPattern(rule.getRecur(), start, until, warnings);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RecurrencePattern p = found.get();
        LocalDate lastDate = p.endType() == RecurrencePattern.EndType.NEVER ? LocalDate.of(4500, 12, 31)
                : MapiMinutes.toLocalDate(p.endDate());
        Set<LocalDate> instances = new HashSet<>(p.dates(lastDate, Integer.MAX_VALUE >> 8));
        int startOffset = start.getHour() * 60 + start.getMinute();
        int endOffset = startOffset + (int) Duration.between(span.start, span.end).toMinutes();

        Set<Integer> deleted = new HashSet<>();
        for (Temporal ex : ICal.dates(master, "EXDATE")) {
            LocalDate date = ex instanceof LocalDate d ? d : span.zone.local(ICal.instant(ex, floating)).toLocalDate();
            if (instances.contains(date)) {
                deleted.add(MapiMinutes.of(date));
            }
        }
        TreeMap<Integer, ExceptionInfo> exceptions = new TreeMap<>();
        Set<Integer> modified = new HashSet<>();
        for (VEvent override : overrides) {
            Temporal rid = ICal.date(override, "RECURRENCE-ID").orElseThrow();
            Instant originalStart = rid instanceof LocalDate d
                    ? span.zone.instant(d.atTime(start.toLocalTime())) : ICal.instant(rid, floating);
            LocalDateTime originalLocal = span.zone.local(originalStart);
            LocalDate originalDate = originalLocal.toLocalDate();
            int originalDay = MapiMinutes.of(originalDate);
            if (!instances.contains(originalDate) || deleted.contains(originalDay) && !exceptions.containsKey(originalDay)) {
                warnings.add("the instance of " + rid + " is not in the series and was dropped");
                continue;
            }
            if (ICal.prop(override, "RECURRENCE-ID").flatMap(r -> ICal.param(r, "RANGE")).isPresent()) {
                warnings.add("RANGE=THISANDFUTURE of " + rid + " was read as this instance only");
            }
            Span moved = span(override, span.zone);
            LocalDateTime newStart = span.zone.local(moved.start);
            LocalDateTime newEnd = span.zone.local(moved.end);
            ExceptionInfo info = ExceptionInfo.moved(MapiMinutes.of(newStart), MapiMinutes.of(newEnd),
                    MapiMinutes.of(originalLocal));
            String subject = ICal.text(override, "SUMMARY").orElse("");
            if (!subject.equals(ICal.text(master, "SUMMARY").orElse(""))) {
                info = info.withSubject(subject);
            }
            String location = ICal.text(override, "LOCATION").orElse("");
            if (!location.equals(ICal.text(master, "LOCATION").orElse(""))) {
                info = info.withLocation(location);
            }
            int busy = busyStatus(override);
            if (busy != busyStatus(master)) {
                info = info.withBusyStatus(busy);
            }
            Optional<Integer> reminder = reminder(override, moved.start);
            if (!reminder.equals(reminder(master, span.start))) {
                info = info.withReminder(reminder.isPresent(), reminder.orElse(null));
            }
            if (moved.allDay != span.allDay) {
                info = info.withSubType(moved.allDay);
            }
            deleted.add(originalDay);
            modified.add(MapiMinutes.of(newStart.toLocalDate()));
            exceptions.put(originalDay, info);
            attachments.add(exceptionAttachment(override, moved, originalStart, newStart, newEnd));
        }
        RecurrencePattern withInstances = new RecurrencePattern(p.frequency(), p.patternType(), p.calendarType(),
                p.period(), p.slidingFlag(), p.dayMask(), p.dayOfMonth(), p.nth(), p.endType(), p.occurrenceCount(),
                p.firstDayOfWeek(), new ArrayList<>(deleted), new ArrayList<>(modified), p.startDate(), p.endDate());
        // Exceptions are ordered by their new start ([MS-OXOCAL] 2.2.1.44.2).
        List<ExceptionInfo> ordered = exceptions.values().stream()
                .sorted(java.util.Comparator.comparingInt(ExceptionInfo::startDateTime)).toList();
        return Optional.of(new AppointmentRecurrence(withInstances, startOffset, endOffset, ordered));
    }

    /** The Exception Attachment object of a modified instance ([MS-OXOCAL] 2.2.10.1). */
    private AttachmentContent exceptionAttachment(VEvent override, Span moved, Instant originalStart,
            LocalDateTime newStart, LocalDateTime newEnd) {
        PropBuilder props = new PropBuilder(tags);
        props.put(PropTags.PR_MESSAGE_CLASS, EXCEPTION_CLASS);
        common(override, moved, props);
        props.put(NamedTags.EXCEPTION_REPLACE_TIME, originalStart)
                .put(NamedTags.IS_EXCEPTION, true)
                .put(NamedTags.RECURRING, false);
        List<Recipient> recipients = Attendees.recipients(override);
        MessageContent message = new MessageContent(props.build(), recipients, List.of(), false);
        PropBuilder attach = new PropBuilder(tags);
        attach.put(PropTags.PR_ATTACH_METHOD, AttachMethod.ATTACH_EMBEDDED_MSG.code())
                .put(PropTags.PR_ATTACHMENT_HIDDEN, true)
                .put(PropTags.PR_ATTACHMENT_FLAGS, AFEXCEPTION)
                .put(PropTags.PR_ATTACH_FLAGS, 0)
                .put(PropTags.PR_ATTACHMENT_LINKID, 0)
                .put(PropTags.PR_RENDERING_POSITION, -1)
                .put(PropTags.PR_DISPLAY_NAME, ICal.text(override, "SUMMARY").orElse(""))
                // Local times written as if UTC, as the property is defined.
                .put(PropTags.PR_EXCEPTION_STARTTIME, newStart.toInstant(ZoneOffset.UTC))
                .put(PropTags.PR_EXCEPTION_ENDTIME, newEnd.toInstant(ZoneOffset.UTC));
        return new AttachmentContent.Embedded(attach.build(), message);
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isDate(Property p) {
        return p instanceof DateProperty<?> d && d.getDate() instanceof LocalDate;
    }
}
