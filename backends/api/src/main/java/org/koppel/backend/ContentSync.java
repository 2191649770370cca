package org.koppel.backend;

import java.util.List;

/**
 * Incremental synchronisation of a folder's items over opaque backend states. A state is bytes the gateway
 * keeps with its sync key; the backend keeps nothing per client, so every state it handed out can be handed
 * back any number of times with the same result. That makes the gateway's commit-on-confirm work: it keeps
 * the old state until the client uses the new sync key, and a lost response is retried from the old state.
 */
public interface ContentSync {

    /**
     * The next page of changes since {@code state} (empty array: from scratch, which reports the items inside
     * the filter window as additions). Costs O(changes), never a scan of the folder.
     *
     * @throws BackendException.InvalidState for a state that is corrupt, foreign or too old (Sync status 3)
     * @throws BackendException.NotFound     for a folder that is gone (Sync status 8 or 12)
     */
    ExportPage export(String folderId, byte[] state, ExportOptions options);

    /** How many changes an export from {@code state} with {@code filter} would report (GetItemEstimate). */
    int estimate(String folderId, byte[] state, FilterType filter);

    /**
     * Applies a client's changes made against {@code state}, detecting conflicts with what changed on the
     * server since that state. Returns the state to export from next; the imported changes are never
     * exported back to it (they are echoed to other clients as usual).
     */
    ImportResults importChanges(String folderId, byte[] state, List<ClientChange> changes, ConflictPolicy policy);
}
