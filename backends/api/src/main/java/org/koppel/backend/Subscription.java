package org.koppel.backend;

/** A push subscription; closing it stops the listener being called (at most one call may be in flight). */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
