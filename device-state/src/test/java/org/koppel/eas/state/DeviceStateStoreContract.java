package org.koppel.eas.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every device-state database must show, run against H2 in memory, H2 files and MariaDB by
 * the subclasses. Each test gets a fresh database.
 */
abstract class DeviceStateStoreContract {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final DeviceAccount ALICE_PHONE = new DeviceAccount("alice", "ApplF17XK2Q1HG7F");
    private static final DeviceAccount BOB_PHONE = new DeviceAccount("bob", "ApplF17XK2Q1HG7F");
    private static final DeviceRequest IPHONE = new DeviceRequest("iPhone", "Apple-iPhone14C2/2102.100", "16.1");

    /** A fresh, empty database of the kind under test; nothing is created until the store opens it. */
    abstract DeviceStateConfig newDatabase();

    private final List<DeviceStateStore> opened = new ArrayList<>();
    private DeviceStateConfig config;
    private TestClock clock;
    private DeviceStateStore store;

    @BeforeEach
    void openStore() {
        config = newDatabase().withCache(Duration.ofHours(1), 1000);
        clock = new TestClock(START);
        store = open();
    }

    @AfterEach
    void dropDatabase() {
        opened.forEach(DeviceStateStore::close);
        TestDatabases.drop(config);
    }

    private DeviceStateStore open() {
        DeviceStateStore s = DeviceStateStore.open(config, clock);
        opened.add(s);
        return s;
    }

    private Devices devices() {
        return store.devices();
    }

