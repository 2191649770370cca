package org.koppel.eas.estimate;

import java.util.List;
import java.util.Optional;

/** A GetItemEstimate response: one Response per collection asked about. */
public record GetItemEstimateResponse(List<Response> responses) {

    public GetItemEstimateResponse {
        responses = List.copyOf(responses);
    }

    /** The estimate for one collection; id and estimate are absent when the status is an error. */
    public record Response(GetItemEstimateStatus status, Optional<String> collectionId, Optional<Long> estimate) {
    }
}
