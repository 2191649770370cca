package org.koppel.store.client;

/** What creating or moving a folder does when a sibling of the same name (case-insensitively) exists. */
public enum CollisionPolicy {
    /** Refuse with MAPI_E_COLLISION. */
    FAIL,
    /** Return the existing folder (MAPI's OPEN_IF_EXISTS); for move and copy this acts as FAIL. */
    OPEN_IF_EXISTS,
    /** Pick a free name by appending " (2)", " (3)", ... */
    RENAME
}
