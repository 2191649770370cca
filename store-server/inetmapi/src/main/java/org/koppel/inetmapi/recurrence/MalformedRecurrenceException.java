package org.koppel.inetmapi.recurrence;

/** A recurrence blob that does not follow the layout of [MS-OXOCAL] 2.2.1.44, or values it cannot hold. */
public final class MalformedRecurrenceException extends RuntimeException {

    public MalformedRecurrenceException(String message) {
        super(message);
    }
}
