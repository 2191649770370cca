package org.koppel.eas.find;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.search.Range;

/**
 * A Find response ([MS-ASCMD] 2.2.1.2): the overall status and, when the request was read, one Response with
 * the store searched, its status, the results, the range returned and the total.
 *
 * @param <D> a result's properties (a writer on the server, the decoded fields in a client)
 */
public record FindResponse<D>(FindStatus status, Optional<Response<D>> response) {

    public FindResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(response, "response");
    }

    public record Response<D>(String store, FindStatus status, List<Result<D>> results, Optional<Range> range,
            Optional<Integer> total) {
        public Response {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(status, "status");
            results = List.copyOf(results);
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(total, "total");
        }
    }

    /** One mailbox item: its class, ServerId, the device's CollectionId when it knows the folder, properties. */
    public record Result<D>(String contentClass, String serverId, Optional<String> collectionId, D properties) {
        public Result {
            Objects.requireNonNull(contentClass, "contentClass");
            Objects.requireNonNull(serverId, "serverId");
            Objects.requireNonNull(collectionId, "collectionId");
        }
    }
}
