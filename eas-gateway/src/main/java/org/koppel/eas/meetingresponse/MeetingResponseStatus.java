package org.koppel.eas.meetingresponse;

import org.koppel.eas.codec.StatusCode;

/** The Status values of a MeetingResponse Result (MS-ASCMD 2.2.3.177.9). */
public enum MeetingResponseStatus implements StatusCode {
    SUCCESS(1),
    /** The item is not a meeting request that can be answered here (or the request is malformed). */
    INVALID_MEETING_REQUEST(2),
    MAILBOX_ERROR(3),
    SERVER_ERROR(4);

    private final int code;

    MeetingResponseStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
