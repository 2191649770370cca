package org.koppel.store.client;

import java.util.List;

/**
 * A hierarchy export: every folder change below the root since the state, parents before their children,
 * and the state to hand back next time. Hierarchies are small, so one export always brings the client
 * fully up to date.
 */
public record HierarchyExport(List<FolderChange> changes, SyncState state) {
    public HierarchyExport {
        changes = List.copyOf(changes);
    }
}
