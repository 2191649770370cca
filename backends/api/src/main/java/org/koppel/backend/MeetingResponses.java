package org.koppel.backend;

/** MeetingResponse: answering a meeting request in a folder. Optional; the calendar issue implements it. */
public interface MeetingResponses {

    enum Response {
        ACCEPTED, TENTATIVE, DECLINED
    }

    /** Answers the request and returns the id of the calendar item it made or updated. */
    String respond(String folderId, String itemId, Response response);
}
