package org.koppel.dist.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Matches the messages an {@link SmtpSink} accepts to the senders waiting for them, by subject: a sender
 * {@link #expect}s a subject before sending, and the sink's callback ({@link #accepted}) completes it with the
 * sink's {@code System.nanoTime()} of the 250. Messages nobody waits for are counted.
 */
final class SinkArrivals {

    private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger unexpected = new AtomicInteger();

    /** Registers a subject about to be sent; the future completes when the sink accepts it. */
    CompletableFuture<Long> expect(String subject) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        waiting.put(subject, f);
        return f;
    }

    /** Stops waiting for a subject whose sending failed. */
    void forget(String subject) {
        waiting.remove(subject);
    }

    /** The sink's callback. */
    void accepted(String subject, long nanos) {
        CompletableFuture<Long> f = waiting.remove(subject);
        if (f == null) {
            unexpected.incrementAndGet();
        } else {
            f.complete(nanos);
        }
    }

    /** How many accepted messages nobody was waiting for. */
    int unexpected() {
        return unexpected.get();
    }
}
