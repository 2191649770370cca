package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;

/**
 * Incremental synchronisation (MAPI ICS): export what changed in a folder or hierarchy since a client's
 * {@link SyncState}, import the client's own changes with conflict detection, and the IMAP identifiers
 * derived from the same change numbers. An export costs O(changes) plus an index lookup, whatever the
 * folder size.
 */
public interface ChangeTracking {

    /**
     * The next batch of changes to a folder's messages since {@code state} (the caller needs read access).
     * Repeat with the returned state until {@link ContentsExport#complete()}; exporting again from an
     * older state repeats what it returned then, so a lost reply loses nothing.
     */
    ContentsExport exportContents(EntryId folder, SyncState state, ContentsSyncOptions options);

    /** Every change to the folders below {@code root} (not to {@code root} itself) since {@code state}. */
    HierarchyExport exportHierarchy(EntryId root, SyncState state);

    /**
     * Applies a client's changes to a folder in one transaction, in order, and returns the state to use
     * from now on. {@code state} must be one the client got from {@link #exportContents} for this folder
     * (or initial, which starts a new one).
     */
    ImportOutcome importContents(EntryId folder, SyncState state, List<ContentImport> changes,
            ConflictPolicy policy);

    /**
     * Every change to messages and folders in every store since {@code state}, at most about
     * {@code maxChanges} per call (a change number shared by one bulk operation is never split), for
     * service accounts such as the search indexer and the backup; administrators and system services only.
     * Repeat with the returned state until complete. From the initial state (and for a store created
     * since) every object comes as saved, so one mechanism does the first full read and the updates.
     */
    ServerExport exportServer(ServerSyncState state, int maxChanges);

    /** The folder's UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ. */
    ImapFolderState imapState(EntryId folder);
}
