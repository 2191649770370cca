package org.koppel.inetmapi.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.UUID;
import net.fortuna.ical4j.model.Component;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;

/** The properties tasks and notes share: texts, UID, classification, categories and change times. */
final class Common {

    private Common() {
    }

    static void read(Component c, String uid, ZoneId floating, PropBuilder props) {
        ICal.text(c, "SUMMARY").ifPresent(s -> props.put(PropTags.PR_SUBJECT, s).put(PropTags.PR_NORMALIZED_SUBJECT, s));
        Instant created = ICal.date(c, "CREATED").map(t -> ICal.instant(t, floating)).orElse(Instant.EPOCH);
        props.put(NamedTags.GLOBAL_OBJECT_ID, GlobalObjectId.fromUid(uid, created));
        Classification.read(c, props);
        Keywords.read(c, props);
        ICal.date(c, "CREATED").ifPresent(t -> props.put(PropTags.PR_CREATION_TIME, ICal.instant(t, floating)));
        ICal.date(c, "LAST-MODIFIED")
                .ifPresent(t -> props.put(PropTags.PR_LAST_MODIFICATION_TIME, ICal.instant(t, floating)));
    }

    static void write(PropReader p, Instant now, ContentLines out) {
        out.text("UID", p.binary(NamedTags.GLOBAL_OBJECT_ID).map(GlobalObjectId::toUid)
                .orElseGet(() -> UUID.randomUUID().toString()));
        out.raw("DTSTAMP", ContentLines.utc(p.time(PropTags.PR_LAST_MODIFICATION_TIME).orElse(now)
                .truncatedTo(ChronoUnit.SECONDS)));
        p.time(PropTags.PR_CREATION_TIME).ifPresent(t -> out.raw("CREATED", ContentLines.utc(t.truncatedTo(ChronoUnit.SECONDS))));
        p.time(PropTags.PR_LAST_MODIFICATION_TIME)
                .ifPresent(t -> out.raw("LAST-MODIFIED", ContentLines.utc(t.truncatedTo(ChronoUnit.SECONDS))));
        p.string(PropTags.PR_SUBJECT).ifPresent(s -> out.text("SUMMARY", s));
        Classification.write(p, out);
        Keywords.write(p, out);
    }

    /** A task's date (PidLidTaskStartDate/DueDate): the local date at midnight, written as if UTC. */
    static Instant dateAsUtc(Temporal t, ZoneId floating) {
        LocalDate d = t instanceof LocalDate date ? date : ICal.instant(t, floating).atZone(floating).toLocalDate();
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A date-time property, as a DATE when it is the local midnight that a date was read as. */
    static void dateOrTime(String name, Instant t, boolean date, ZoneId floating, ContentLines out) {
        if (date) {
            out.raw(name + ";VALUE=DATE", ContentLines.date(t.atZone(floating).toLocalDate()));
        } else {
            out.raw(name, ContentLines.utc(t));
        }
    }

    static boolean isLocalMidnight(Instant t, ZoneId floating) {
        return t.atZone(floating).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }
}
