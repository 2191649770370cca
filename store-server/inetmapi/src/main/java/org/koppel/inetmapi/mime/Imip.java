package org.koppel.inetmapi.mime;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.koppel.inetmapi.ContentLineFolding;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.ical.CalendarException;
import org.koppel.inetmapi.ical.CalendarItem;
import org.koppel.inetmapi.ical.CalendarReader;
import org.koppel.inetmapi.ical.CalendarWriter;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/**
 * iMIP (RFC 6047): a text/calendar part with a METHOD in a mail is a meeting request, cancellation or
 * reply, and a meeting message written out carries its event as such a part. The message classes are
 * Outlook's: IPM.Schedule.Meeting.Request, .Canceled, .Resp.Pos / .Resp.Neg / .Resp.Tent.
 */
final class Imip {

    static final String REQUEST = "IPM.Schedule.Meeting.Request";
    static final String CANCELED = "IPM.Schedule.Meeting.Canceled";
    static final String RESPONSE = "IPM.Schedule.Meeting.Resp";

    private static final Pattern METHOD = Pattern.compile("(?im)^METHOD:([A-Z-]+)\\s*$");
    private static final int ACCEPTED = 3;
    private static final int DECLINED = 4;

    private Imip() {
    }

    /** A meeting message: its class and the event's properties and attendees. */
    record Meeting(String messageClass, List<PropValue> properties, List<Recipient> attendees) {
    }

    /** The meeting a calendar part carries, if it is one (a METHOD other than PUBLISH, with a VEVENT). */
    static Optional<Meeting> read(byte[] calendar, String methodParameter, NamedTagMap names) {
        String text = new String(calendar, StandardCharsets.UTF_8);
        String method = methodParameter;
        if (method == null || method.isBlank()) {
            Matcher m = METHOD.matcher(text);
            method = m.find() ? m.group(1) : "";
        }
        method = method.strip().toUpperCase(Locale.ROOT);
        if (!method.equals("REQUEST") && !method.equals("CANCEL") && !method.equals("REPLY")
                && !method.equals("COUNTER")) {
            return Optional.empty();
        }
        List<CalendarItem> items;
        try {
            items = new CalendarReader().read(new ByteArrayInputStream(calendar), names);
        } catch (CalendarException e) {
            return Optional.empty();
        }
        Optional<CalendarItem> event = items.stream().filter(i -> i.kind() == CalendarItem.Kind.APPOINTMENT).findFirst();
        if (event.isEmpty()) {
            return Optional.empty();
        }
        MessageContent c = event.get().content();
        String cls = switch (method) {
            case "REQUEST" -> REQUEST;
            case "CANCEL" -> CANCELED;
            default -> RESPONSE + "." + response(c.recipients());
        };
        List<PropValue> props = new ArrayList<>();
        for (PropValue v : c.properties()) {
            if (!v.tag().equals(PropTags.PR_MESSAGE_CLASS)) {
                props.add(v);
            }
        }
        return Optional.of(new Meeting(cls, props, c.recipients()));
    }

    /** Pos, Neg or Tent from the replying attendee's PARTSTAT. */
    private static String response(List<Recipient> attendees) {
        for (Recipient r : attendees) {
            Optional<Integer> track = r.properties().stream()
                    .filter(v -> v.tag().equals(PropTags.PR_RECIPIENT_TRACK_STATUS))
                    .map(v -> (Integer) v.javaValue()).findFirst();
            if (track.isPresent()) {
                return track.get() == ACCEPTED ? "Pos" : track.get() == DECLINED ? "Neg" : "Tent";
            }
        }
        return "Tent";
    }

    /** The METHOD a meeting message goes out with, if it is a meeting message. */
    static Optional<String> method(String messageClass) {
        if (is(messageClass, REQUEST)) {
            return Optional.of("REQUEST");
        }
        if (is(messageClass, CANCELED)) {
            return Optional.of("CANCEL");
        }
        if (is(messageClass, RESPONSE + ".Pos") || is(messageClass,
                RESPONSE + ".Neg") || is(messageClass, RESPONSE + ".Tent")) {
            return Optional.of("REPLY");
        }
        return Optional.empty();
    }

