package org.koppel.store.client;

/**
 * Receives a subscription's events, one at a time and in commit order. It runs on a store thread: it must
 * return quickly (hand work elsewhere) and must not throw; a listener that is too slow gets RESYNC_NEEDED
 * instead of the events it could not take.
 */
@FunctionalInterface
public interface NotificationListener {
    void onNotification(Notification notification);
}
