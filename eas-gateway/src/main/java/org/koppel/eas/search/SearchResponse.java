package org.koppel.eas.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Search response ([MS-ASCMD] 2.2.1.16): the overall status and, when the request was read, the Store with
 * its own status, its results, the range returned and the total found.
 *
 * @param <D> a mailbox result's properties (a writer on the server, the decoded fields in a client)
 */
public record SearchResponse<D>(SearchStatus status, Optional<Store<D>> store) {

    public SearchResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(store, "store");
    }

    public record Store<D>(SearchStatus status, List<Result<D>> results, Optional<Range> range,
            Optional<Integer> total) {
        public Store {
            Objects.requireNonNull(status, "status");
            results = List.copyOf(results);
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(total, "total");
        }

        public static <D> Store<D> failed(SearchStatus status) {
            return new Store<>(status, List.of(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * One Result: a mail item (class, LongId, the device's CollectionId when it knows the folder, and its
     * properties) or a GAL entry.
     */
    public record Result<D>(Optional<String> contentClass, Optional<String> longId, Optional<String> collectionId,
            Optional<D> mail, Optional<GalProperties> gal) {
        public Result {
            Objects.requireNonNull(contentClass, "contentClass");
            Objects.requireNonNull(longId, "longId");
            Objects.requireNonNull(collectionId, "collectionId");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(gal, "gal");
        }

        public static <D> Result<D> gal(GalProperties p) {
            return new Result<>(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(p));
        }
    }
}