    /** The text/calendar body of a meeting message, with its METHOD. */
    static Optional<String> write(MapiMessage meeting, String method, NamedTagMap names) {
        Optional<String> ics = calendar(meeting, method, names);
        if (ics.isEmpty() || !method.equals("REPLY")) {
            return ics;
        }
        Optional<String> replier = meeting.property(PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS)
                .or(() -> meeting.property(PropTags.PR_SENDER_SMTP_ADDRESS)).map(v -> String.valueOf(v.javaValue()));
        String cls = meeting.property(PropTags.PR_MESSAGE_CLASS).map(v -> String.valueOf(v.javaValue())).orElse("");
        String partstat = cls.endsWith(".Pos") ? "ACCEPTED" : cls.endsWith(".Neg") ? "DECLINED" : "TENTATIVE";
        return Optional.of(reply(ics.get(), replier.orElse(""), partstat));
    }

    /**
     * A REPLY names only the replying attendee, with the answer as PARTSTAT (RFC 5546 3.2.3): other
     * ATTENDEE lines go, the replier's gets the PARTSTAT of the message class (or is added).
     */
    static String reply(String ics, String replier, String partstat) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(ics.length());
        boolean found = false;
        boolean inEvent = false;
        for (String line : unfolded.split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                inEvent = true;
            }
            if (inEvent && line.equals("END:VEVENT") && !found && !replier.isEmpty()) {
                ContentLineFolding.append(out, "ATTENDEE;PARTSTAT=" + partstat + ":mailto:" + replier);
                found = true;
            }
            if (line.equals("END:VEVENT")) {
                inEvent = false;
            }
            if (line.regionMatches(true, 0, "ATTENDEE", 0, 8)) {
                boolean mine = !replier.isEmpty() && line.toLowerCase(Locale.ROOT)
                        .endsWith(":mailto:" + replier.toLowerCase(Locale.ROOT));
                if (!mine) {
                    continue;
                }
                int colon = line.toLowerCase(Locale.ROOT).indexOf(":mailto:");
                String params = line.substring(0, colon).replaceAll(";PARTSTAT=[^;:]*", "");
                line = params + ";PARTSTAT=" + partstat + line.substring(colon);
                found = true;
            }
            ContentLineFolding.append(out, line);
        }
        return out.toString();
    }

    private static Optional<String> calendar(MapiMessage meeting, String method, NamedTagMap names) {
        MessageContent asAppointment = appointmentView(meeting);
        String ics;
        try {
            ics = new CalendarWriter().write(List.of(new ContentMessage(asAppointment)), names);
        } catch (RuntimeException unconvertible) {
            return Optional.empty();
        }
        int after = ics.indexOf("\r\n", ics.indexOf("BEGIN:VCALENDAR")) + 2;
        return Optional.of(ics.substring(0, after) + "METHOD:" + method + "\r\n" + ics.substring(after));
    }

    /** The meeting's properties read as an appointment (its class is the only difference). */
    private static MessageContent appointmentView(MapiMessage m) {
        List<PropValue> props = new ArrayList<>();
        for (PropValue v : m.properties()) {
            props.add(v.tag().equals(PropTags.PR_MESSAGE_CLASS) ? PropValue.of(PropTags.PR_MESSAGE_CLASS,
                    "IPM.Appointment") : v);
        }
        return new MessageContent(props, m.recipients(), List.of(), false);
    }

    /** Message classes compare case-insensitively, and a subclass (base + ".x") counts as the base. */
    private static boolean is(String cls, String base) {
        return cls != null && (cls.equalsIgnoreCase(base) || cls.regionMatches(true, 0, base + ".", 0, base.length() + 1));
    }
}
