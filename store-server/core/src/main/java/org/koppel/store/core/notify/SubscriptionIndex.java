package org.koppel.store.core.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The hub's subscriptions keyed by (store, folder), so publishing an event looks up at most five small sets
 * (every store's, the store's, and one per concerned folder) instead of scanning every subscription.
 */
final class SubscriptionIndex {

    private final ConcurrentHashMap<SubscriptionScope, Set<QueuedSubscription>> byScope = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    void add(QueuedSubscription subscription) {
        // Adds and removals for one scope run inside its map bin's lock, so a removal that empties a set cannot
        // drop it while a concurrent add is putting a subscription into it.
        byScope.compute(subscription.scope(), (scope, set) -> {
            Set<QueuedSubscription> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (s.add(subscription)) {
                size.incrementAndGet();
            }
            return s;
        });
    }

    void remove(QueuedSubscription subscription) {
        byScope.computeIfPresent(subscription.scope(), (scope, set) -> {
            if (set.remove(subscription)) {
                size.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** Calls {@code action} once for each subscription whose scope covers the event (types not yet checked). */
    void forEachInScope(StoreEvent event, Consumer<QueuedSubscription> action) {
        visit(SubscriptionScope.allStores(), action);
        visit(SubscriptionScope.wholeStore(event.storeId()), action);
        for (Long folder : event.concernedFolders()) {
            visit(SubscriptionScope.folder(event.storeId(), folder), action);
        }
    }

    private void visit(SubscriptionScope scope, Consumer<QueuedSubscription> action) {
        Set<QueuedSubscription> set = byScope.get(scope);
        if (set != null) {
            set.forEach(action);
        }
    }

    int size() {
        return size.get();
    }

    List<QueuedSubscription> snapshot() {
        List<QueuedSubscription> all = new ArrayList<>(size());
        byScope.values().forEach(all::addAll);
        return all;
    }
}