    private SyncStates syncs() {
        return store.syncStates();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <S> SyncPoint<S> point(KeyLookup<S> lookup) {
        if (lookup instanceof SyncPoint<S> p) {
            return p;
        }
        throw new AssertionError("expected a point, got " + lookup);
    }

    private static <S> SyncPoint.Current<S> current(KeyLookup<S> lookup) {
        @SuppressWarnings("unchecked")
        SyncPoint.Current<S> c = assertInstanceOf(SyncPoint.Current.class, lookup, () -> "got " + lookup);
        return c;
    }

    private static <S> SyncPoint.Replay<S> replay(KeyLookup<S> lookup) {
        @SuppressWarnings("unchecked")
        SyncPoint.Replay<S> r = assertInstanceOf(SyncPoint.Replay.class, lookup, () -> "got " + lookup);
        return r;
    }

    private static KeyLookup.Reason unknown(KeyLookup<?> lookup) {
        return assertInstanceOf(KeyLookup.Unknown.class, lookup, () -> "got " + lookup).reason();
    }

    /** Starts collection 5 of Alice's phone: key 0 answered with key 1 standing for "s1". */
    private SyncKey startCollection() {
        devices().register(ALICE_PHONE, IPHONE);
        SyncPoint<byte[]> initial = point(syncs().lookup(ALICE_PHONE, "5", "0"));
        assertInstanceOf(SyncPoint.Initial.class, initial);
        return syncs().issue(initial, bytes("s1"), bytes("p1"), null);
    }

    // ---------------------------------------------------------------- sent mail

    @Test
    void aClientIdIsSentOnceAndARepeatIsAnsweredFromTheRecord() {
        devices().register(ALICE_PHONE, IPHONE);
        devices().register(BOB_PHONE, IPHONE);
        SentMail sent = store.sentMail();
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c1", 120));
        assertEquals(SentMail.Claim.IN_PROGRESS, sent.claim(ALICE_PHONE, "c1", 120));
        sent.sent(ALICE_PHONE, "c1");
        assertEquals(SentMail.Claim.SENT, sent.claim(ALICE_PHONE, "c1", 120));
        assertEquals(SentMail.Claim.SENT, open().sentMail().claim(ALICE_PHONE, "c1", 120), "durable");
        // Another user on the same device id has ClientIds of its own; ClientIds are exact.
        assertEquals(SentMail.Claim.NEW, sent.claim(BOB_PHONE, "c1", 120));
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "C1", 120));
    }

    @Test
    void aFailedSendIsGivenBackAndAStaleClaimTakenOver() {
        devices().register(ALICE_PHONE, IPHONE);
        SentMail sent = store.sentMail();
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c1", 120));
        sent.release(ALICE_PHONE, "c1");
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c1", 120));
        clock.advance(Duration.ofSeconds(121));
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c1", 120), "the claim's request died");
        sent.sent(ALICE_PHONE, "c1");
        sent.release(ALICE_PHONE, "c1");
        assertEquals(SentMail.Claim.SENT, sent.claim(ALICE_PHONE, "c1", 120), "release leaves a sent one alone");
        assertThrows(DeviceStateException.UnknownDevice.class,
                () -> sent.claim(new DeviceAccount("carol", "nope"), "c1", 120));
    }

    @Test
    void sentClientIdsAreBoundedInCountAndTime() {
        devices().register(ALICE_PHONE, IPHONE);
        SentMail sent = store.sentMail();
        for (int i = 0; i < SentMail.MAX_PER_ACCOUNT + 5; i++) {
            assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c" + i, 120));
            sent.sent(ALICE_PHONE, "c" + i);
            clock.advance(Duration.ofMillis(1));
        }
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c0", 120), "the oldest were dropped");
        sent.sent(ALICE_PHONE, "c0");
        assertEquals(SentMail.Claim.SENT, sent.claim(ALICE_PHONE, "c" + (SentMail.MAX_PER_ACCOUNT + 4), 120));
        clock.advance(Duration.ofDays(SentMail.RETENTION_DAYS).plusSeconds(1));
        assertEquals(SentMail.Claim.NEW, sent.claim(ALICE_PHONE, "c0", 120), "past the retention");
    }

    // ---------------------------------------------------------------- devices

    @Test
    void registerCreatesTheDeviceAndRecordsChanges() {
        Device d = devices().register(ALICE_PHONE, IPHONE);
        assertEquals(ALICE_PHONE, d.account());
        assertEquals("iPhone", d.deviceType());
        assertEquals("Apple-iPhone14C2/2102.100", d.userAgent());
        assertEquals("16.1", d.protocolVersion());
        assertEquals(START, d.firstSync());
        assertEquals(START, d.lastSync());
        assertEquals(Provisioning.NONE, d.provisioning());
        assertEquals(WipeState.NONE, d.wipe());
        assertFalse(d.blocked());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(START, devices().register(ALICE_PHONE, IPHONE).lastSync(), "within the step: no write");
        assertEquals(START, devices().findFresh(ALICE_PHONE).orElseThrow().lastSync());

        clock.advance(Duration.ofSeconds(30));
        Device later = devices().register(ALICE_PHONE, IPHONE);
        assertEquals(START.plusSeconds(60), later.lastSync());
        assertEquals(START, later.firstSync());

        Device upgraded = devices().register(ALICE_PHONE,
                new DeviceRequest("iPhone", "Apple-iPhone14C2/2201.5", "16.1"));
        assertEquals("Apple-iPhone14C2/2201.5", upgraded.userAgent());
        assertEquals("Apple-iPhone14C2/2201.5", devices().findFresh(ALICE_PHONE).orElseThrow().userAgent());
    }

    @Test
    void deviceInformationIsKept() {
        devices().register(ALICE_PHONE, IPHONE);
        DeviceInformation info = new DeviceInformation("iPhone14,2", "356938035643809", "Alice's iPhone",
                "iOS 17.4 21E219", "de-DE", "+49 30 1234567", "Telekom.de", "Apple-iPhone14C2/2102.100");
        assertEquals(info, devices().updateInformation(ALICE_PHONE, info).information());
        assertEquals(info, devices().findFresh(ALICE_PHONE).orElseThrow().information());
        assertThrows(DeviceStateException.UnknownDevice.class,
                () -> devices().updateInformation(new DeviceAccount("carol", "X1"), info));
        DeviceInformation withSms = new DeviceInformation("iPhone14,2", "", "", "", "", "", "", "",
                java.util.Optional.of(true));
        devices().updateInformation(ALICE_PHONE, withSms);
        assertEquals(withSms, devices().findFresh(ALICE_PHONE).orElseThrow().information());
    }

    @Test
    void aSealedRecoveryPasswordIsKeptAndReplaced(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        devices().register(ALICE_PHONE, IPHONE);
        assertTrue(devices().recoveryPassword(ALICE_PHONE).isEmpty());
        SecretSeal seal = SecretSeal.fromKeyFile(dir.resolve("secret.key"));
        devices().setRecoveryPassword(ALICE_PHONE, seal.seal(ALICE_PHONE, "first"));
        devices().setRecoveryPassword(ALICE_PHONE, seal.seal(ALICE_PHONE, "correct horse"));
        byte[] stored = devices().recoveryPassword(ALICE_PHONE).orElseThrow();
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("correct horse"));
        assertEquals("correct horse", SecretSeal.fromKeyFile(dir.resolve("secret.key")).open(ALICE_PHONE, stored));
        assertThrows(IllegalArgumentException.class, () -> seal.open(BOB_PHONE, stored), "bound to its account");
        assertThrows(IllegalArgumentException.class,
                () -> SecretSeal.fromKeyFile(dir.resolve("other.key")).open(ALICE_PHONE, stored), "another key");
        assertThrows(DeviceStateException.UnknownDevice.class,
                () -> devices().recoveryPassword(new DeviceAccount("carol", "X1")));
    }

    @Test
    void twoUsersOnOneDeviceAreSeparateAccounts() {
        devices().register(ALICE_PHONE, IPHONE);
        devices().register(BOB_PHONE, IPHONE);
        assertEquals(List.of(ALICE_PHONE, BOB_PHONE),
                devices().withDeviceId(ALICE_PHONE.deviceId()).stream().map(Device::account).toList());
        assertEquals(List.of(ALICE_PHONE), devices().ofUser("alice").stream().map(Device::account).toList());

        long aliceTemp = devices().beginProvisioning(ALICE_PHONE, "p");
        assertTrue(devices().completeProvisioning(BOB_PHONE, aliceTemp).isEmpty(), "Alice's key is not Bob's");
        long aliceKey = devices().completeProvisioning(ALICE_PHONE, aliceTemp).orElseThrow();
        assertFalse(devices().findFresh(BOB_PHONE).orElseThrow().provisioning().accepts(aliceKey));

        SyncKey aliceKey1 = syncs().issue(point(syncs().lookup(ALICE_PHONE, "5", "0")), bytes("alice"), null, null);
        SyncKey bobKey1 = syncs().issue(point(syncs().lookup(BOB_PHONE, "5", "0")), bytes("bob"), null, null);
        assertArrayEquals(bytes("alice"), current(syncs().lookup(ALICE_PHONE, "5", aliceKey1.toString())).state());
        assertArrayEquals(bytes("bob"), current(syncs().lookup(BOB_PHONE, "5", bobKey1.toString())).state());
        assertEquals(KeyLookup.Reason.OTHER_SERIES, unknown(syncs().lookup(BOB_PHONE, "5", aliceKey1.toString())));

        assertEquals("1", store.hierarchy().serverId(ALICE_PHONE, "inbox-a"));
        assertEquals("1", store.hierarchy().serverId(BOB_PHONE, "inbox-b"));

        assertTrue(devices().remove(ALICE_PHONE));
        assertFalse(devices().remove(ALICE_PHONE));
        assertEquals(List.of(BOB_PHONE),
                devices().withDeviceId(ALICE_PHONE.deviceId()).stream().map(Device::account).toList());
        assertArrayEquals(bytes("bob"), current(syncs().lookup(BOB_PHONE, "5", bobKey1.toString())).state());
    }

    @Test
    void deviceIdsAreCasePreservingAndExact() {
        DeviceAccount upper = new DeviceAccount("alice", "ABCDEF123");
        DeviceAccount lower = new DeviceAccount("alice", "abcdef123");
        devices().register(upper, IPHONE);
        assertTrue(devices().find(lower).isEmpty(), "another device id, not the same one in other case");
        devices().register(lower, new DeviceRequest("Android", "Android/14", "14.1"));
        assertEquals("ABCDEF123", devices().findFresh(upper).orElseThrow().account().deviceId());
        assertEquals("Android", devices().findFresh(lower).orElseThrow().deviceType());
        assertEquals(2, devices().ofUser("alice").size());
        assertTrue(devices().ofUser("ALICE").isEmpty(), "user names are compared as the gateway passes them");
    }

    @Test
    void provisioningHandsOutATemporaryThenAFinalKey() {
        devices().register(ALICE_PHONE, IPHONE);
        long temp = devices().beginProvisioning(ALICE_PHONE, "policy-v1");
        assertTrue(temp > 0 && temp < (1L << 32), "an unsigned 32-bit key: " + temp);
        Provisioning pending = devices().findFresh(ALICE_PHONE).orElseThrow().provisioning();
        assertEquals(temp, pending.pendingKey());
        assertFalse(pending.accepts(temp), "the temporary key does not provision");
        assertFalse(pending.accepts(0));

        assertEquals(OptionalLong.empty(), devices().completeProvisioning(ALICE_PHONE, temp + 1));
        clock.advance(Duration.ofSeconds(5));
        long key = devices().completeProvisioning(ALICE_PHONE, temp).orElseThrow();
        assertNotEquals(temp, key);
        Provisioning done = devices().findFresh(ALICE_PHONE).orElseThrow().provisioning();
        assertTrue(done.accepts(key));
        assertEquals(0, done.pendingKey());
        assertEquals("policy-v1", done.policyHash());
        assertEquals(Optional.of(START.plusSeconds(5)), done.provisionedAt());
        assertEquals(OptionalLong.empty(), devices().completeProvisioning(ALICE_PHONE, temp), "used up");

        long temp2 = devices().beginProvisioning(ALICE_PHONE, "policy-v2");
        assertTrue(devices().findFresh(ALICE_PHONE).orElseThrow().provisioning().accepts(key),
                "the old key holds until phase two");
        long key2 = devices().completeProvisioning(ALICE_PHONE, temp2).orElseThrow();
        assertFalse(devices().findFresh(ALICE_PHONE).orElseThrow().provisioning().accepts(key));
        assertTrue(devices().findFresh(ALICE_PHONE).orElseThrow().provisioning().accepts(key2));

        assertFalse(devices().resetProvisioning(ALICE_PHONE).provisioning().accepts(key2));
    }

    @Test
    void wipeGoesFromRequestedToSentToAcknowledged() {
        devices().register(ALICE_PHONE, IPHONE);
        assertThrows(DeviceStateException.InvalidTransition.class, () -> devices().wipeSent(ALICE_PHONE));
        assertEquals(WipeStatus.NONE, devices().cancelWipe(ALICE_PHONE).wipe().status(), "nothing to cancel");

        WipeState requested = devices().requestWipe(ALICE_PHONE, true, "admin").wipe();
        assertEquals(WipeStatus.PENDING, requested.status());
        assertTrue(requested.accountOnly());
        assertEquals("admin", requested.requestedBy());
        assertEquals(Optional.of(START), requested.requestedAt());
        assertTrue(requested.wipeDue());
        assertThrows(DeviceStateException.InvalidTransition.class, () -> devices().wipeAcknowledged(ALICE_PHONE),
                "not sent yet");

        assertEquals(WipeStatus.NONE, devices().cancelWipe(ALICE_PHONE).wipe().status());
        devices().requestWipe(ALICE_PHONE, false, "admin");
        clock.advance(Duration.ofMinutes(1));
        WipeState sent = devices().wipeSent(ALICE_PHONE).wipe();
        assertEquals(WipeStatus.SENT, sent.status());
        assertFalse(sent.accountOnly());
        assertEquals(Optional.of(START.plusSeconds(60)), sent.sentAt());
        assertEquals(WipeStatus.SENT, devices().wipeSent(ALICE_PHONE).wipe().status(), "sent again is allowed");

        clock.advance(Duration.ofMinutes(1));
        WipeState acked = devices().wipeAcknowledged(ALICE_PHONE).wipe();
        assertEquals(WipeStatus.ACKNOWLEDGED, acked.status());
        assertEquals(Optional.of(START.plusSeconds(120)), acked.acknowledgedAt());
        assertFalse(acked.wipeDue());
        assertEquals(acked, devices().wipeAcknowledged(ALICE_PHONE).wipe(), "a repeated acknowledgement");
        assertThrows(DeviceStateException.InvalidTransition.class, () -> devices().cancelWipe(ALICE_PHONE));
        assertThrows(DeviceStateException.InvalidTransition.class, () -> devices().wipeSent(ALICE_PHONE));
        assertEquals(acked, devices().findFresh(ALICE_PHONE).orElseThrow().wipe());

        assertEquals(WipeStatus.PENDING, devices().requestWipe(ALICE_PHONE, false, "admin").wipe().status(),
                "a new wipe after an acknowledged one");
        assertEquals(Optional.empty(), devices().findFresh(ALICE_PHONE).orElseThrow().wipe().acknowledgedAt());
    }

    @Test
    void blockingPingAndLastSyncRequestAreKept() {
        devices().register(ALICE_PHONE, IPHONE);
        assertTrue(devices().setBlocked(ALICE_PHONE, true).blocked());
        assertTrue(devices().findFresh(ALICE_PHONE).orElseThrow().blocked());
        assertEquals(PingSettings.NONE, devices().findFresh(ALICE_PHONE).orElseThrow().ping());
        PingSettings ping = new PingSettings(900, List.of(new PingFolder("1", "Email"), new PingFolder("4", "Calendar")));
        devices().savePing(ALICE_PHONE, ping);
        assertEquals(ping, devices().findFresh(ALICE_PHONE).orElseThrow().ping());

        assertEquals(Optional.empty(), devices().lastSyncRequest(ALICE_PHONE));
        devices().saveLastSyncRequest(ALICE_PHONE, bytes("sync request"));
        assertArrayEquals(bytes("sync request"), devices().lastSyncRequest(ALICE_PHONE).orElseThrow());
    }

    // ---------------------------------------------------------------- sync keys

    @Test
    void syncKeysProgressAndTheOldOneGoesOnceTheNewOneIsUsed() {
        SyncKey k1 = startCollection();
        assertEquals(1, k1.counter());
        SyncPoint.Current<byte[]> at1 = current(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        assertArrayEquals(bytes("s1"), at1.state());

        SyncKey k2 = syncs().issue(at1, bytes("s2"), bytes("p2"), null);
        assertEquals(k1.next(), k2);
        assertEquals(k1.series(), k2.series());
        assertArrayEquals(bytes("s2"), current(syncs().lookup(ALICE_PHONE, "5", k2.toString())).state());
        assertEquals(KeyLookup.Reason.SUPERSEDED, unknown(syncs().lookup(ALICE_PHONE, "5", k1.toString())),
                "the client used key 2, so key 1 is gone");
        assertEquals(KeyLookup.Reason.NOT_ISSUED, unknown(syncs().lookup(ALICE_PHONE, "5", k2.next().toString())));
    }

    @Test
    void thePreviousKeyReplaysTheSameResponse() {
        SyncKey k1 = startCollection();
        SyncPoint.Current<byte[]> at1 = current(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        SyncKey k2 = syncs().issue(at1, bytes("s2"), bytes("client-7=server-42"), null);

        // The response carrying k2 was lost; the client repeats its request with k1, twice.
        for (int attempt = 0; attempt < 2; attempt++) {
            SyncPoint.Replay<byte[]> again = replay(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
            assertEquals(k1, again.key());
            assertEquals(k2, again.reissued());
            assertArrayEquals(bytes("s1"), again.state(), "run again from key 1's state");
            assertArrayEquals(bytes("client-7=server-42"), again.pending(), "the Adds already done");
            assertEquals(k2, syncs().issue(again, bytes("s2'"), again.pending(), null), "the same key again");
        }
        assertArrayEquals(bytes("s2'"), current(syncs().lookup(ALICE_PHONE, "5", k2.toString())).state());
        assertEquals(KeyLookup.Reason.SUPERSEDED, unknown(syncs().lookup(ALICE_PHONE, "5", k1.toString())));
    }

    @Test
    void aResponseWithoutChangesKeepsTheKey() {
        SyncKey k1 = startCollection();
        current(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        // nothing issued: the client keeps k1 and uses it again
        assertArrayEquals(bytes("s1"), current(syncs().lookup(ALICE_PHONE, "5", k1.toString())).state());
    }

    @Test
    void peekChangesNothing() {
        SyncKey k1 = startCollection();
        SyncKey k2 = syncs().issue(current(syncs().lookup(ALICE_PHONE, "5", k1.toString())), bytes("s2"), null, null);
        assertArrayEquals(bytes("s2"), current(syncs().peek(ALICE_PHONE, "5", k2.toString())).state());
        assertArrayEquals(bytes("s1"), replay(syncs().peek(ALICE_PHONE, "5", k1.toString())).state(),
                "GetItemEstimate with the new key did not retire the old one");
        replay(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        SyncPoint.Current<byte[]> latest = syncs().latest(ALICE_PHONE, "5").orElseThrow();
        assertEquals(k2, latest.key());
        assertArrayEquals(bytes("s2"), latest.state());
        assertTrue(syncs().latest(ALICE_PHONE, "6").isEmpty());
    }

    @Test
    void keyZeroStartsOverButOnlyWhenTheNewKeyIsIssued() {
        SyncKey k1 = startCollection();
        SyncKey k2 = syncs().issue(current(syncs().lookup(ALICE_PHONE, "5", k1.toString())), bytes("s2"), null, null);

        SyncPoint<byte[]> zero = point(syncs().lookup(ALICE_PHONE, "5", "0"));
        assertInstanceOf(SyncPoint.Initial.class, zero);
        assertArrayEquals(bytes("s2"), current(syncs().peek(ALICE_PHONE, "5", k2.toString())).state(),
                "a looked-up 0 alone discards nothing");

        SyncKey fresh = syncs().issue(point(syncs().lookup(ALICE_PHONE, "5", "0")), bytes("new"), null, null);
        assertEquals(1, fresh.counter());
        assertNotEquals(k1.series(), fresh.series());
        assertEquals(KeyLookup.Reason.OTHER_SERIES, unknown(syncs().lookup(ALICE_PHONE, "5", k2.toString())));
        assertEquals(KeyLookup.Reason.OTHER_SERIES, unknown(syncs().lookup(ALICE_PHONE, "5", k1.toString())));
        assertArrayEquals(bytes("new"), current(syncs().lookup(ALICE_PHONE, "5", fresh.toString())).state());
    }

    @Test
    void keysTheServerNeverIssuedAreUnknown() throws IOException {
        SyncKey k1 = startCollection();
        for (String garbage : malformedKeys()) {
            assertEquals(KeyLookup.Reason.MALFORMED, unknown(syncs().lookup(ALICE_PHONE, "5", garbage)),
                    () -> "key '" + garbage + "'");
        }
        assertEquals(KeyLookup.Reason.MALFORMED, unknown(syncs().lookup(ALICE_PHONE, "5", null)));
        assertEquals(KeyLookup.Reason.MALFORMED, unknown(syncs().lookup(ALICE_PHONE, "5", "{" + k1.series() + "}1" + "0".repeat(30))));
        assertEquals(KeyLookup.Reason.MALFORMED, unknown(syncs().lookup(ALICE_PHONE, "5", "7".repeat(1_000_000))));
        assertEquals(KeyLookup.Reason.OTHER_SERIES,
                unknown(syncs().lookup(ALICE_PHONE, "5", new SyncKey(UUID.randomUUID(), 1).toString())));
        assertEquals(KeyLookup.Reason.NOT_ISSUED, unknown(syncs().lookup(ALICE_PHONE, "5", "{" + k1.series() + "}9")));
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "6", k1.toString())));
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "", k1.toString())),
                "the hierarchy's chain is not a collection");
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "x".repeat(65), "0")));
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, null, "0")));
        assertThrows(DeviceStateException.UnknownDevice.class,
                () -> syncs().lookup(new DeviceAccount("alice", "OtherPhone"), "5", k1.toString()));
        assertArrayEquals(bytes("s1"), current(syncs().lookup(ALICE_PHONE, "5", k1.toString())).state(),
                "none of that disturbed the real key");
    }

    static List<String> malformedKeys() throws IOException {
        try (InputStream in = DeviceStateStoreContract.class.getResourceAsStream("malformed-sync-keys.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> keys = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                keys.add(line.equals("<empty>") ? "" : line.replace("\\t", "\t").replace("\\u0000", "\u0000"));
            }
            return keys;
        }
    }

    @Test
    void optionsAreKeptUntilTheClientSendsNewOnes() {
        devices().register(ALICE_PHONE, IPHONE);
        SyncOptions options = new SyncOptions("Email", 3,
                List.of(new BodyPreference(2, 51_200, false, 0), new BodyPreference(4, SyncOptions.NOT_SENT, true, 255)),
                List.of(), 2, 7, 100, 1, true, false, List.of("email:Subject", "email:Read"));
        SyncPoint<byte[]> zero = point(syncs().lookup(ALICE_PHONE, "5", "0"));
        assertEquals(Optional.empty(), zero.options());
        SyncKey k1 = syncs().issue(zero, bytes("s1"), null, options);
        SyncPoint.Current<byte[]> at1 = current(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        assertEquals(Optional.of(options), at1.options());

        SyncKey k2 = syncs().issue(at1, bytes("s2"), null, null);
        SyncPoint.Current<byte[]> at2 = current(syncs().lookup(ALICE_PHONE, "5", k2.toString()));
        assertEquals(Optional.of(options), at2.options(), "null keeps what was stored");

        syncs().saveOptions(at2, SyncOptions.DEFAULTS);
        assertEquals(Optional.of(SyncOptions.DEFAULTS), current(syncs().lookup(ALICE_PHONE, "5", k2.toString())).options());
        assertEquals(Optional.of(SyncOptions.DEFAULTS), point(syncs().lookup(ALICE_PHONE, "5", "0")).options(),
                "a reset keeps the options");
    }

    @Test
    void discardForgetsCollectionsButNotTheHierarchy() {
        SyncKey k5 = startCollection();
        SyncKey k6 = syncs().issue(point(syncs().lookup(ALICE_PHONE, "6", "0")), bytes("six"), null, null);
        SyncKey h = store.hierarchy().issue(point(store.hierarchy().lookup(ALICE_PHONE, "0")), List.of(), null);

        syncs().discard(ALICE_PHONE, "5");
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "5", k5.toString())));
        current(syncs().lookup(ALICE_PHONE, "6", k6.toString()));

        syncs().discardAll(ALICE_PHONE);
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "6", k6.toString())));
        current(store.hierarchy().lookup(ALICE_PHONE, h.toString()));
    }

    @Test
    void removingADeviceRemovesItsState() {
        SyncKey k1 = startCollection();
        String inbox = store.hierarchy().serverId(ALICE_PHONE, "inbox");
        devices().requestWipe(ALICE_PHONE, false, "admin");
        assertTrue(devices().remove(ALICE_PHONE));
        assertTrue(devices().find(ALICE_PHONE).isEmpty());
        assertThrows(DeviceStateException.UnknownDevice.class, () -> syncs().lookup(ALICE_PHONE, "5", k1.toString()));

        Device again = devices().register(ALICE_PHONE, IPHONE);
        assertEquals(WipeState.NONE, again.wipe());
        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "5", k1.toString())));
        assertEquals(Optional.empty(), store.hierarchy().backendId(ALICE_PHONE, inbox), "folder ids went too");
    }

    // ---------------------------------------------------------------- hierarchy

    @Test
    void serverIdsAreShortStableAndNeverReused() {
        devices().register(ALICE_PHONE, IPHONE);
        Hierarchy h = store.hierarchy();
        Map<String, String> first = h.serverIds(ALICE_PHONE, List.of("inbox", "sent", "Inbox", "drafts"));
        assertEquals(Map.of("inbox", "1", "sent", "2", "Inbox", "3", "drafts", "4"), first,
                "backend ids are case-sensitive");
        assertEquals("2", h.serverId(ALICE_PHONE, "sent"));
        String longId = "x".repeat(SqlHierarchy.MAX_BACKEND_ID);
        assertEquals("5", h.serverId(ALICE_PHONE, longId));
        assertEquals("6", h.serverId(ALICE_PHONE, "x".repeat(SqlHierarchy.MAX_BACKEND_ID - 1)));
        assertEquals(Map.of("drafts", "4", "new", "7"), h.serverIds(ALICE_PHONE, List.of("drafts", "new")));

        assertEquals(Optional.of("Inbox"), h.backendId(ALICE_PHONE, "3"));
        assertEquals(Optional.of(longId), h.backendId(ALICE_PHONE, "5"));
        for (String bogus : List.of("0", "8", "03", "-1", "abc", "", "99999999999999999999")) {
            assertEquals(Optional.empty(), h.backendId(ALICE_PHONE, bogus), bogus);
        }
        assertEquals(Optional.empty(), h.backendId(ALICE_PHONE, null));
        assertThrows(IllegalArgumentException.class, () -> h.serverId(ALICE_PHONE, longId + "x"));

        DeviceStateStore reopened = open();
        assertEquals("7", reopened.hierarchy().serverId(ALICE_PHONE, "new"));
        assertEquals("8", reopened.hierarchy().serverId(ALICE_PHONE, "archive"));
    }

    @Test
    void hierarchyKeysStandForTheFolderListTheDeviceKnows() {
        devices().register(ALICE_PHONE, IPHONE);
        Hierarchy h = store.hierarchy();
        Map<String, String> ids = h.serverIds(ALICE_PHONE, List.of("inbox", "sent"));
        List<HierarchyFolder> v1 = List.of(
                new HierarchyFolder(ids.get("inbox"), "0", "Inbox", 2, "inbox"),
                new HierarchyFolder(ids.get("sent"), "0", "Sent Items", 5, "sent"));
        assertEquals(Optional.empty(), h.latest(ALICE_PHONE), "no FolderSync yet");
        SyncPoint<List<HierarchyFolder>> zero = point(h.lookup(ALICE_PHONE, "0"));
        SyncKey k1 = h.issue(zero, v1, null);
        assertEquals(Optional.of(v1), h.latest(ALICE_PHONE));
        SyncPoint.Current<List<HierarchyFolder>> at1 = current(h.lookup(ALICE_PHONE, k1.toString()));
        assertEquals(v1, at1.state());

        List<HierarchyFolder> v2 = List.of(v1.get(0), new HierarchyFolder(h.serverId(ALICE_PHONE, "projects"),
                ids.get("inbox"), "Projects", 12, "projects"));
        SyncKey k2 = h.issue(at1, v2, bytes("created projects"));
        assertEquals(Optional.of(v2), h.latest(ALICE_PHONE), "the newest key, used or not");
        SyncPoint.Replay<List<HierarchyFolder>> again = replay(h.lookup(ALICE_PHONE, k1.toString()));
        assertEquals(v1, again.state());
        assertArrayEquals(bytes("created projects"), again.pending());
        assertEquals(k2, h.issue(again, v2, again.pending()));
        assertEquals(v2, current(h.lookup(ALICE_PHONE, k2.toString())).state());
        assertEquals(KeyLookup.Reason.SUPERSEDED, unknown(h.lookup(ALICE_PHONE, k1.toString())));
        assertEquals(KeyLookup.Reason.MALFORMED, unknown(h.lookup(ALICE_PHONE, "{garbage}1")));

        assertEquals(KeyLookup.Reason.NO_STATE, unknown(syncs().lookup(ALICE_PHONE, "1", k2.toString())),
                "hierarchy keys are not collection keys");
        SyncKey restart = h.issue(point(h.lookup(ALICE_PHONE, "0")), v2, null);
        assertEquals(KeyLookup.Reason.OTHER_SERIES, unknown(h.lookup(ALICE_PHONE, k2.toString())));
        assertEquals("1", h.serverId(ALICE_PHONE, "inbox"), "FolderSync 0 keeps the ServerIds");
        assertEquals(v2, current(h.lookup(ALICE_PHONE, restart.toString())).state());
    }

    // ---------------------------------------------------------------- concurrency, caches, restart

    @Test
    void addsRecordedWithAKeyOutliveAFailedIssueAndCountForThatKeyOnly() {
        SyncKey k1 = startCollection();
        SyncPoint<byte[]> mine = point(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        SyncPoint<byte[]> theirs = point(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        // Another request of the device advances the key first; this one has imported its Adds already.
        SyncKey k2 = syncs().issue(theirs, bytes("s2"), null, null);
        syncs().recordAdds(mine, Map.of("c-1", "server-1", "c-2", "server-2"));
        assertThrows(DeviceStateException.ConcurrentUpdate.class,
                () -> syncs().issue(mine, bytes("mine"), null, null));

        // The retry with the same key (now a replay) finds them; a second record does not replace the first.
        SyncPoint<byte[]> retry = point(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        assertInstanceOf(SyncPoint.Replay.class, retry);
        syncs().recordAdds(retry, Map.of("c-1", "other"));
        assertEquals(Map.of("c-1", "server-1", "c-2", "server-2"), syncs().recordedAdds(retry));
        assertEquals(Map.of(), syncs().recordedAdds(point(syncs().lookup(ALICE_PHONE, "5", k2.toString()))),
                "a ClientId counts for the key it was sent with");
        assertEquals(Map.of(), syncs().recordedAdds(point(syncs().lookup(ALICE_PHONE, "5", "0"))));
        assertThrows(IllegalArgumentException.class,
                () -> syncs().recordAdds(point(syncs().lookup(ALICE_PHONE, "5", "0")), Map.of("c", "s")));

        // Records of older keys go when a newer key records; all go with the collection.
        SyncPoint<byte[]> at2 = point(syncs().lookup(ALICE_PHONE, "5", k2.toString()));
        syncs().recordAdds(at2, Map.of("c-1", "server-3"));
        assertEquals(Map.of("c-1", "server-3"), syncs().recordedAdds(at2));
        syncs().discard(ALICE_PHONE, "5");
        SyncKey restarted = syncs().issue(point(syncs().lookup(ALICE_PHONE, "5", "0")), bytes("s"), null, null);
        assertEquals(Map.of(), syncs().recordedAdds(point(syncs().lookup(ALICE_PHONE, "5", restarted.toString()))));
    }

    @Test
    void ofTwoConcurrentRequestsWithTheSameKeyOnlyOneAdvances() throws Exception {
        SyncKey k1 = startCollection();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<SyncKey> request = () -> {
            SyncPoint<byte[]> at = point(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
            together.await();
            return syncs().issue(at, bytes(Thread.currentThread().getName()), null, null);
        };
        List<Object> outcomes = runTwice(request);
        assertEquals(1, outcomes.stream().filter(o -> o instanceof SyncKey).count(), outcomes::toString);
        assertEquals(1, outcomes.stream().filter(o -> o instanceof DeviceStateException.ConcurrentUpdate).count(),
                outcomes::toString);
        SyncKey won = (SyncKey) outcomes.stream().filter(o -> o instanceof SyncKey).findFirst().orElseThrow();
        assertEquals(k1.next(), won);
        replay(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
    }

    @Test
    void ofTwoConcurrentStartsOnlyOneWins() throws Exception {
        devices().register(ALICE_PHONE, IPHONE);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<SyncKey> request = () -> {
            SyncPoint<byte[]> at = point(syncs().lookup(ALICE_PHONE, "9", "0"));
            together.await();
            return syncs().issue(at, bytes("s"), null, null);
        };
        List<Object> outcomes = runTwice(request);
        assertEquals(1, outcomes.stream().filter(o -> o instanceof SyncKey).count(), outcomes::toString);
        SyncKey won = (SyncKey) outcomes.stream().filter(o -> o instanceof SyncKey).findFirst().orElseThrow();
        current(syncs().lookup(ALICE_PHONE, "9", won.toString()));
    }

    @Test
    void concurrentFirstRequestsOfADeviceMakeOneRecord() throws Exception {
        DeviceAccount fresh = new DeviceAccount("alice", "NewPhone1");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Object> outcomes = runTwice(() -> {
            together.await();
            return devices().register(fresh, IPHONE);
        });
        outcomes.forEach(o -> assertInstanceOf(Device.class, o, () -> "got " + o));
        assertEquals(1, devices().withDeviceId("NewPhone1").size());
        CyclicBarrier again = new CyclicBarrier(2);
        List<Object> ids = runTwice(() -> {
            again.await();
            return store.hierarchy().serverId(fresh, "inbox");
        });
        assertEquals(List.of("1", "1"), ids, "both requests got the one id of the new folder");
    }

    /** Runs the task on two threads at once; each outcome is the result or the exception thrown. */
    private static List<Object> runTwice(Callable<?> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = List.of(pool.submit(task), pool.submit(task));
            List<Object> outcomes = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesDropThisNodesCacheAndOtherNodesAreSeenFreshOnRequest() {
        DeviceStateStore otherNode = open();
        devices().register(ALICE_PHONE, IPHONE);
        assertEquals(WipeStatus.NONE, devices().find(ALICE_PHONE).orElseThrow().wipe().status());

        otherNode.devices().requestWipe(ALICE_PHONE, false, "admin");
        assertEquals(WipeStatus.NONE, devices().find(ALICE_PHONE).orElseThrow().wipe().status(),
                "another node's write is not seen until the entry expires (an hour here)");
        assertEquals(WipeStatus.PENDING, devices().findFresh(ALICE_PHONE).orElseThrow().wipe().status());
        assertEquals(WipeStatus.PENDING, devices().find(ALICE_PHONE).orElseThrow().wipe().status(),
                "the fresh read refreshed the cache");

        devices().setBlocked(ALICE_PHONE, true);
        assertTrue(devices().find(ALICE_PHONE).orElseThrow().blocked(), "this node's own write is seen at once");

        assertEquals("1", store.hierarchy().serverId(ALICE_PHONE, "inbox"));
        assertEquals(Optional.empty(), store.hierarchy().backendId(ALICE_PHONE, "2"));
        assertEquals("2", otherNode.hierarchy().serverId(ALICE_PHONE, "sent"));
        assertEquals(Optional.of("sent"), store.hierarchy().backendId(ALICE_PHONE, "2"),
                "an id given by another node is found despite the cache");
        assertEquals("2", store.hierarchy().serverId(ALICE_PHONE, "sent"));
    }

    @Test
    void everythingSurvivesARestart() {
        SyncKey k1 = startCollection();
        SyncKey k2 = syncs().issue(current(syncs().lookup(ALICE_PHONE, "5", k1.toString())), bytes("s2"),
                bytes("p2"), SyncOptions.DEFAULTS);
        long temp = devices().beginProvisioning(ALICE_PHONE, "h");
        long policyKey = devices().completeProvisioning(ALICE_PHONE, temp).orElseThrow();
        devices().requestWipe(ALICE_PHONE, true, "admin");
        String inbox = store.hierarchy().serverId(ALICE_PHONE, "inbox");
        Device before = devices().findFresh(ALICE_PHONE).orElseThrow();

        opened.remove(store);
        store.close();
        store = open();

        assertEquals(before, devices().find(ALICE_PHONE).orElseThrow());
        assertTrue(devices().find(ALICE_PHONE).orElseThrow().provisioning().accepts(policyKey));
        SyncPoint.Replay<byte[]> again = replay(syncs().lookup(ALICE_PHONE, "5", k1.toString()));
        assertArrayEquals(bytes("p2"), again.pending());
        assertEquals(Optional.of(SyncOptions.DEFAULTS), again.options());
        assertArrayEquals(bytes("s2"), current(syncs().lookup(ALICE_PHONE, "5", k2.toString())).state());
        assertEquals(Optional.of("inbox"), store.hierarchy().backendId(ALICE_PHONE, inbox));
        assertEquals("2", store.hierarchy().serverId(ALICE_PHONE, "sent"));
    }

    private static List<String> easTables(DeviceStateConfig config) throws java.sql.SQLException {
        try (Connection c = TestDatabases.connect(config);
                var rs = c.getMetaData().getTables(c.getCatalog(), null, "eas%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    @Test
    void opensBesideTheStoresTablesInOneDatabase() throws Exception {
        // The store's schema (its own Flyway history and tables) is there first: ours goes beside it.
        DeviceStateConfig shared = newDatabase().sharingStoreDatabase();
        try {
            IllegalStateException early = assertThrows(IllegalStateException.class,
                    () -> DeviceStateStore.open(shared, clock), "the store has not made its schema yet");
            assertTrue(early.getMessage().contains("start the store"), early.getMessage());
            assertEquals(List.of(), easTables(shared), "nothing was created in the store's database");
            try (Connection c = TestDatabases.connect(shared); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50))");
                s.execute("INSERT INTO flyway_schema_history VALUES (1, '5')");
                s.execute("CREATE TABLE objects (id BIGINT PRIMARY KEY)");
            }
            try (DeviceStateStore beside = DeviceStateStore.open(shared, clock)) {
                assertTrue(easTables(shared).contains("eas_sync_key"), easTables(shared)::toString);
                beside.devices().register(ALICE_PHONE, IPHONE);
                assertTrue(beside.devices().findFresh(ALICE_PHONE).isPresent());
            }
            try (DeviceStateStore again = DeviceStateStore.open(shared, clock)) {
                assertTrue(again.devices().find(ALICE_PHONE).isPresent(), "migrated once, opened twice");
            }
            try (Connection c = TestDatabases.connect(shared); Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the store's history is left alone");
            }
        } finally {
            TestDatabases.drop(shared);
        }
    }
}
