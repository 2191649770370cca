package org.koppel.store.core.notify;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of a {@link NotificationHub}: its filter, its bounded queue, and the drain task that feeds its
 * listener. At most one drain runs at a time (the {@code drainScheduled} flag), so the listener sees events one at a
 * time in queue order; while the queue is empty no task or thread exists for it.
 */
final class QueuedSubscription implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedSubscription.class);

    /** Deliveries per drain task before it re-queues itself, so a busy subscription cannot hog a pooled thread. */
    static final int DRAIN_BUDGET = 256;

    private final SubscriptionScope scope;
    private final Set<EventType> types;
    private final Notification resyncNeeded;
    private final NotificationListener listener;
    private final int capacity;
    private final Executor executor;
    private final NotificationHub hub;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Notification> queue; // guarded by lock
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Only the drain touches it; successive drains are ordered by the volatile drainScheduled flag.
    private boolean failureLogged;

    QueuedSubscription(SubscriptionScope scope, Set<EventType> types, EntryId storeEntryId,
            NotificationListener listener, int capacity, Executor executor, NotificationHub hub) {
        this.scope = scope;
        this.types = types.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(types);
        this.resyncNeeded = Notification.resyncNeeded(storeEntryId);
        this.listener = listener;
        this.capacity = capacity;
        this.executor = executor;
        this.hub = hub;
        this.queue = new ArrayDeque<>(Math.min(capacity, 16));
    }

    SubscriptionScope scope() {
        return scope;
    }

    boolean wants(EventType type) {
        return type == EventType.RESYNC_NEEDED || types.contains(type);
    }

    /**
     * Queues a notification and makes sure a drain will deliver it; never blocks beyond the queue's short lock.
     * When the queue is full its events, and this one, are replaced by a single RESYNC_NEEDED: the subscriber
     * re-reads state after it, which already includes everything dropped.
     */
    void offer(Notification notification) {
        boolean overflowed = false;
        lock.lock();
        try {
            if (closed.get()) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.clear();
                queue.add(resyncNeeded);
                overflowed = true;
            } else {
                queue.add(notification);
            }
        } finally {
            lock.unlock();
        }
        if (overflowed) {
            hub.overflowed();
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with the server; what is queued will never be delivered.
            drainScheduled.set(false);
            LOG.debug("Notification delivery rejected by the executor", e);
        }
    }

    private void drain() {
        int delivered = 0;
        try {
            while (true) {
                Notification next = poll();
                if (next == null) {
                    drainScheduled.set(false);
                    // An offer between the empty poll and the reset saw the flag still set and scheduled nothing:
                    // take its event now, unless a new drain already claimed it.
                    if (isEmpty() || !drainScheduled.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                deliver(next);
                if (++delivered == DRAIN_BUDGET) {
                    submitDrain(); // the flag stays set: the next task continues this drain
                    return;
                }
            }
        } catch (Error e) {
            drainScheduled.set(false);
            throw e;
        }
    }

    private Notification poll() {
        lock.lock();
        try {
            return closed.get() ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isEmpty() {
        lock.lock();
        try {
            return closed.get() || queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void deliver(Notification notification) {
        try {
            listener.onNotification(notification);
        } catch (RuntimeException e) {
            // A broken listener would otherwise flood the log with one warning per event.
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("Notification listener {} failed on {}; its later failures are logged at DEBUG",
                        listener, notification.type(), e);
            } else {
                LOG.debug("Notification listener {} failed again on {}", listener, notification.type(), e);
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        lock.lock();
        try {
            queue.clear();
        } finally {
            lock.unlock();
        }
        hub.unsubscribed(this);
    }
}
