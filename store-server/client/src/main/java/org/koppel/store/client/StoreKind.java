package org.koppel.store.client;

/** A user's private mailbox, or the one public store. */
public enum StoreKind {
    PRIVATE,
    PUBLIC
}
