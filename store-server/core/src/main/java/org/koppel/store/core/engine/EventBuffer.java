package org.koppel.store.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one write transaction, in the order they happened. Cleared when a transaction is retried,
 * published only after it commits, so nobody hears of a change that did not happen.
 */
final class EventBuffer {

    private final List<EngineEvent> events = new ArrayList<>();

    void add(EngineEvent event) {
        events.add(event);
    }

    /** The events so far, without taking them. */
    List<EngineEvent> peek() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }

    List<EngineEvent> drain() {
        List<EngineEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
