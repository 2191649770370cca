package org.koppel.inetmapi.ical;

import java.util.List;
import org.koppel.store.client.MessageContent;

/**
 * One object read from iCalendar: what to save (an appointment with its exceptions, a task or a note), the
 * UID it had, and what of it could not be carried over into MAPI.
 */
public record CalendarItem(String uid, Kind kind, MessageContent content, List<String> warnings) {

    public CalendarItem {
        warnings = List.copyOf(warnings);
    }

    /** What an item became. */
    public enum Kind {
        /** A VEVENT: IPM.Appointment. */
        APPOINTMENT,
        /** A VTODO: IPM.Task. */
        TASK,
        /** A VJOURNAL: IPM.StickyNote. */
        NOTE
    }
}
