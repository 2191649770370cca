package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.ping.PingLimits;
import org.koppel.eas.ping.PingRequest;
import org.koppel.eas.ping.PingResponse;
import org.koppel.eas.ping.PingStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * Ping over real HTTP against a real store: bounds, the saved folder list of an empty Ping, a newer Ping
 * ending the older, changes already pending answered at once, and many Pings held without a platform thread
 * each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PingTest {

    private static final ProtocolVersion V = ProtocolVersion.V14_1;
    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        // A small folder limit, so that Status 6 needs few folders.
        gw = new Gateway(new PingLimits(Duration.ofSeconds(60), Duration.ofSeconds(3540), 3));
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static PingRequest ping(int heartbeat, String... ids) {
        List<PingRequest.Folder> folders = new ArrayList<>();
        for (String id : ids) {
            folders.add(new PingRequest.Folder(id, ContentClass.EMAIL));
        }
        return new PingRequest(Optional.of(heartbeat), folders);
    }

    @Test
    void boundsAreAnsweredWithTheLimit() {
        String user = gw.newUser();
        Client phone = gw.client(user, "bounds", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        PingResponse tooShort = phone.ping(ping(30, inbox));
        assertEquals(PingStatus.HEARTBEAT_OUT_OF_RANGE, tooShort.status());
        assertEquals(Optional.of(60), tooShort.heartbeatInterval());
        PingResponse tooLong = phone.ping(ping(4000, inbox));
        assertEquals(PingStatus.HEARTBEAT_OUT_OF_RANGE, tooLong.status());
        assertEquals(Optional.of(3540), tooLong.heartbeatInterval());
        PingResponse negative = phone.ping(ping(-100, inbox));
        assertEquals(PingStatus.HEARTBEAT_OUT_OF_RANGE, negative.status(), "below the minimum, not a bad document");
        assertEquals(Optional.of(60), negative.heartbeatInterval());
        PingResponse tooMany = phone.ping(ping(300, "1", "2", "3", "4"));
        assertEquals(PingStatus.TOO_MANY_FOLDERS, tooMany.status());
        assertEquals(Optional.of(3), tooMany.maxFolders());
        assertEquals(PingStatus.FOLDER_SYNC_REQUIRED, phone.ping(ping(300, "4711")).status());
        // A heartbeat but no folders, and none saved: Status 3.
        assertEquals(PingStatus.MISSING_PARAMETERS, phone.ping(new PingRequest(Optional.of(300), List.of())).status());
        // A Sync document sent as a Ping: Status 4.
        byte[] notPing = {0x03, 0x01, 0x6a, 0x00, 0x00, 0x00, 0x45, 0x01};
        var raw = phone.raw("Ping", notPing);
        assertEquals(200, raw.statusCode());
        assertEquals(PingStatus.PROTOCOL_ERROR, phone.decodePing(raw.body()).status());
    }

    @Test
    void emptyPingUsesTheSavedFolders() {
        String user = gw.newUser();
        Client phone = gw.client(user, "empty", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        // Nothing saved yet: Status 3.
        assertEquals(PingStatus.MISSING_PARAMETERS, phone.ping(PingRequest.empty()).status());

        awaitNoWaits();
        CompletableFuture<PingResponse> first = phone.pingAsync(ping(300, inbox));
        awaitWaiting(1);
        gw.deliver(user, "one", Instant.now());
        assertEquals(PingStatus.CHANGES, first.join().status());

        // The device syncs up, then Pings without a body: the saved Inbox and heartbeat apply.
        String key = only(phone.sync(sync(V, "0", inbox))).syncKey().orElseThrow();
        key = only(phone.sync(sync(V, key, inbox))).syncKey().orElseThrow();
        awaitNoWaits();
        CompletableFuture<PingResponse> empty = phone.pingAsync(PingRequest.empty());
        awaitWaiting(1);
        assertFalse(empty.isDone());
        gw.deliver(user, "two", Instant.now());
        PingResponse r = empty.join();
        assertEquals(PingStatus.CHANGES, r.status());
        assertEquals(List.of(inbox), r.changedFolders());

        // Not synced since: the change is still pending, so the next Ping answers at once.
        assertEquals(PingStatus.CHANGES, phone.ping(PingRequest.empty()).status());
    }

    @Test
    void aNewerPingEndsTheOlder() {
        String user = gw.newUser();
        Client phone = gw.client(user, "twice", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        awaitNoWaits();
        CompletableFuture<PingResponse> older = phone.pingAsync(ping(600, inbox));
        awaitWaiting(1);
        CompletableFuture<PingResponse> newer = phone.pingAsync(ping(600, inbox));
        assertEquals(PingStatus.EXPIRED, older.join().status(), "the older Ping ends when the newer comes");
        awaitWaiting(1);
        assertFalse(newer.isDone());
        gw.deliver(user, "for the newer", Instant.now());
        assertEquals(PingStatus.CHANGES, newer.join().status());
    }

    @Test
    void manyPingsHoldNoPlatformThreadEach() {
        int n = 200;
        String user = gw.newUser();
        List<Client> phones = new ArrayList<>();
        List<String> inboxes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Client c = gw.client(user, "many" + i, V);
            phones.add(c);
            inboxes.add(gw.collectionId(user, c.deviceId, EasFolderType.INBOX));
        }
        awaitNoWaits();
        int threadsBefore = Thread.getAllStackTraces().size();
        List<CompletableFuture<PingResponse>> pings = IntStream.range(0, n)
                .mapToObj(i -> phones.get(i).pingAsync(ping(600, inboxes.get(i)))).toList();
        awaitWaiting(n);
        // Thread.getAllStackTraces lists platform threads only; a thread per waiting Ping would add 200.
        int threadsWaiting = Thread.getAllStackTraces().size();
        assertTrue(threadsWaiting - threadsBefore < n / 4,
                "platform threads " + threadsBefore + " -> " + threadsWaiting + " with " + n + " Pings waiting");
        gw.deliver(user, "to all", Instant.now());
        for (CompletableFuture<PingResponse> p : pings) {
            assertEquals(PingStatus.CHANGES, p.join().status());
        }
        awaitNoWaits();
    }

    private void awaitWaiting(int n) {
        await(() -> gw.waits.waiting() >= n, "never " + n + " waiting");
    }

    private void awaitNoWaits() {
        await(() -> gw.waits.waiting() == 0, "waits left over");
    }

    private void await(java.util.function.BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message + " (" + gw.waits.waiting() + " waiting)");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
