package org.koppel.store.client;

import java.util.List;

/**
 * One batch of a server-wide export: the changes, in change-number order per store (removals first at
 * equal numbers), the state to hand back next time, and whether every store is now read up to date.
 */
public record ServerExport(List<ServerChange> changes, ServerSyncState state, boolean complete) {
    public ServerExport {
        changes = List.copyOf(changes);
    }
}
