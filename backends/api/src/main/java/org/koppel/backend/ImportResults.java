package org.koppel.backend;

import java.util.List;

/**
 * The result of importing a client's changes: one result per change, in order, and the state to export
 * from next (the imported changes are not exported back to it).
 */
public record ImportResults(List<ChangeResult> results, byte[] state) {
    public ImportResults {
        results = List.copyOf(results);
        state = state.clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }
}
