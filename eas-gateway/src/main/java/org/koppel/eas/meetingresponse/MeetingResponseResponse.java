package org.koppel.eas.meetingresponse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One Result per Request, in the request's order. */
public record MeetingResponseResponse(List<Result> results) {

    public MeetingResponseResponse {
        results = List.copyOf(results);
    }

    /** The request's RequestId (none for a LongId request), its status, the calendar item when one was made. */
    public record Result(Optional<String> requestId, MeetingResponseStatus status, Optional<String> calendarId) {
        public Result {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(calendarId, "calendarId");
        }
    }
}
