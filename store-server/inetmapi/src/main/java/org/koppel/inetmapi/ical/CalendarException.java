package org.koppel.inetmapi.ical;

/**
 * Why an iCalendar stream could not be converted: it is not iCalendar ({@link Malformed}, with the line
 * where reading stopped) or it is larger than the reader accepts ({@link TooLarge}). Services map these to
 * their protocol's status (CalDAV: 400 or 403 with max-resource-size).
 */
public abstract sealed class CalendarException extends RuntimeException {

    CalendarException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Not iCalendar, or iCalendar this reader cannot make sense of. */
    public static final class Malformed extends CalendarException {
        private final int line;

        public Malformed(String message, int line, Throwable cause) {
            super(line > 0 ? "line " + line + ": " + message : message, cause);
            this.line = line;
        }

        /** The line where reading stopped, or 0 when not known. */
        public int line() {
            return line;
        }
    }

    /** More bytes or components than the reader's limits allow. */
    public static final class TooLarge extends CalendarException {
        public TooLarge(String message) {
            super(message, null);
        }
    }
}
