package org.koppel.eas.lifecycle;

import java.util.List;
import java.util.Optional;
import org.koppel.eas.itemoperations.ItemOperationsRequest;
import org.koppel.eas.itemoperations.ItemOperationsRequest.FetchOptions;
import org.koppel.eas.sync.BodyPreference;

/** ItemOperations requests as a phone sends them. */
final class ItemOperationsRequests {

    private ItemOperationsRequests() {
    }

    static ItemOperationsRequest of(ItemOperationsRequest.Operation... ops) {
        return new ItemOperationsRequest(List.of(ops));
    }

    static BodyPreference body(int type) {
        return new BodyPreference(type, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static FetchOptions bodies(BodyPreference... prefs) {
        return FetchOptions.NONE.withBodyPreferences(Optional.empty(), List.of(prefs));
    }

    static ItemOperationsRequest.Fetch item(String collectionId, String serverId, FetchOptions options) {
        return new ItemOperationsRequest.Fetch("Mailbox", Optional.of(collectionId), Optional.of(serverId),
                Optional.empty(), Optional.empty(), Optional.empty(), options);
    }

    static ItemOperationsRequest.Fetch longId(String longId, FetchOptions options) {
        return new ItemOperationsRequest.Fetch("Mailbox", Optional.empty(), Optional.empty(), Optional.of(longId),
                Optional.empty(), Optional.empty(), options);
    }

    static ItemOperationsRequest.Fetch file(String fileReference, Optional<String> range) {
        return new ItemOperationsRequest.Fetch("Mailbox", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(fileReference), Optional.empty(),
                range.map(FetchOptions.NONE::withRange).orElse(FetchOptions.NONE));
    }
}
