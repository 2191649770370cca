package org.koppel.backend;

/**
 * Placeholder for the MeetingRequest of MS-ASEMAIL 2.2.2.48 (a meeting message's event): only the global
 * object id so far; the calendar issue fills in start, end, location, recurrence and the rest.
 */
public record MeetingRequest(byte[] globalObjectId) {
    public MeetingRequest {
        globalObjectId = globalObjectId.clone();
    }

    @Override
    public byte[] globalObjectId() {
        return globalObjectId.clone();
    }
}
