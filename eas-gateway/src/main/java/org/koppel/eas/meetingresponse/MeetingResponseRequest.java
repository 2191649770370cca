package org.koppel.eas.meetingresponse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A MeetingResponse request (MS-ASCMD 2.2.1.11): one Request per meeting request the user answers. */
public record MeetingResponseRequest(List<Request> requests) {

    public MeetingResponseRequest {
        requests = List.copyOf(requests);
    }

    /**
     * One answer: UserResponse 1 accepted, 2 tentative, 3 declined; the meeting request by CollectionId and
     * RequestId, or by a Search result's LongId; InstanceId (14.1+) for one occurrence.
     */
    public record Request(int userResponse, Optional<String> collectionId, Optional<String> requestId,
            Optional<String> longId, Optional<String> instanceId) {
        public Request {
            Objects.requireNonNull(collectionId, "collectionId");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(longId, "longId");
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }
}
