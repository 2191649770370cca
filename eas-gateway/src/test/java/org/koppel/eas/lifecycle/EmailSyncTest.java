package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.EmailItem;
import org.koppel.backend.Flag;
import org.koppel.backend.ItemChange;
import org.koppel.eas.estimate.GetItemEstimateResponse;
import org.koppel.eas.estimate.GetItemEstimateStatus;
import org.koppel.eas.ping.PingRequest;
import org.koppel.eas.ping.PingResponse;
import org.koppel.eas.ping.PingStatus;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The email lifecycle over real HTTP against a real store, in each protocol version a phone speaks: initial
 * sync in pages, new mail seen by Ping and brought by Sync, read/flag/categories from the phone landing in
 * the store, Fetch, delete as a move to Deleted Items, GetItemEstimate, a lost response repeated, and keys
 * the server never gave.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailSyncTest {

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

    private void deliver(String user, int n, String prefix) {
        for (int i = 0; i < n; i++) {
            gw.deliver(user, prefix + " " + i, BASE.plusSeconds(i));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_1", "V14_1", "V16_1"})
    void lifecycle(ProtocolVersion v) {
        String user = gw.newUser();
        deliver(user, 12, "Mail");
        Client phone = gw.client(user, "phone" + v.name(), v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);

        // Key 0: a first key and nothing else.
        SyncResponse.Collection<MailData> first = only(phone.sync(sync(v, "0", inbox)));
        assertEquals(SyncStatus.SUCCESS, first.status());
        assertTrue(first.commands().isEmpty());
        String key = first.syncKey().orElseThrow();

        // 12 messages in windows of at most 5, MoreAvailable on all pages but the last.
        Set<String> serverIds = new HashSet<>();
        SyncRequest<MailData> lastRequest = null;
        SyncResponse.Collection<MailData> lastPage = null;
        int pages = 0;
        do {
            lastRequest = sync(collection(v, key, inbox, Optional.of(5), List.of()));
            lastPage = only(phone.sync(lastRequest));
            pages++;
            assertEquals(SyncStatus.SUCCESS, lastPage.status());
            assertTrue(lastPage.commands().size() <= 5, "window of 5: " + lastPage.commands().size());
            assertTrue(lastPage.moreAvailable() || serverIds.size() + lastPage.commands().size() == 12);
            for (SyncResponse.Command<MailData> c : lastPage.commands()) {
                SyncResponse.Add<MailData> add = assertInstanceOf(SyncResponse.Add.class, c);
                assertTrue(add.data().subject().orElseThrow().startsWith("Mail "));
                assertTrue(serverIds.add(add.serverId()), "one Add per message");
            }
            assertNotEquals(key, lastPage.syncKey().orElseThrow());
            key = lastPage.syncKey().orElseThrow();
            assertTrue(pages < 20, "paging ends");
        } while (lastPage.moreAvailable());
        assertTrue(pages >= 3, "12 messages need at least three windows of 5");
        assertEquals(12, serverIds.size());

        // The last response is lost: the same request with the previous key gets the same answer.
        SyncResponse.Collection<MailData> again = only(phone.sync(lastRequest));
        assertEquals(key, again.syncKey().orElseThrow());
        assertEquals(ids(lastPage), ids(again));

        // Up to date: nothing more (14.0+: an empty response; 12.1: the collection, same key).
        Optional<SyncResponse<MailData>> nothing = phone.sync(sync(v, key, inbox));
        if (v14(v)) {
            assertTrue(nothing.isEmpty(), "empty response when nothing changed");
        } else {
            assertEquals(key, only(nothing).syncKey().orElseThrow());
            assertTrue(only(nothing).commands().isEmpty());
        }
        assertEstimate(phone, key, inbox, 0);

        // New mail while the phone Pings: Status 2 with the Inbox, then Sync brings it.
        awaitNoWaits();
        CompletableFuture<PingResponse> ping = phone.pingAsync(new PingRequest(Optional.of(300),
                List.of(new PingRequest.Folder(inbox, ContentClass.EMAIL))));
        awaitWaiting(1);
        gw.deliver(user, "Fresh news", Instant.now());
        PingResponse pinged = ping.join();
        assertEquals(PingStatus.CHANGES, pinged.status());
        assertEquals(List.of(inbox), pinged.changedFolders());
        assertEstimate(phone, key, inbox, 1);
        SyncResponse.Collection<MailData> fresh = only(phone.sync(sync(v, key, inbox)));
        assertEquals(1, fresh.commands().size());
        SyncResponse.Add<MailData> news = assertInstanceOf(SyncResponse.Add.class, fresh.commands().get(0));
        assertEquals(Optional.of("Fresh news"), news.data().subject());
        assertEquals(Optional.of(false), news.data().read());
        key = fresh.syncKey().orElseThrow();

        // Read, flagged and (14.0+) categorised on the phone: in the store afterwards.
        MailData change = MailData.none().withRead(true).withFlag(2, "Follow up");
        if (v14(v)) {
            change = change.withCategories(List.of("Blue", "Work"));
        }
        SyncResponse.Collection<MailData> changed = only(phone.sync(sync(v, key, inbox,
                List.of(new SyncRequest.Change<>(news.serverId(), change)))));
        assertEquals(SyncStatus.SUCCESS, changed.status());
        assertTrue(changed.responses().isEmpty(), "no response for a Change that went well");
        assertTrue(changed.commands().isEmpty(), "the phone's own change is not echoed");
        key = changed.syncKey().orElseThrow();
        EmailItem stored = gw.item(user, EasFolderType.INBOX, news.serverId());
        assertTrue(stored.read());
        assertEquals(Flag.Status.ACTIVE, stored.flag().orElseThrow().status());
        if (v14(v)) {
            assertEquals(List.of("Blue", "Work"), stored.categories());
        }

        // Fetch: the whole item, no new key.
        SyncResponse.Collection<MailData> fetched = only(phone.sync(sync(v, key, inbox,
                List.of(new SyncRequest.Fetch<>(news.serverId())))));
        SyncResponse.FetchResult<MailData> f = assertInstanceOf(SyncResponse.FetchResult.class,
                fetched.responses().get(0));
        assertEquals(SyncStatus.SUCCESS, f.status());
        assertEquals(Optional.of("Body of Fresh news"), f.data().orElseThrow().body().map(String::strip));
        assertEquals(key, fetched.syncKey().orElseThrow());

        // Delete with DeletesAsMoves: gone from the Inbox, in Deleted Items.
        SyncResponse.Collection<MailData> deleted = only(phone.sync(sync(v, key, inbox,
                List.of(new SyncRequest.Delete<>(news.serverId())))));
        assertEquals(SyncStatus.SUCCESS, deleted.status());
        key = deleted.syncKey().orElseThrow();
        assertTrue(subjects(gw.contents(user, EasFolderType.INBOX)).stream().noneMatch("Fresh news"::equals));
        assertTrue(subjects(gw.contents(user, EasFolderType.DELETED_ITEMS)).contains("Fresh news"));

        // A Fetch or Change of what is gone: Status 8 for that item.
        SyncResponse.Collection<MailData> gone = only(phone.sync(sync(v, key, inbox,
                List.of(new SyncRequest.Fetch<>(news.serverId())))));
        assertEquals(SyncStatus.OBJECT_NOT_FOUND,
                assertInstanceOf(SyncResponse.FetchResult.class, gone.responses().get(0)).status());

        // Keys the server never gave: Sync 3 (back to 0), GetItemEstimate 4; an unknown collection: 12 and 2.
        String bogus = "{00000000-0000-4000-8000-000000000000}7";
        SyncResponse.Collection<MailData> invalid = only(phone.sync(sync(v, bogus, inbox)));
        assertEquals(SyncStatus.INVALID_SYNC_KEY, invalid.status());
        assertEquals(Optional.of("0"), invalid.syncKey());
        assertEquals(GetItemEstimateStatus.INVALID_SYNC_KEY, phone.estimate(estimate(v, bogus, inbox))
                .responses().get(0).status());
        assertEquals(GetItemEstimateStatus.SYNC_STATE_NOT_PRIMED, phone.estimate(estimate(v, "0", inbox))
                .responses().get(0).status());
        assertEquals(SyncStatus.FOLDER_HIERARCHY_CHANGED, only(phone.sync(sync(v, key, "9999"))).status());
        assertEquals(GetItemEstimateStatus.INVALID_COLLECTION, phone.estimate(estimate(v, key, "9999"))
                .responses().get(0).status());
        // The valid key still works after all that.
        assertEstimate(phone, key, inbox, 0);
    }

    /**
     * DeletesAsMoves 0 applies to the request that carries it only: a later Delete without the element moves the
     * item to Deleted Items again ([MS-ASCMD] 2.2.3.43, 1 is the default). Keeping the 0 lost mail for good.
     */
    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_1", "V14_1"})
    void deletesAsMovesZeroHoldsForItsRequestOnly(ProtocolVersion v) {
        String user = gw.newUser();
        deliver(user, 2, "Bin");
        Client phone = gw.client(user, "binner" + v.name(), v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String key = only(phone.sync(sync(v, "0", inbox))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> page = only(phone.sync(sync(v, key, inbox)));
        key = page.syncKey().orElseThrow();
        List<String> ids = ids(page);
        assertEquals(2, ids.size());
        SyncRequest.Collection<MailData> hard = collection(v, key, inbox, Optional.empty(),
                List.of(new SyncRequest.Delete<>(ids.get(0))));
        hard = new SyncRequest.Collection<>(hard.contentClass(), hard.syncKey(), hard.collectionId(), hard.supported(),
                Optional.of(false), hard.getChanges(), hard.windowSize(), hard.conversationMode(), hard.options(),
                hard.commands());
        key = only(phone.sync(sync(hard))).syncKey().orElseThrow();
        SyncRequest.Collection<MailData> plain = collection(v, key, inbox, Optional.empty(),
                List.of(new SyncRequest.Delete<>(ids.get(1))));
        plain = new SyncRequest.Collection<>(plain.contentClass(), plain.syncKey(), plain.collectionId(),
                plain.supported(), Optional.empty(), plain.getChanges(), plain.windowSize(), plain.conversationMode(),
                plain.options(), plain.commands());
        assertEquals(SyncStatus.SUCCESS, only(phone.sync(sync(plain))).status());
        List<String> bin = subjects(gw.contents(user, EasFolderType.DELETED_ITEMS));
        assertFalse(bin.contains("Bin 0"), "DeletesAsMoves 0: deleted for good");
        assertTrue(bin.contains("Bin 1"), "no DeletesAsMoves: moved to Deleted Items");
        assertTrue(subjects(gw.contents(user, EasFolderType.INBOX)).isEmpty());
    }

    /**
     * What a client may send, per [MS-ASCMD]: email Adds only as 16.x drafts in Drafts (2.2.3.7.2, Status 6
     * otherwise); read-only elements in a Change are ignored while Read applies (2.2.3.24); GetChanges with key 0
     * and FilterType 8 on email are Status 4 (2.2.3.84, 2.2.3.68.2).
     */
    @Test
    void clientCommandsFollowTheEmailClassRules() {
        ProtocolVersion v = ProtocolVersion.V14_1;
        String user = gw.newUser();
        deliver(user, 1, "Keep");
        Client phone = gw.client(user, "rules", v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String drafts = gw.collectionId(user, phone.deviceId, EasFolderType.DRAFTS);
        String key = only(phone.sync(sync(v, "0", inbox))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> page = only(phone.sync(sync(v, key, inbox)));
        key = page.syncKey().orElseThrow();
        String kept = ids(page).get(0);

        SyncResponse.Collection<MailData> added = only(phone.sync(sync(v, key, inbox, List.of(
                new SyncRequest.Add<>(Optional.empty(), "c-1", MailData.none().withSubject("Smuggled"))))));
        SyncResponse.AddResult<MailData> refused = assertInstanceOf(SyncResponse.AddResult.class,
                added.responses().get(0));
        assertEquals(SyncStatus.CONVERSION_ERROR, refused.status());
        assertEquals(Optional.empty(), refused.serverId());
        assertEquals(List.of("Keep 0"), subjects(gw.contents(user, EasFolderType.INBOX)));
        key = added.syncKey().orElse(key);
        String draftKey = only(phone.sync(sync(v, "0", drafts))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> draft14 = only(phone.sync(sync(v, draftKey, drafts, List.of(
                new SyncRequest.Add<>(Optional.empty(), "c-2", MailData.none().withSubject("Draft in 14.1"))))));
        assertEquals(SyncStatus.CONVERSION_ERROR, assertInstanceOf(SyncResponse.AddResult.class,
                draft14.responses().get(0)).status(), "drafts are added from 16.0 on");

        SyncResponse.Collection<MailData> changed = only(phone.sync(sync(v, key, inbox, List.of(
                new SyncRequest.Change<>(kept, MailData.none().withRead(true).withSubject("updated"))))));
        assertEquals(SyncStatus.SUCCESS, changed.status());
        assertTrue(changed.responses().isEmpty(), "the Change went well: " + changed.responses());
        EmailItem stored = gw.item(user, EasFolderType.INBOX, kept);
        assertTrue(stored.read());
        assertEquals("Keep 0", stored.subject());
        key = changed.syncKey().orElseThrow();

        SyncRequest.Collection<MailData> initial = collection(v, "0", inbox, Optional.empty(), List.of());
        initial = new SyncRequest.Collection<>(initial.contentClass(), "0", inbox, List.of(),
                Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty(), List.of(), List.of());
        assertEquals(SyncStatus.PROTOCOL_ERROR, only(phone.sync(sync(initial))).status());

        SyncRequest.Collection<MailData> tasksWindow = collection(v, key, inbox, Optional.empty(), List.of());
        var o = tasksWindow.options().get(0);
        tasksWindow = new SyncRequest.Collection<>(tasksWindow.contentClass(), key, inbox, List.of(),
                tasksWindow.deletesAsMoves(), tasksWindow.getChanges(), Optional.empty(), Optional.empty(),
                List.of(new org.koppel.eas.sync.SyncOptions(o.contentClass(), Optional.of(8), o.bodyPreferences(),
                        o.bodyPartPreferences(), o.conflict(), o.mimeSupport(), o.mimeTruncation(), o.maxItems(),
                        o.rightsManagementSupport())), List.of());
        assertEquals(SyncStatus.PROTOCOL_ERROR, only(phone.sync(sync(tasksWindow))).status());

        // ConversationMode on a collection that is not email (the Contacts folder FolderSync hands out): Status 4
        String contacts = gw.collectionId(user, phone.deviceId, EasFolderType.CONTACTS);
        SyncRequest.Collection<MailData> threads = collection(v, "0", contacts, Optional.empty(), List.of());
        threads = new SyncRequest.Collection<>(threads.contentClass(), "0", contacts, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(true), List.of(), List.of());
        assertEquals(SyncStatus.PROTOCOL_ERROR, only(phone.sync(sync(threads))).status());
    }

    @Test
    void repeatedAddGivesTheSameServerIdAndNoDuplicate() {
        ProtocolVersion v = ProtocolVersion.V16_1;
        String user = gw.newUser();
        Client phone = gw.client(user, "drafter", v);
        String drafts = gw.collectionId(user, phone.deviceId, EasFolderType.DRAFTS);
        String key = only(phone.sync(sync(v, "0", drafts))).syncKey().orElseThrow();
        SyncRequest<MailData> add = sync(v, key, drafts, List.of(new SyncRequest.Add<>(Optional.empty(), "c-1",
                MailData.none().withSubject("Draft one").withBody("text"))));
        SyncResponse.Collection<MailData> first = only(phone.sync(add));
        SyncResponse.AddResult<MailData> added = assertInstanceOf(SyncResponse.AddResult.class,
                first.responses().get(0));
        assertEquals(SyncStatus.SUCCESS, added.status());
        String serverId = added.serverId().orElseThrow();

        // The response was lost: the phone sends the same request with the same key.
        SyncResponse.Collection<MailData> second = only(phone.sync(add));
        SyncResponse.AddResult<MailData> again = assertInstanceOf(SyncResponse.AddResult.class,
                second.responses().get(0));
        assertEquals(Optional.of(serverId), again.serverId());
        assertEquals(first.syncKey(), second.syncKey());
        assertTrue(second.commands().isEmpty(), "the draft is not echoed back as a server Add");
        assertEquals(1, subjects(gw.contents(user, EasFolderType.DRAFTS)).stream()
                .filter("Draft one"::equals).count());

        // Moving on with the new key: still one draft, nothing to send.
        assertTrue(phone.sync(sync(v, second.syncKey().orElseThrow(), drafts)).isEmpty());
        assertEquals(1, gw.contents(user, EasFolderType.DRAFTS).size());
    }

    @Test
    void twoDevicesOfOneUserInParallel() {
        ProtocolVersion v = ProtocolVersion.V14_1;
        String user = gw.newUser();
        deliver(user, 7, "Both");
        Client a = gw.client(user, "deviceA", v);
        Client b = gw.client(user, "deviceB", v);
        String inboxA = gw.collectionId(user, a.deviceId, EasFolderType.INBOX);
        String inboxB = gw.collectionId(user, b.deviceId, EasFolderType.INBOX);
        CompletableFuture<List<SyncResponse.Collection<MailData>>> fa = CompletableFuture.supplyAsync(
                () -> syncAll(a, inboxA));
        CompletableFuture<List<SyncResponse.Collection<MailData>>> fb = CompletableFuture.supplyAsync(
                () -> syncAll(b, inboxB));
        List<SyncResponse.Collection<MailData>> ra = fa.join();
        List<SyncResponse.Collection<MailData>> rb = fb.join();
        assertEquals(7, ra.stream().mapToInt(c -> c.commands().size()).sum());
        assertEquals(7, rb.stream().mapToInt(c -> c.commands().size()).sum());
        assertNotEquals(ra.getLast().syncKey(), rb.getLast().syncKey(), "each device has its own keys");

        // A read flag set on A reaches B as a Change, and not A.
        String keyA = ra.getLast().syncKey().orElseThrow();
        String keyB = rb.getLast().syncKey().orElseThrow();
        String id = ((SyncResponse.Add<MailData>) ra.get(0).commands().get(0)).serverId();
        keyA = only(a.sync(sync(v, keyA, inboxA, List.of(new SyncRequest.Change<>(id,
                MailData.none().withRead(true)))))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> onB = only(b.sync(sync(v, keyB, inboxB)));
        SyncResponse.Change<MailData> seen = assertInstanceOf(SyncResponse.Change.class, onB.commands().get(0));
        assertEquals(id, seen.serverId());
        assertEquals(Optional.of(true), seen.data().read());
        assertTrue(a.sync(sync(v, keyA, inboxA)).isEmpty());
    }

    @Test
    void oneDeviceUsedByTwoUsersKeepsTheirStatesApart() {
        ProtocolVersion v = ProtocolVersion.V14_1;
        String first = gw.newUser();
        String second = gw.newUser();
        deliver(first, 2, "First");
        deliver(second, 4, "Second");
        Client a = gw.client(first, "sharedDevice", v);
        Client b = gw.client(second, "sharedDevice", v);
        String inboxA = gw.collectionId(first, a.deviceId, EasFolderType.INBOX);
        String inboxB = gw.collectionId(second, b.deviceId, EasFolderType.INBOX);
        List<SyncResponse.Collection<MailData>> ra = syncAll(a, inboxA);
        List<SyncResponse.Collection<MailData>> rb = syncAll(b, inboxB);
        assertEquals(2, ra.stream().mapToInt(c -> c.commands().size()).sum());
        assertEquals(4, rb.stream().mapToInt(c -> c.commands().size()).sum());
        for (SyncResponse.Collection<MailData> page : rb) {
            for (SyncResponse.Command<MailData> c : page.commands()) {
                SyncResponse.Add<MailData> add = assertInstanceOf(SyncResponse.Add.class, c);
                assertTrue(add.data().subject().orElseThrow().startsWith("Second"), "only the second user's mail");
            }
        }
        // One user's key is not the other's, though the device and perhaps the CollectionId are the same.
        String keyOfB = rb.getLast().syncKey().orElseThrow();
        assertEquals(SyncStatus.INVALID_SYNC_KEY, only(a.sync(sync(v, keyOfB, inboxA))).status());
    }

    @Test
    void aFolderDeletedDuringSyncIsAStatusNotAFailure() {
        ProtocolVersion v = ProtocolVersion.V14_1;
        String user = gw.newUser();
        Client phone = gw.client(user, "deletingDevice", v);
        String folder = gw.createMailFolder(user, "Projects");
        String collection = gw.collectionIdOf(user, phone.deviceId, folder);
        String key = only(phone.sync(sync(v, "0", collection))).syncKey().orElseThrow();
        gw.deleteFolder(user, folder);
        SyncStatus status = only(phone.sync(sync(v, key, collection))).status();
        assertTrue(status == SyncStatus.OBJECT_NOT_FOUND || status == SyncStatus.FOLDER_HIERARCHY_CHANGED,
                "a folder gone under a sync is 8 or 12 (the device runs FolderSync), not " + status);
        // The device's other folders go on syncing.
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        assertEquals(SyncStatus.SUCCESS, only(phone.sync(sync(v, "0", inbox))).status());
    }

    @Test
    void emptyAndPartialSyncUseTheCachedRequest() {
        ProtocolVersion v = ProtocolVersion.V14_1;
        String user = gw.newUser();
        Client phone = gw.client(user, "quiet", v);
        // Nothing cached yet: Status 13.
        assertEquals(Optional.of(SyncStatus.INCOMPLETE_REQUEST), phone.sync(SyncRequest.empty()).orElseThrow().status());
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String key = only(phone.sync(sync(v, "0", inbox))).syncKey().orElseThrow();
        assertTrue(phone.sync(sync(v, key, inbox)).isEmpty());
        assertTrue(phone.sync(SyncRequest.empty()).isEmpty(), "the same again: still nothing");
        gw.deliver(user, "While quiet", Instant.now());
        SyncResponse.Collection<MailData> got = only(phone.sync(SyncRequest.empty()));
        assertEquals(Optional.of("While quiet"),
                ((SyncResponse.Add<MailData>) got.commands().get(0)).data().subject());
        // The cache moved on to the new key: the next empty Sync continues from it.
        assertTrue(phone.sync(SyncRequest.empty()).isEmpty());
        // A partial Sync naming the Inbox with its current key completes the cached one.
        gw.deliver(user, "Partial", Instant.now());
        SyncRequest<MailData> partial = new SyncRequest<>(List.of(collection(v, got.syncKey().orElseThrow(), inbox,
                Optional.empty(), List.of())), Optional.empty(), Optional.empty(), Optional.empty(), true);
        assertEquals(1, only(phone.sync(partial)).commands().size());
    }

    @Test
    void heartbeatSyncReturnsOnNewMail() {
        ProtocolVersion v = ProtocolVersion.V14_1;
        String user = gw.newUser();
        Client phone = gw.client(user, "hanging", v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String key = only(phone.sync(sync(v, "0", inbox))).syncKey().orElseThrow();
        assertTrue(phone.sync(sync(v, key, inbox)).isEmpty());

        SyncRequest<MailData> tooShort = new SyncRequest<>(List.of(collection(v, key, inbox, Optional.empty(),
                List.of())), Optional.empty(), Optional.of(10), Optional.empty(), false);
        SyncResponse<MailData> limit = phone.sync(tooShort).orElseThrow();
        assertEquals(Optional.of(SyncStatus.INVALID_WAIT_OR_HEARTBEAT), limit.status());
        assertEquals(Optional.of(60), limit.limit());

        awaitNoWaits();
        SyncRequest<MailData> hanging = new SyncRequest<>(List.of(collection(v, key, inbox, Optional.empty(),
                List.of())), Optional.empty(), Optional.of(600), Optional.empty(), false);
        CompletableFuture<Optional<SyncResponse<MailData>>> pending = phone.syncAsync(hanging);
        awaitWaiting(1);
        assertFalse(pending.isDone());
        gw.deliver(user, "Pushed", Instant.now());
        SyncResponse.Collection<MailData> got = only(pending.join());
        assertEquals(Optional.of("Pushed"), ((SyncResponse.Add<MailData>) got.commands().get(0)).data().subject());
    }

    @Test
    void heartbeatSyncBeforeFourteenUsesWait() {
        ProtocolVersion v = ProtocolVersion.V12_1;
        String user = gw.newUser();
        Client phone = gw.client(user, "old", v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String key = only(phone.sync(sync(v, "0", inbox))).syncKey().orElseThrow();
        SyncRequest<MailData> tooLong = new SyncRequest<>(List.of(collection(v, key, inbox, Optional.empty(),
                List.of())), Optional.of(90), Optional.empty(), Optional.empty(), false);
        SyncResponse<MailData> limit = phone.sync(tooLong).orElseThrow();
        assertEquals(Optional.of(SyncStatus.INVALID_WAIT_OR_HEARTBEAT), limit.status());
        assertEquals(Optional.of(59), limit.limit());

        awaitNoWaits();
        CompletableFuture<Optional<SyncResponse<MailData>>> pending = phone.syncAsync(new SyncRequest<>(
                List.of(collection(v, key, inbox, Optional.empty(), List.of())), Optional.of(5), Optional.empty(),
                Optional.empty(), false));
        awaitWaiting(1);
        gw.deliver(user, "Old style", Instant.now());
        assertEquals(1, only(pending.join()).commands().size());
    }

    private List<SyncResponse.Collection<MailData>> syncAll(Client c, String inbox) {
        ProtocolVersion v = c.version;
        List<SyncResponse.Collection<MailData>> pages = new ArrayList<>();
        String key = only(c.sync(sync(v, "0", inbox))).syncKey().orElseThrow();
        while (true) {
            SyncResponse.Collection<MailData> page = only(c.sync(sync(collection(v, key, inbox, Optional.of(3),
                    List.of()))));
            pages.add(page);
            key = page.syncKey().orElseThrow();
            if (!page.moreAvailable()) {
                return pages;
            }
        }
    }

    private void assertEstimate(Client phone, String key, String collection, long expected) {
        GetItemEstimateResponse r = phone.estimate(estimate(phone.version, key, collection));
        assertEquals(GetItemEstimateStatus.SUCCESS, r.responses().get(0).status());
        assertEquals(Optional.of(expected), r.responses().get(0).estimate());
    }

    private void awaitWaiting(int n) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gw.waits.waiting() < n) {
            if (System.nanoTime() > deadline) {
                fail("never " + n + " waiting, " + gw.waits.waiting());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Waits end asynchronously after their response; a test counting waits starts from none. */
    private void awaitNoWaits() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gw.waits.waiting() > 0) {
            if (System.nanoTime() > deadline) {
                fail("waits left over: " + gw.waits.waiting());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> ids(SyncResponse.Collection<MailData> c) {
        return c.commands().stream().map(x -> ((SyncResponse.Add<MailData>) x).serverId()).toList();
    }

    private static List<String> subjects(List<ItemChange.Added> items) {
        return items.stream().map(a -> ((EmailItem) a.item()).subject()).toList();
    }
}
