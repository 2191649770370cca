package org.koppel.store.client;

import java.util.List;

/**
 * The result of an import: one {@link ImportResult} per imported change, in order, and the state to use
 * from now on (the imported changes are not exported back to it).
 */
public record ImportOutcome(List<ImportResult> results, SyncState state) {
    public ImportOutcome {
        results = List.copyOf(results);
    }
}
