package org.koppel.backend;

import java.util.List;

/**
 * What changed in the folder hierarchy since a state: folders new to the client, folders renamed or moved,
 * ids of folders gone, and the state to keep if the client receives this. Parents come before children.
 */
public record HierarchyChanges(List<BackendFolder> added, List<BackendFolder> updated, List<String> deleted,
        byte[] state) {
    public HierarchyChanges {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        state = state.clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }

    public boolean isEmpty() {
        return added.isEmpty() && updated.isEmpty() && deleted.isEmpty();
    }
}
