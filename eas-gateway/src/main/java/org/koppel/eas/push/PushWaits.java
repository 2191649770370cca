package org.koppel.eas.push;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.koppel.backend.Push;
import org.koppel.backend.PushListener;
import org.koppel.backend.Subscription;
import org.koppel.eas.state.DeviceAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's open Pings and heartbeat Syncs, at most one per device account: a newer one ends the older
 * (MS-ASCMD: the device has given up on it). A wait is a backend push subscription plus a task on a shared
 * timer, so thousands of waiting devices hold no thread; what follows a wait runs on a virtual thread, never
 * on the backend's notification thread or the timer.
 */
public final class PushWaits {

    private static final Logger LOG = LoggerFactory.getLogger(PushWaits.class);

    private final ScheduledExecutorService timer;
    private final Executor continuations = r -> Thread.ofVirtual().name("eas-push").start(r);
    private final ConcurrentMap<DeviceAccount, PushWait> waiting = new ConcurrentHashMap<>();

    /** @param timer shared by all waits, for their heartbeats; one thread is plenty (tasks only complete stages) */
    public PushWaits(ScheduledExecutorService timer) {
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * Starts waiting for changes in {@code folderIds} through {@code push} for at most {@code timeout}, ending
     * the account's earlier wait. The subscription is made before this returns, so a change the caller then
     * finds by looking (and reports with {@link PushWait#changed}) cannot fall between looking and waiting.
     * When the backend reports a folder change, {@code hierarchyOutOfDate} is asked (on a virtual thread, one
     * check at a time however many reports come) and the wait ends with {@link WaitOutcome.HierarchyChanged}
     * when it says so; a report of a change the device does not see leaves the wait going.
     *
     * @throws org.koppel.backend.BackendException from {@link Push#watch}; nothing is waiting then
     */
    public PushWait start(DeviceAccount account, Push push, Set<String> folderIds, Duration timeout,
            BooleanSupplier hierarchyOutOfDate) {
        PushWait wait = new PushWait();
        AtomicBoolean checkQueued = new AtomicBoolean();
        Runnable check = () -> {
            checkQueued.set(false);
            if (wait.isDone()) {
                return;
            }
            try {
                if (hierarchyOutOfDate.getAsBoolean()) {
                    wait.end(new WaitOutcome.HierarchyChanged());
                }
            } catch (RuntimeException e) {
                // The backend or device state cannot answer now: the device learns it at its next FolderSync.
                LOG.debug("Hierarchy check of {} failed", account, e);
            }
        };
        // Subscribed before it counts as waiting: whoever sees the wait registered may rely on it hearing changes.
        Subscription s = push.watch(folderIds, new PushListener() {
            @Override
            public void changed(String folderId) {
                wait.changed(Set.of(folderId));
            }

            @Override
            public void hierarchyChanged() {
                // A folder deletion comes as many events; one check queued behind the running one is enough.
                if (!wait.isDone() && !checkQueued.getAndSet(true)) {
                    continuations.execute(check);
                }
            }
        });
        wait.subscribed(s);
        PushWait older = waiting.put(account, wait);
        if (older != null) {
            older.end(new WaitOutcome.Superseded());
        }
        ScheduledFuture<?> heartbeat = timer.schedule(() -> wait.end(new WaitOutcome.TimedOut()),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        wait.future().whenCompleteAsync((outcome, error) -> {
            heartbeat.cancel(false);
            waiting.remove(account, wait);
            try {
                wait.release();
            } catch (RuntimeException e) {
                LOG.warn("Closing the push subscription of {} failed", account, e);
            }
        }, continuations);
        return wait;
    }

    /** Where the work after a wait runs: a new virtual thread. */
    public Executor continuations() {
        return continuations;
    }

    /** How many waits are open now. */
    public int waiting() {
        return waiting.size();
    }
}
