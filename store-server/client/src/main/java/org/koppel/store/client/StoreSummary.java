package org.koppel.store.client;

import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;

/**
 * A store as an administrator lists it: a private store whose owner was deleted while keeping the store
 * is {@code orphaned} (no owner).
 */
public record StoreSummary(EntryId entryId, Guid guid, StoreKind kind, Optional<String> ownerLogin, long sizeBytes,
        boolean orphaned) {
}
