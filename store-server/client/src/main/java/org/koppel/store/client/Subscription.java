package org.koppel.store.client;

/** An active subscription; closing it stops delivery (events already being delivered may still arrive). */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
