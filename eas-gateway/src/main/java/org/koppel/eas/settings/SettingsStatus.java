package org.koppel.eas.settings;

import org.koppel.eas.codec.StatusCode;

/** The Status values of the Settings command and each of its parts (MS-ASCMD 2.2.3.177.14). */
public enum SettingsStatus implements StatusCode {
    SUCCESS(1),
    /** The request is not a valid Settings document (unknown or misplaced elements). */
    PROTOCOL_ERROR(2),
    ACCESS_DENIED(3),
    /** The mail source or device state cannot answer now; try later. */
    SERVER_UNAVAILABLE(4),
    /** A value is out of range or unreadable (a date, OofState, BodyType, Enabled). */
    INVALID_ARGUMENTS(5),
    /** Values that contradict each other (an EndTime before the StartTime). */
    CONFLICTING_ARGUMENTS(6),
    /** Refused by policy, or not offered by this server's mail source. */
    DENIED_BY_POLICY(7);

    private final int code;

    SettingsStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
