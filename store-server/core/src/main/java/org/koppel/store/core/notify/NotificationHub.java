package org.koppel.store.core.notify;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.EventType;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.Subscription;

/**
 * The store engine's in-process notification hub: the engine publishes each committed transaction's events, and
 * the hub delivers them asynchronously to the matching subscriptions (see {@link StoreEvent} for the matching rule).
 *
 * <p>Each subscription has a bounded queue and at most one delivery task on the executor at a time, so its
 * listener gets events one at a time in publish order while different subscriptions are served in parallel; an
 * idle subscription holds no thread. A subscription whose queue fills up loses its queued events and gets one
 * RESYNC_NEEDED instead, so a slow listener costs only itself. Events of concurrent {@code publish} calls may
 * interleave differently for different subscriptions; each call's own events stay in order.
 *
 * <p>The executor belongs to the caller (the engine passes a virtual-thread-per-task executor); {@link #close()}
 * stops delivery but does not shut it down.
 */
public final class NotificationHub implements AutoCloseable {

    public static final int DEFAULT_QUEUE_CAPACITY = 1_024;

    private final Executor executor;
    private final int queueCapacity;
    private final SubscriptionIndex index = new SubscriptionIndex();
    private final AtomicLong overflows = new AtomicLong();
    private volatile boolean closed;

    public NotificationHub(Executor executor) {
        this(executor, DEFAULT_QUEUE_CAPACITY);
    }

    public NotificationHub(Executor executor, int queueCapacity) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, not " + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
    }

    /**
     * Subscribes {@code listener} to the events of a store ({@code folderId} null) or of one folder in it.
     *
     * @param types        the event types wanted; RESYNC_NEEDED is delivered whether asked for or not
     * @param storeEntryId the store's entry id, carried by the RESYNC_NEEDED this subscription may get
     * @return the subscription; closing it (idempotent) stops delivery
     */
    public Subscription subscribe(long storeId, Long folderId, Set<EventType> types, EntryId storeEntryId,
            NotificationListener listener) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(storeEntryId, "storeEntryId");
        Objects.requireNonNull(listener, "listener");
        return add(folderId == null ? SubscriptionScope.wholeStore(storeId)
                : SubscriptionScope.folder(storeId, folderId), types, storeEntryId, listener);
    }

    /**
     * Subscribes {@code listener} to events of every store; for the system services (the spooler's queue watch),
     * which ask for few event types. {@code resyncEntryId} is carried by the RESYNC_NEEDED it may get.
     */
    public Subscription subscribeAllStores(Set<EventType> types, EntryId resyncEntryId,
            NotificationListener listener) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(resyncEntryId, "resyncEntryId");
        Objects.requireNonNull(listener, "listener");
        return add(SubscriptionScope.allStores(), types, resyncEntryId, listener);
    }

    private Subscription add(SubscriptionScope scope, Set<EventType> types, EntryId storeEntryId,
            NotificationListener listener) {
        if (closed) {
            throw new IllegalStateException("the notification hub is closed");
        }
        QueuedSubscription subscription =
                new QueuedSubscription(scope, types, storeEntryId, listener, queueCapacity, executor, this);
        index.add(subscription);
        if (closed) {
            // Lost a race with close(), which may have taken its snapshot before our add.
            subscription.close();
            throw new IllegalStateException("the notification hub is closed");
        }
        return subscription;
    }

    /**
     * Hands one committed transaction's events, in commit order, to the matching subscriptions. Called on the
     * committing thread: it only queues and schedules, never blocks and never runs listener code.
     */
    public void publish(List<StoreEvent> events) {
        if (closed) {
            return;
        }
        for (StoreEvent event : events) {
            EventType type = event.notification().type();
            index.forEachInScope(event, subscription -> {
                if (subscription.wants(type)) {
                    subscription.offer(event.notification());
                }
            });
        }
    }

    public int subscriptionCount() {
        return index.size();
    }

    /** How many times a subscription's queue overflowed and was replaced by RESYNC_NEEDED. */
    public long overflowCount() {
        return overflows.get();
    }

    /** Ends every subscription; later publishes are ignored and later subscribes fail. */
    @Override
    public void close() {
        closed = true;
        index.snapshot().forEach(QueuedSubscription::close);
    }

    void overflowed() {
        overflows.incrementAndGet();
    }

    void unsubscribed(QueuedSubscription subscription) {
        index.remove(subscription);
    }
}
