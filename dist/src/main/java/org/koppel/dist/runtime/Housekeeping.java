package org.koppel.dist.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.koppel.store.core.blob.PurgeReport;
import org.koppel.store.core.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server's own upkeep, on one background thread: every interval it removes attachment data
 * no message refers to any more (after attachment_purge_grace) and deletions kept for incremental sync
 * longer than sync_deletion_retention. A failed run is logged and retried at the next interval.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService timer;

    private Housekeeping(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts the upkeep of {@code engine}, first run after {@code interval}. */
    public static Housekeeping start(Engine engine, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "koppel-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long period = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> run(engine), period, period, TimeUnit.MILLISECONDS);
        return new Housekeeping(timer);
    }

    private static void run(Engine engine) {
        try {
            long started = System.nanoTime();
            PurgeReport blobs = engine.purgeAttachments();
            long tombstones = engine.purgeTombstones();
            LOG.info("Housekeeping: {} unreferenced attachments removed ({} bytes), {} orphaned files, {} sync"
                    + " tombstones purged in {} ms", blobs.blobsRemoved(), blobs.bytesFreed(), blobs.orphansRemoved(),
                    tombstones, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Housekeeping failed; retrying at the next interval", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
