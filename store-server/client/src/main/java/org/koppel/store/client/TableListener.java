package org.koppel.store.client;

/** Receives a table subscription's row events, one at a time and in commit order; must not block long. */
@FunctionalInterface
public interface TableListener {
    void onTableEvent(TableEvent event);
}
