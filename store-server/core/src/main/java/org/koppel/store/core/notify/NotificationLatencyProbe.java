package org.koppel.store.core.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;

/**
 * Measures the hub's commit-to-listener latency, for the {@code koppel bench} command and tests.
 *
 * <p>The mix, in one store (the worst case for fan-out): nine in ten subscribers watch a folder of their own for
 * every event type, like clients watching their inbox; one in ten watches the whole store, like sync agents and
 * indexers. Event k is a NEW_MAIL in the folder of folder subscriber {@code k mod folderSubscribers}, so it
 * reaches that subscriber and every store-wide one (1,001 listener calls for 10,000 subscribers). Events are
 * published one at a time, each after the previous one's deliveries all arrived, so the figures are latency, not
 * backlog. Delivery runs on a virtual-thread-per-task executor, as in the server. The first events warm up the
 * JIT and are not counted. Each event waits at most {@link #EVENT_TIMEOUT}, which bounds the run.
 */
public final class NotificationLatencyProbe {

    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(5);
    private static final long STORE_ID = 1;
    private static final long FIRST_FOLDER_ID = 1_000;
    private static final Guid STORE_GUID = Guid.parse("6b6f7070-656c-4e6f-7469-667950726f62");

    private NotificationLatencyProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param subscribers at least 1; every tenth (from the first) watches the whole store
     * @param events      measured events, at least 1 (plus up to 200 unmeasured warm-up events)
     */
    public static LatencyFigures measure(int subscribers, int events) {
        if (subscribers < 1 || events < 1) {
            throw new IllegalArgumentException("need at least one subscriber and one event");
        }
        int storeWide = (subscribers + 9) / 10;
        int folderSubscribers = subscribers - storeWide;
        int perEvent = storeWide + (folderSubscribers > 0 ? 1 : 0);
        Round round = new Round(Math.multiplyExact(events, perEvent));
        EntryId storeEntryId = EntryId.of(STORE_GUID, MapiObjectType.MAPI_STORE, STORE_ID);

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
                NotificationHub hub = new NotificationHub(executor)) {
            for (int i = 0; i < subscribers; i++) {
                Long folder = i % 10 == 0 ? null : FIRST_FOLDER_ID + (i - 1 - i / 10);
                hub.subscribe(STORE_ID, folder, EnumSet.allOf(EventType.class), storeEntryId, round::received);
            }
            int warmUp = Math.min(200, events);
            for (int k = 0; k < warmUp; k++) {
                round.publish(hub, event(storeEntryId, k, folderSubscribers), perEvent, false);
            }
            for (int k = 0; k < events; k++) {
                round.publish(hub, event(storeEntryId, k, folderSubscribers), perEvent, true);
            }
            return round.figures(subscribers, events);
        }
    }

    private static StoreEvent event(EntryId storeEntryId, int k, int folderSubscribers) {
        long folder = FIRST_FOLDER_ID + (folderSubscribers == 0 ? 0 : k % folderSubscribers);
        Notification n = new Notification(EventType.NEW_MAIL, MapiObjectType.MAPI_MESSAGE, storeEntryId,
                Optional.of(EntryId.of(STORE_GUID, MapiObjectType.MAPI_MESSAGE, 1_000_000L + k)),
                Optional.of(EntryId.of(STORE_GUID, MapiObjectType.MAPI_FOLDER, folder)), Optional.empty(),
                "IPM.Note", 0);
        return StoreEvent.inFolder(STORE_ID, folder, n);
    }

    /** The state of one probe run; listeners record into it while the probe thread waits for each event. */
    private static final class Round {
        private final long[] samples;
        private final AtomicInteger sampleCount = new AtomicInteger();
        private volatile long publishedAt;
        private volatile boolean recording;
        private volatile CountDownLatch pending = new CountDownLatch(0);

        Round(int capacity) {
            samples = new long[capacity];
        }

        void publish(NotificationHub hub, StoreEvent event, int expected, boolean record) {
            CountDownLatch latch = new CountDownLatch(expected);
            pending = latch;
            recording = record;
            publishedAt = System.nanoTime();
            hub.publish(List.of(event));
            try {
                if (!latch.await(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(latch.getCount() + " of " + expected
                            + " deliveries missing after " + EVENT_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        void received(Notification notification) {
            long latency = System.nanoTime() - publishedAt;
            if (recording) {
                samples[sampleCount.getAndIncrement()] = latency;
            }
            pending.countDown();
        }

        LatencyFigures figures(int subscribers, int events) {
            long[] sorted = Arrays.copyOf(samples, sampleCount.get());
            Arrays.sort(sorted);
            return new LatencyFigures(subscribers, events, percentileMicros(sorted, 0.50),
                    percentileMicros(sorted, 0.99));
        }

        private static double percentileMicros(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sorted.length) - 1; // nearest-rank
            return sorted[Math.max(0, rank)] / 1_000.0;
        }
    }
}
