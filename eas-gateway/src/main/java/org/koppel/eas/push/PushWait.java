package org.koppel.eas.push;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.Subscription;

/**
 * One waiting Ping or heartbeat Sync: a stage completed by the backend's push listener, the heartbeat's
 * timer, a newer request of the same device, or the handler itself when it finds changes already pending.
 * Completing it releases the subscription and the timer; it holds no thread while it waits.
 */
public final class PushWait {

    private final CompletableFuture<WaitOutcome> outcome = new CompletableFuture<>();
    private volatile Subscription subscription;

    PushWait() {
    }

    /** Completes when the wait ends, first reason wins. */
    public CompletionStage<WaitOutcome> outcome() {
        return outcome;
    }

    /** Ends the wait with a change found by the handler (a pending change seen before waiting). */
    public void changed(Set<String> folderIds) {
        outcome.complete(new WaitOutcome.Changed(folderIds));
    }

    /** Ends the wait for the given reason; no effect when it has ended already. */
    public void end(WaitOutcome reason) {
        outcome.complete(reason);
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    void subscribed(Subscription s) {
        subscription = s;
        if (outcome.isDone()) {
            // Ended while the subscription was being made: nothing else would close it.
            s.close();
        }
    }

    void release() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }

    CompletableFuture<WaitOutcome> future() {
        return outcome;
    }
}
