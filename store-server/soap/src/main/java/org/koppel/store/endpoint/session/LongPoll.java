package org.koppel.store.endpoint.session;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One waiting long-poll on a session's inbox, answered exactly once: at once when events wait, else by the
 * next event, else empty when its time is up. While it waits it is a callback in the inbox and a task in the
 * shared timer, not a thread.
 */
public final class LongPoll {

    private final EventInbox inbox;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicReference<Future<?>> timeout = new AtomicReference<>();
    private final Consumer<List<InboxEvent>> answer;
    private final Consumer<List<InboxEvent>> onReady;

    private LongPoll(EventInbox inbox, Consumer<List<InboxEvent>> answer) {
        this.inbox = inbox;
        this.answer = answer;
        this.onReady = this::complete;
    }

    /** Starts a poll that waits at most {@code seconds} (0: only what is waiting now). */
    public static LongPoll start(EventInbox inbox, int seconds, ScheduledExecutorService timer,
            Consumer<List<InboxEvent>> answer) {
        LongPoll poll = new LongPoll(inbox, answer);
        if (inbox.poll(poll.onReady)) {
            return poll;
        }
        if (seconds <= 0) {
            if (inbox.cancel(poll.onReady)) {
                poll.complete(List.of());
            }
            return poll;
        }
        poll.timeout.set(timer.schedule(() -> {
            if (inbox.cancel(poll.onReady)) {
                poll.complete(List.of());
            }
        }, seconds, TimeUnit.SECONDS));
        if (poll.done.get()) {
            poll.cancelTimer();
        }
        return poll;
    }

    /**
     * Stops waiting without an answer (the connection broke), so events stay for the next poll; false if the
     * poll had already been answered.
     */
    public boolean abandon() {
        if (inbox.cancel(onReady)) {
            done.set(true);
            cancelTimer();
            return true;
        }
        return false;
    }

    private void complete(List<InboxEvent> events) {
        if (done.compareAndSet(false, true)) {
            // An answered poll's timer task must not stay queued until it fires.
            cancelTimer();
            answer.accept(events);
        }
    }

    private void cancelTimer() {
        Future<?> t = timeout.getAndSet(null);
        if (t != null) {
            t.cancel(false);
        }
    }
}
