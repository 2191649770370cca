package org.koppel.store.endpoint.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A network session's notifications waiting to be fetched by a long-poll, bounded: past the limit the
 * queue is dropped for one RESYNC_NEEDED. A poll that finds nothing leaves a callback instead of a
 * waiting thread; the next event (or the poll's timeout) completes it.
 */
public final class EventInbox {

    /** The most events kept for a session between polls. */
    public static final int LIMIT = 1000;

    private final Deque<InboxEvent> queue = new ArrayDeque<>();
    private Consumer<List<InboxEvent>> waiter;
    private InboxEvent resync;
    private boolean closed;

    /** Adds an event (from a subscription's listener). */
    public void offer(InboxEvent n) {
        Consumer<List<InboxEvent>> ready;
        List<InboxEvent> events;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= LIMIT) {
                queue.clear();
                resync = InboxEvent.OVERFLOW;
            } else if (resync == null) {
                queue.add(n);
            }
            if (waiter == null) {
                return;
            }
            ready = waiter;
            waiter = null;
            events = drain();
        }
        ready.accept(events);
    }

    /**
     * Hands the waiting events to {@code onReady} now, or, when there are none, when the next one comes;
     * returns false when it had to wait. At most one poll waits per session: a new one replaces it (the old
     * one is answered empty).
     */
    public boolean poll(Consumer<List<InboxEvent>> onReady) {
        Consumer<List<InboxEvent>> replaced;
        List<InboxEvent> events;
        synchronized (this) {
            events = drain();
            replaced = waiter;
            waiter = events.isEmpty() ? onReady : null;
        }
        if (replaced != null) {
            replaced.accept(List.of());
        }
        if (!events.isEmpty()) {
            onReady.accept(events);
            return true;
        }
        return false;
    }

    /** Puts back events a poll could not deliver, ahead of newer ones. */
    public synchronized void requeue(List<InboxEvent> events) {
        List<InboxEvent> back = new ArrayList<>(events);
        java.util.Collections.reverse(back);
        for (InboxEvent n : back) {
            if (n.isOverflow()) {
                resync = n;
            } else if (queue.size() < LIMIT) {
                queue.addFirst(n);
            }
        }
    }

    /** Gives up a waiting poll (its timeout); true if it was still waiting, so the caller answers it. */
    public synchronized boolean cancel(Consumer<List<InboxEvent>> onReady) {
        if (waiter == onReady) {
            waiter = null;
            return true;
        }
        return false;
    }

    /** The session ended: a waiting poll is answered (empty) and later events are dropped. */
    public void close() {
        Consumer<List<InboxEvent>> ready;
        synchronized (this) {
            closed = true;
            queue.clear();
            resync = null;
            ready = waiter;
            waiter = null;
        }
        if (ready != null) {
            ready.accept(List.of());
        }
    }

    private List<InboxEvent> drain() {
        List<InboxEvent> out = new ArrayList<>(queue.size() + 1);
        if (resync != null) {
            out.add(resync);
            resync = null;
        }
        out.addAll(queue);
        queue.clear();
        return out;
    }
}
