package org.koppel.store.core.engine;

import java.util.List;

/** Where a committed transaction's events go (the notification hub). */
@FunctionalInterface
interface EventPublisher {
    void publish(List<EngineEvent> events);
}
