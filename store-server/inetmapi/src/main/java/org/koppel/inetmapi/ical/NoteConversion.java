package org.koppel.inetmapi.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageContent;

/**
 * VJOURNAL <-> IPM.StickyNote (the memos of CalDAV clients): SUMMARY, DESCRIPTION (several are joined with a
 * blank line), DTSTART, CLASS and CATEGORIES. An Outlook journal entry (IPM.Activity) is written as a
 * VJOURNAL too, its start (PidLidLogStart) as DTSTART.
 */
final class NoteConversion {

    static final String NOTE_CLASS = "IPM.StickyNote";
    static final String JOURNAL_CLASS = "IPM.Activity";

    private final NamedTagMap tags;
    private final ZoneId floating;

    NoteConversion(NamedTagMap tags, ZoneId floating) {
        this.tags = tags;
        this.floating = floating;
    }

    CalendarItem read(Component journal) {
        String uid = ICal.text(journal, "UID").orElseGet(() -> UUID.randomUUID().toString());
        PropBuilder props = new PropBuilder(tags);
        props.put(PropTags.PR_MESSAGE_CLASS, NOTE_CLASS);
        Common.read(journal, uid, floating, props);
        List<String> bodies = new ArrayList<>();
        for (Property p : ICal.props(journal, "DESCRIPTION")) {
            if (!p.getValue().isEmpty()) {
                bodies.add(p.getValue());
            }
        }
        if (!bodies.isEmpty()) {
            props.put(PropTags.PR_BODY, String.join("\n\n", bodies));
        }
        Optional<Temporal> start = ICal.date(journal, "DTSTART");
        start.ifPresent(t -> props.put(NamedTags.COMMON_START, ICal.instant(t, floating))
                .put(NamedTags.COMMON_END, ICal.instant(t, floating))
                .put(NamedTags.TASK_START_DATE, Common.dateAsUtc(t, floating)));
        return new CalendarItem(uid, CalendarItem.Kind.NOTE, MessageContent.of(props.build()), List.of());
    }

    void write(MapiMessage m, Instant now, ContentLines out) {
        PropReader p = new PropReader(m.properties(), tags);
        out.begin("VJOURNAL");
        Common.write(p, now, out);
        p.string(PropTags.PR_BODY).ifPresent(s -> out.text("DESCRIPTION", s));
        Optional<Instant> start = p.time(NamedTags.COMMON_START).or(() -> p.time(NamedTags.LOG_START));
        start.ifPresent(t -> Common.dateOrTime("DTSTART", t, p.time(NamedTags.TASK_START_DATE).isPresent()
                && Common.isLocalMidnight(t, floating), floating, out));
        out.end("VJOURNAL");
    }
}
