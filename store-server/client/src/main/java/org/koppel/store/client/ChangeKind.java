package org.koppel.store.client;

/** What happened to an object since a sync state, as an exporter reports it. */
public enum ChangeKind {
    /** Created in (or copied into) the folder since the client last looked. */
    NEW,
    /** Moved here from another folder. */
    MOVED_IN,
    /** Brought back from the soft-deleted items. */
    RESTORED,
    /** The client has it; its content or properties changed. */
    MODIFIED,
    /** The client has it; only its read state changed. */
    READ_STATE,
    /** Deleted, still recoverable (soft delete). */
    SOFT_DELETED,
    /** Deleted for good. */
    HARD_DELETED,
    /** Moved to another folder. */
    MOVED_OUT,
    /** Still in the folder, but no longer inside the export's restriction or time window. */
    LEFT_FILTER;

    /** Whether the client should add the object (it does not have it). */
    public boolean isAddition() {
        return this == NEW || this == MOVED_IN || this == RESTORED;
    }

    /** Whether the client should drop the object. */
    public boolean isRemoval() {
        return this == SOFT_DELETED || this == HARD_DELETED || this == MOVED_OUT || this == LEFT_FILTER;
    }
}
