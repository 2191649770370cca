package org.koppel.inetmapi.recurrence;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One modified instance of a series ([MS-OXOCAL] 2.2.1.44.2 ExceptionInfo with its 2.2.1.44.3
 * ExtendedException): its new start and end and its original start, as {@link MapiMinutes} in the series'
 * time zone, and the properties that differ from the series. A null field is one the exception does not
 * override.
 */
public record ExceptionInfo(
        int startDateTime,
        int endDateTime,
        int originalStartDate,
        String subject,
        Integer meetingType,
        Integer reminderDelta,
        Boolean reminderSet,
        String location,
        Integer busyStatus,
        Boolean attachment,
        Boolean subType,
        Integer appointmentColor) {

    static final int ARO_SUBJECT = 0x0001;
    static final int ARO_MEETINGTYPE = 0x0002;
    static final int ARO_REMINDERDELTA = 0x0004;
    static final int ARO_REMINDER = 0x0008;
    static final int ARO_LOCATION = 0x0010;
    static final int ARO_BUSYSTATUS = 0x0020;
    static final int ARO_ATTACHMENT = 0x0040;
    static final int ARO_SUBTYPE = 0x0080;
    static final int ARO_APPTCOLOR = 0x0100;

    /** The 8-bit copies of subject and location are in the code page of the message; we write Windows-1252. */
    private static final Charset ANSI = Charset.forName("windows-1252");

    /** An exception that only moves an instance. */
    public static ExceptionInfo moved(int start, int end, int originalStart) {
        return new ExceptionInfo(start, end, originalStart, null, null, null, null, null, null, null, null, null);
    }

    public ExceptionInfo withSubject(String s) {
        return new ExceptionInfo(startDateTime, endDateTime, originalStartDate, s, meetingType, reminderDelta,
                reminderSet, location, busyStatus, attachment, subType, appointmentColor);
    }

    public ExceptionInfo withLocation(String l) {
        return new ExceptionInfo(startDateTime, endDateTime, originalStartDate, subject, meetingType, reminderDelta,
                reminderSet, l, busyStatus, attachment, subType, appointmentColor);
    }

    public ExceptionInfo withBusyStatus(Integer b) {
        return new ExceptionInfo(startDateTime, endDateTime, originalStartDate, subject, meetingType, reminderDelta,
                reminderSet, location, b, attachment, subType, appointmentColor);
    }

    public ExceptionInfo withReminder(Boolean set, Integer delta) {
        return new ExceptionInfo(startDateTime, endDateTime, originalStartDate, subject, meetingType, delta,
                set, location, busyStatus, attachment, subType, appointmentColor);
    }

    public ExceptionInfo withSubType(Boolean allDay) {
        return new ExceptionInfo(startDateTime, endDateTime, originalStartDate, subject, meetingType, reminderDelta,
                reminderSet, location, busyStatus, attachment, allDay, appointmentColor);
    }

    public ExceptionInfo withAttachment(Boolean has) {
        return new ExceptionInfo(startDateTime, endDateTime, originalStartDate, subject, meetingType, reminderDelta,
                reminderSet, location, busyStatus, has, subType, appointmentColor);
    }

    int overrideFlags() {
        int f = 0;
        f |= subject != null ? ARO_SUBJECT : 0;
        f |= meetingType != null ? ARO_MEETINGTYPE : 0;
        f |= reminderDelta != null ? ARO_REMINDERDELTA : 0;
        f |= reminderSet != null ? ARO_REMINDER : 0;
        f |= location != null ? ARO_LOCATION : 0;
        f |= busyStatus != null ? ARO_BUSYSTATUS : 0;
        f |= attachment != null ? ARO_ATTACHMENT : 0;
        f |= subType != null ? ARO_SUBTYPE : 0;
        f |= appointmentColor != null ? ARO_APPTCOLOR : 0;
        return f;
    }

    void write(LittleEndian.Writer w) {
        w.u32(startDateTime).u32(endDateTime).u32(originalStartDate).u16(overrideFlags());
        if (subject != null) {
            writeAnsi(w, subject);
        }
        if (meetingType != null) {
            w.u32(meetingType);
        }
        if (reminderDelta != null) {
            w.u32(reminderDelta);
        }
        if (reminderSet != null) {
            w.u32(reminderSet ? 1 : 0);
        }
        if (location != null) {
            writeAnsi(w, location);
        }
        if (busyStatus != null) {
            w.u32(busyStatus);
        }
        if (attachment != null) {
            w.u32(attachment ? 1 : 0);
        }
        if (subType != null) {
            w.u32(subType ? 1 : 0);
        }
        if (appointmentColor != null) {
            w.u32(appointmentColor);
        }
    }

    private static void writeAnsi(LittleEndian.Writer w, String s) {
        byte[] b = s.getBytes(ANSI);
        if (b.length > 0xFFFE) {
            throw new MalformedRecurrenceException("exception text of " + b.length + " bytes");
        }
        w.u16(b.length + 1).u16(b.length).bytes(b);
    }

    /** The ExtendedException of this exception, for a blob of WriterVersion2 0x3009 (with ChangeHighlight). */
    void writeExtended(LittleEndian.Writer w) {
        w.u32(4).u32(0); // ChangeHighlightSize, ChangeHighlightValue: nothing highlighted
        w.u32(0); // ReservedBlockEE1Size
        if (subject != null || location != null) {
            w.u32(startDateTime).u32(endDateTime).u32(originalStartDate);
            if (subject != null) {
                writeWide(w, subject);
            }
            if (location != null) {
                writeWide(w, location);
            }
            w.u32(0); // ReservedBlockEE2Size
        }
    }

    private static void writeWide(LittleEndian.Writer w, String s) {
        if (s.length() > 0xFFFF) {
            throw new MalformedRecurrenceException("exception text of " + s.length() + " characters");
        }
        w.u16(s.length()).bytes(s.getBytes(StandardCharsets.UTF_16LE));
    }

    static ExceptionInfo read(LittleEndian.Reader r) {
        int start = r.u32("StartDateTime");
        int end = r.u32("EndDateTime");
        int original = r.u32("OriginalStartDate");
        int flags = r.u16("OverrideFlags");
        String subject = (flags & ARO_SUBJECT) != 0 ? readAnsi(r, "Subject") : null;
        Integer meetingType = (flags & ARO_MEETINGTYPE) != 0 ? r.u32("MeetingType") : null;
        Integer delta = (flags & ARO_REMINDERDELTA) != 0 ? r.u32("ReminderDelta") : null;
        Boolean reminder = (flags & ARO_REMINDER) != 0 ? r.u32("ReminderSet") != 0 : null;
        String location = (flags & ARO_LOCATION) != 0 ? readAnsi(r, "Location") : null;
        Integer busy = (flags & ARO_BUSYSTATUS) != 0 ? r.u32("BusyStatus") : null;
        Boolean attachment = (flags & ARO_ATTACHMENT) != 0 ? r.u32("Attachment") != 0 : null;
        Boolean subType = (flags & ARO_SUBTYPE) != 0 ? r.u32("SubType") != 0 : null;
        Integer color = (flags & ARO_APPTCOLOR) != 0 ? r.u32("AppointmentColor") : null;
        return new ExceptionInfo(start, end, original, subject, meetingType, delta, reminder, location, busy,
                attachment, subType, color);
    }

    private static String readAnsi(LittleEndian.Reader r, String field) {
        int length = r.u16(field + "Length");
        int length2 = r.u16(field + "Length2");
        if (length != length2 + 1) {
            throw new MalformedRecurrenceException(field + " lengths " + length + " and " + length2);
        }
        return r.chars8(length2, field, ANSI);
    }

    /** This exception with the Unicode subject and location of its ExtendedException, which win over 8-bit. */
    ExceptionInfo readExtended(LittleEndian.Reader r, boolean changeHighlight) {
        if (changeHighlight) {
            int size = r.u32("ChangeHighlightSize");
            r.skip(r.count(size, 1, "ChangeHighlightSize"), "ChangeHighlight");
        }
        r.skip(r.count(r.u32("ReservedBlockEE1Size"), 1, "ReservedBlockEE1Size"), "ReservedBlockEE1");
        ExceptionInfo out = this;
        if (subject != null || location != null) {
            r.u32("StartDateTime");
            r.u32("EndDateTime");
            r.u32("OriginalStartDate");
            if (subject != null) {
                out = out.withSubject(r.chars16(r.u16("WideCharSubjectLength"), "WideCharSubject"));
            }
            if (location != null) {
                out = out.withLocation(r.chars16(r.u16("WideCharLocationLength"), "WideCharLocation"));
            }
            r.skip(r.count(r.u32("ReservedBlockEE2Size"), 1, "ReservedBlockEE2Size"), "ReservedBlockEE2");
        }
        return out;
    }
}
