package org.koppel.store.client;

import java.util.List;

/**
 * One batch of a contents export: the changes, the state to hand back next time, and whether the client
 * is now up to date ({@code complete}) or should export again at once for the next batch.
 */
public record ContentsExport(List<ContentChange> changes, SyncState state, boolean complete) {
    public ContentsExport {
        changes = List.copyOf(changes);
    }
}
