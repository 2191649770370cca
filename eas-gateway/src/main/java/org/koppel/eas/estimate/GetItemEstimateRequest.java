package org.koppel.eas.estimate;

import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.ContentClass;

/** A GetItemEstimate request: how many items would a Sync of these collections bring? */
public record GetItemEstimateRequest(List<Collection> collections) {

    public GetItemEstimateRequest {
        collections = List.copyOf(collections);
    }

    /**
     * One collection. Up to 12.1 the class and filter are given here ({@code contentClass},
     * {@code filterType}); from 14.0 in {@code options} and ConversationMode may be set.
     */
    public record Collection(String syncKey, String collectionId, Optional<ContentClass> contentClass,
            Optional<Integer> filterType, Optional<Boolean> conversationMode, List<Options> options) {

        public Collection {
            options = List.copyOf(options);
        }
    }

    /** airsync:Options of a 14.0+ collection: the filter per class. */
    public record Options(Optional<ContentClass> contentClass, Optional<Integer> filterType,
            Optional<Integer> maxItems) {
    }
}
