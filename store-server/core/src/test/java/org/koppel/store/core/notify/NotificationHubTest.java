package org.koppel.store.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.Subscription;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NotificationHubTest {

    private static final long STORE = 7;
    private static final long OTHER_STORE = 8;
    private static final long INBOX = 100;
    private static final long ARCHIVE = 101;
    private static final long SENT = 102;
    private static final Guid GUID = Guid.parse("01234567-89ab-cdef-0123-456789abcdef");
    private static final EntryId STORE_EID = EntryId.of(GUID, MapiObjectType.MAPI_STORE, STORE);
    private static final Set<EventType> ALL = EnumSet.allOf(EventType.class);

    /** Runs delivery on the publishing thread: deterministic, for the matching rules only. */
    private static final Executor INLINE = Runnable::run;

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopExecutor() {
        virtualThreads.shutdownNow();
    }

    // ---- matching

    @Test
    void storeWideSubscriptionHearsEveryFolderOfItsStoreOnly() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder store = new Recorder();
        hub.subscribe(STORE, null, ALL, STORE_EID, store);

        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.OBJECT_CREATED, 1)),
                StoreEvent.inFolder(STORE, SENT, message(EventType.OBJECT_MODIFIED, 2)),
                StoreEvent.inFolder(OTHER_STORE, INBOX, message(EventType.OBJECT_CREATED, 3)),
                StoreEvent.onFolder(STORE, null, 1, folder(EventType.OBJECT_MODIFIED, 4))));

        assertEquals(List.of(1, 2, 4), store.flags());
    }

    @Test
    void folderSubscriptionHearsOnlyItsFolder() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder inbox = new Recorder();
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, inbox);

        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, 1)),
                StoreEvent.inFolder(STORE, SENT, message(EventType.OBJECT_CREATED, 2)),
                StoreEvent.inFolder(OTHER_STORE, INBOX, message(EventType.NEW_MAIL, 3)),
                StoreEvent.inFolder(STORE, INBOX, message(EventType.TABLE_CHANGED, 4))));

        assertEquals(List.of(1, 4), inbox.flags());
    }

    @Test
    void typesFilterEventsButNeverResyncNeeded() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder newMail = new Recorder();
        hub.subscribe(STORE, INBOX, EnumSet.of(EventType.NEW_MAIL), STORE_EID, newMail);

        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.OBJECT_CREATED, 1)),
                StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, 2)),
                StoreEvent.inFolder(STORE, INBOX, message(EventType.OBJECT_DELETED, 3)),
                StoreEvent.inFolder(STORE, INBOX, Notification.resyncNeeded(STORE_EID))));

        assertEquals(List.of(EventType.NEW_MAIL, EventType.RESYNC_NEEDED), newMail.types());
    }

    @Test
    void moveReachesSourceAndDestinationOnceEach() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder inbox = new Recorder();
        Recorder archive = new Recorder();
        Recorder sent = new Recorder();
        Recorder store = new Recorder();
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, inbox);
        hub.subscribe(STORE, ARCHIVE, ALL, STORE_EID, archive);
        hub.subscribe(STORE, SENT, ALL, STORE_EID, sent);
        hub.subscribe(STORE, null, ALL, STORE_EID, store);

        hub.publish(List.of(StoreEvent.messageMovedOrCopied(STORE, ARCHIVE, INBOX, message(EventType.OBJECT_MOVED, 1)),
                StoreEvent.messageMovedOrCopied(STORE, INBOX, INBOX, message(EventType.OBJECT_COPIED, 2))));

        assertEquals(List.of(1, 2), inbox.flags(), "source hears the move out; a copy within it arrives once");
        assertEquals(List.of(1), archive.flags());
        assertEquals(List.of(), sent.flags());
        assertEquals(List.of(1, 2), store.flags());
    }

    @Test
    void folderSubscriptionHearsEventsOnTheFolderItself() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder archive = new Recorder();
        Recorder parent = new Recorder();
        Recorder oldParent = new Recorder();
        hub.subscribe(STORE, ARCHIVE, ALL, STORE_EID, archive);
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, parent);
        hub.subscribe(STORE, SENT, ALL, STORE_EID, oldParent);

        hub.publish(List.of(StoreEvent.onFolder(STORE, INBOX, ARCHIVE, folder(EventType.OBJECT_MODIFIED, 1)),
                StoreEvent.folderMovedOrCopied(STORE, INBOX, SENT, ARCHIVE, folder(EventType.OBJECT_MOVED, 2)),
                StoreEvent.onFolder(STORE, INBOX, ARCHIVE, folder(EventType.OBJECT_DELETED, 3))));

        assertEquals(List.of(1, 2, 3), archive.flags());
        assertEquals(List.of(1, 2, 3), parent.flags());
        assertEquals(List.of(2), oldParent.flags());
    }

    @Test
    void concernedFoldersAreDistinct() {
        Notification n = message(EventType.OBJECT_COPIED, 0);
        assertEquals(List.of(INBOX), StoreEvent.messageMovedOrCopied(STORE, INBOX, INBOX, n).concernedFolders());
        assertEquals(List.of(INBOX, SENT, ARCHIVE),
                StoreEvent.folderMovedOrCopied(STORE, INBOX, SENT, ARCHIVE, n).concernedFolders());
        assertEquals(List.of(ARCHIVE), StoreEvent.onFolder(STORE, null, ARCHIVE, n).concernedFolders());
    }

    // ---- subscription lifecycle

    @Test
    void closeStopsDeliveryAndIsIdempotent() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder inbox = new Recorder();
        Subscription subscription = hub.subscribe(STORE, INBOX, ALL, STORE_EID, inbox);
        hub.subscribe(STORE, null, ALL, STORE_EID, new Recorder());
        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, 1))));
        assertEquals(2, hub.subscriptionCount());

        subscription.close();
        subscription.close();
        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, 2))));

        assertEquals(List.of(1), inbox.flags());
        assertEquals(1, hub.subscriptionCount());
    }

    @Test
    void closingTheHubEndsEverySubscription() {
        NotificationHub hub = new NotificationHub(INLINE);
        Recorder store = new Recorder();
        hub.subscribe(STORE, null, ALL, STORE_EID, store);
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, store);

        hub.close();
        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, 1))));

        assertEquals(0, hub.subscriptionCount());
        assertEquals(List.of(), store.flags());
        assertThrows(IllegalStateException.class, () -> hub.subscribe(STORE, null, ALL, STORE_EID, store));
    }

    // ---- asynchronous delivery

    @Test
    void listenersNeverRunOnThePublishingThread() throws Exception {
        NotificationHub hub = new NotificationHub(virtualThreads);
        AtomicReference<Thread> listenerThread = new AtomicReference<>();
        CountDownLatch delivered = new CountDownLatch(1);
        hub.subscribe(STORE, null, ALL, STORE_EID, n -> {
            listenerThread.set(Thread.currentThread());
            delivered.countDown();
        });

        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, 1))));

        assertTrue(delivered.await(5, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), listenerThread.get());
    }

    @Test
    void eachSubscriberSeesEachPublishersEventsInOrderAndNoneLost() throws Exception {
        int publishers = 4;
        int perPublisher = 10_000;
        NotificationHub hub = new NotificationHub(virtualThreads, publishers * perPublisher);
        List<SequenceChecker> checkers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SequenceChecker checker = new SequenceChecker(publishers, publishers * perPublisher);
            checkers.add(checker);
            hub.subscribe(STORE, i % 2 == 0 ? null : INBOX, ALL, STORE_EID, checker);
        }

        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService publisherThreads = Executors.newFixedThreadPool(publishers)) {
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                running.add(publisherThreads.submit(() -> {
                    // Transactions of 1 to 5 events, as the engine publishes them.
                    int seq = 0;
                    while (seq < perPublisher) {
                        List<StoreEvent> tx = new ArrayList<>();
                        for (int k = 0; k < 1 + seq % 5 && seq < perPublisher; k++, seq++) {
                            tx.add(StoreEvent.inFolder(STORE, INBOX,
                                    message(EventType.OBJECT_MODIFIED, publisher * 1_000_000 + seq)));
                        }
                        hub.publish(tx);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }

        for (SequenceChecker checker : checkers) {
            assertTrue(checker.done.await(10, TimeUnit.SECONDS), "all events delivered");
            assertEquals(0, checker.outOfOrder.get(), "out-of-order deliveries");
            for (int p = 0; p < publishers; p++) {
                assertEquals(perPublisher - 1, checker.lastSeen.get(p));
            }
        }
        assertEquals(0, hub.overflowCount());
    }

    @Test
    void thousandSubscribersGetEveryEventInOrder() throws Exception {
        int subscribers = 1_000;
        int events = 200;
        NotificationHub hub = new NotificationHub(virtualThreads);
        List<SequenceChecker> checkers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            SequenceChecker checker = new SequenceChecker(1, events);
            checkers.add(checker);
            hub.subscribe(STORE, i % 3 == 0 ? null : INBOX, ALL, STORE_EID, checker);
        }

        for (int seq = 0; seq < events; seq++) {
            hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, seq))));
        }

        for (SequenceChecker checker : checkers) {
            assertTrue(checker.done.await(10, TimeUnit.SECONDS), "all events delivered");
            assertEquals(0, checker.outOfOrder.get());
        }
        assertEquals(0, hub.overflowCount());
    }

    @Test
    void overflowReplacesQueuedEventsWithOneResyncNeededBeforeNewerEvents() throws Exception {
        NotificationHub hub = new NotificationHub(virtualThreads, 4);
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder recorder = new Recorder();
        hub.subscribe(STORE, INBOX, EnumSet.of(EventType.NEW_MAIL), STORE_EID, n -> {
            recorder.onNotification(n);
            if (n.type() == EventType.NEW_MAIL && n.messageFlags() == 0) {
                inListener.countDown();
                await(release);
            }
        });

        publishNewMail(hub, 0);
        assertTrue(inListener.await(5, TimeUnit.SECONDS), "event 0 is being delivered");
        for (int seq = 1; seq <= 4; seq++) {
            publishNewMail(hub, seq); // fills the queue: [1 2 3 4]
        }
        publishNewMail(hub, 5); // overflows: [R]
        for (int seq = 6; seq <= 8; seq++) {
            publishNewMail(hub, seq); // [R 6 7 8]
        }
        publishNewMail(hub, 9); // overflows again: [R], still a single RESYNC_NEEDED
        publishNewMail(hub, 10);
        publishNewMail(hub, 11); // [R 10 11]
        release.countDown();

        awaitSize(recorder, 4);
        Thread.sleep(20); // nothing else may follow
        assertEquals(List.of(EventType.NEW_MAIL, EventType.RESYNC_NEEDED, EventType.NEW_MAIL, EventType.NEW_MAIL),
                recorder.types());
        assertEquals(List.of(0, 0, 10, 11), recorder.flags());
        assertEquals(Notification.resyncNeeded(STORE_EID), recorder.received.stream().toList().get(1));
        assertEquals(2, hub.overflowCount());
    }

    @Test
    void blockedListenerDoesNotDelayOtherSubscribers() throws Exception {
        NotificationHub hub = new NotificationHub(virtualThreads, 8);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowEntered = new CountDownLatch(1);
        hub.subscribe(STORE, null, ALL, STORE_EID, n -> {
            slowEntered.countDown();
            await(release);
        });
        Recorder fast = new Recorder();
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, fast);
        try {
            publishNewMail(hub, 0);
            assertTrue(slowEntered.await(5, TimeUnit.SECONDS));
            awaitSize(fast, 1);
            long slowestMillis = 0;
            for (int seq = 1; seq <= 20; seq++) {
                long start = System.nanoTime();
                publishNewMail(hub, seq); // past 8, the blocked subscriber's queue overflows
                awaitSize(fast, seq + 1);
                slowestMillis = Math.max(slowestMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            assertTrue(slowestMillis < 1_000, "fast subscriber waited up to " + slowestMillis + " ms");
            assertEquals(IntStream.rangeClosed(0, 20).boxed().toList(), fast.flags(), "fast one never overflowed");
            // The blocked one holds event 0; 1-8 fill its queue, 9 and 17 overflow it.
            assertEquals(2, hub.overflowCount());
        } finally {
            release.countDown();
        }
    }

    @Test
    void throwingListenerKeepsGettingLaterEvents() throws Exception {
        NotificationHub hub = new NotificationHub(virtualThreads);
        Recorder recorder = new Recorder();
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, n -> {
            recorder.onNotification(n);
            if (n.messageFlags() % 2 == 0) {
                throw new IllegalStateException("listener bug (expected by the test) on " + n.messageFlags());
            }
        });
        Recorder neighbour = new Recorder();
        hub.subscribe(STORE, INBOX, ALL, STORE_EID, neighbour);

        for (int seq = 0; seq < 6; seq++) {
            publishNewMail(hub, seq);
        }

        awaitSize(recorder, 6);
        awaitSize(neighbour, 6);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), recorder.flags());
    }

    @Test
    void noThreadIsHeldPerSubscriber() throws Exception {
        int subscribers = 10_000;
        var threads = ManagementFactory.getThreadMXBean();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            pool.submit(() -> { }).get(); // starts a pool thread before counting
            int before = threads.getThreadCount();
            Executor counting = task -> pool.execute(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            });
            NotificationHub hub = new NotificationHub(counting);
            CountDownLatch delivered = new CountDownLatch(2 * subscribers);
            for (int i = 0; i < subscribers; i++) {
                hub.subscribe(STORE, i % 2 == 0 ? null : INBOX, ALL, STORE_EID, n -> delivered.countDown());
            }

            publishNewMail(hub, 1);
            publishNewMail(hub, 2);

            assertTrue(delivered.await(10, TimeUnit.SECONDS), "every subscriber got both events");
            assertEquals(subscribers, hub.subscriptionCount());
            assertTrue(threads.getThreadCount() - before <= 5,
                    "threads grew from " + before + " to " + threads.getThreadCount());
            assertTrue(maxRunning.get() <= 2);
            waitUntil(() -> running.get() == 0);
            assertEquals(0, running.get(), "no delivery task stays behind for an idle subscriber");
        }
    }

    // ---- support

    private static Notification message(EventType type, int flags) {
        return new Notification(type, MapiObjectType.MAPI_MESSAGE, STORE_EID,
                Optional.of(EntryId.of(GUID, MapiObjectType.MAPI_MESSAGE, 10_000 + flags)),
                Optional.of(EntryId.of(GUID, MapiObjectType.MAPI_FOLDER, INBOX)), Optional.empty(), "IPM.Note", flags);
    }

    private static Notification folder(EventType type, int flags) {
        return new Notification(type, MapiObjectType.MAPI_FOLDER, STORE_EID,
                Optional.of(EntryId.of(GUID, MapiObjectType.MAPI_FOLDER, ARCHIVE)),
                Optional.of(EntryId.of(GUID, MapiObjectType.MAPI_FOLDER, INBOX)), Optional.empty(), "", flags);
    }

    private static void publishNewMail(NotificationHub hub, int seq) {
        hub.publish(List.of(StoreEvent.inFolder(STORE, INBOX, message(EventType.NEW_MAIL, seq))));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSize(Recorder recorder, int size) throws InterruptedException {
        waitUntil(() -> recorder.received.size() >= size);
        assertEquals(size, recorder.received.size());
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /** Keeps what a listener received, in order. */
    private static final class Recorder implements NotificationListener {
        final ConcurrentLinkedQueue<Notification> received = new ConcurrentLinkedQueue<>();

        @Override
        public void onNotification(Notification notification) {
            received.add(notification);
        }

        List<Integer> flags() {
            return received.stream().map(Notification::messageFlags).toList();
        }

        List<EventType> types() {
            return Collections.unmodifiableList(received.stream().map(Notification::type).toList());
        }
    }

    /** Checks that each publisher's sequence numbers (messageFlags = publisher * 1,000,000 + seq) arrive in order. */
    private static final class SequenceChecker implements NotificationListener {
        final AtomicIntegerArray lastSeen;
        final AtomicInteger outOfOrder = new AtomicInteger();
        final CountDownLatch done;

        SequenceChecker(int publishers, int expected) {
            lastSeen = new AtomicIntegerArray(publishers);
            for (int p = 0; p < publishers; p++) {
                lastSeen.set(p, -1);
            }
            done = new CountDownLatch(expected);
        }

        @Override
        public void onNotification(Notification n) {
            int publisher = n.messageFlags() / 1_000_000;
            int seq = n.messageFlags() % 1_000_000;
            if (lastSeen.getAndSet(publisher, seq) != seq - 1) {
                outOfOrder.incrementAndGet();
            }
            done.countDown();
        }
    }
}
