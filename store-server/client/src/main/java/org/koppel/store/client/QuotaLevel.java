package org.koppel.store.client;

/** Where a store stands against its quota. */
public enum QuotaLevel {
    OK,
    WARN,
    SOFT,
    HARD
}
