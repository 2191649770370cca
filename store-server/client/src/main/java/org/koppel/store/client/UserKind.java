package org.koppel.store.client;

/** What a directory account is: a person who logs on, a shared mailbox nobody logs on to, or a system identity. */
public enum UserKind {
    USER,
    SHARED,
    SYSTEM
}
