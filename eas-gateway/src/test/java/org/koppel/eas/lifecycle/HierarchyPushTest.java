package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.foldersync.FolderSyncResponse;
import org.koppel.eas.foldersync.FolderSyncStatus;
import org.koppel.eas.ping.PingRequest;
import org.koppel.eas.ping.PingResponse;
import org.koppel.eas.ping.PingStatus;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * Folder changes made by another client reach a waiting device: Ping Status 7 and heartbeat Sync Status 12,
 * both while waiting (store notifications) and at once when the change came before the request; a folder
 * event the device cannot see does not end the wait.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HierarchyPushTest {

    private static final ProtocolVersion V = ProtocolVersion.V14_1;
    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static PingRequest ping(String inbox) {
        return new PingRequest(Optional.of(600), List.of(new PingRequest.Folder(inbox, ContentClass.EMAIL)));
    }

    @Test
    void pingAnswersSevenForFolderChangesWhileWaitingAndBefore() {
        String user = gw.newUser();
        Client phone = gw.client(user, "folders", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        FolderSyncResponse initial = phone.folderSync("0");
        assertEquals(FolderSyncStatus.SUCCESS, initial.status());
        String key = initial.syncKey().orElseThrow();

        // Nothing changed since the FolderSync: the Ping waits, and new mail is Status 2 as before.
        awaitNoWaits();
        CompletableFuture<PingResponse> mail = phone.pingAsync(ping(inbox));
        awaitWaiting(1);
        gw.deliver(user, "mail", Instant.now());
        assertEquals(PingStatus.CHANGES, mail.join().status());

        // A folder created by another client while the Ping waits.
        awaitNoWaits();
        CompletableFuture<PingResponse> created = phone.pingAsync(ping(inbox));
        awaitWaiting(1);
        String projects = gw.createMailFolder(user, "Projects");
        assertEquals(PingStatus.FOLDER_SYNC_REQUIRED, created.join().status());
        // Not synced since: the next Ping answers at once.
        assertEquals(PingStatus.FOLDER_SYNC_REQUIRED, phone.ping(ping(inbox)).status());
        FolderSyncResponse added = phone.folderSync(key);
        assertEquals(1, added.changes().size());
        assertInstanceOf(FolderSyncResponse.Add.class, added.changes().get(0));
        key = added.syncKey().orElseThrow();

        // A rename to the same name touches the folder but changes nothing the device sees: still waiting.
        awaitNoWaits();
        CompletableFuture<PingResponse> renamed = phone.pingAsync(ping(inbox));
        awaitWaiting(1);
        gw.renameFolder(user, projects, "Projects");
        sleep(300);
        assertFalse(renamed.isDone(), "a folder event without a visible change");
        gw.renameFolder(user, projects, "Archive");
        assertEquals(PingStatus.FOLDER_SYNC_REQUIRED, renamed.join().status());
        FolderSyncResponse update = phone.folderSync(key);
        assertInstanceOf(FolderSyncResponse.Update.class, update.changes().get(0));
        key = update.syncKey().orElseThrow();

        awaitNoWaits();
        CompletableFuture<PingResponse> deleted = phone.pingAsync(ping(inbox));
        awaitWaiting(1);
        gw.deleteFolder(user, projects);
        assertEquals(PingStatus.FOLDER_SYNC_REQUIRED, deleted.join().status());
        assertInstanceOf(FolderSyncResponse.Delete.class, phone.folderSync(key).changes().get(0));
    }

    @Test
    void heartbeatSyncAnswersTwelveForFolderChanges() {
        String user = gw.newUser();
        Client phone = gw.client(user, "hb-folders", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String hierarchyKey = phone.folderSync("0").syncKey().orElseThrow();
        String key = only(phone.sync(sync(V, "0", inbox))).syncKey().orElseThrow();
        assertTrue(phone.sync(sync(V, key, inbox)).isEmpty());

        awaitNoWaits();
        CompletableFuture<Optional<SyncResponse<MailData>>> waiting = phone.syncAsync(heartbeat(key, inbox));
        awaitWaiting(1);
        gw.createMailFolder(user, "While waiting");
        SyncResponse<MailData> r = waiting.join().orElseThrow();
        assertEquals(Optional.of(SyncStatus.FOLDER_HIERARCHY_CHANGED), r.status());
        assertEquals(List.of(), r.collections());

        // The change is older than the request now: answered at once, until the device FolderSyncs.
        assertEquals(Optional.of(SyncStatus.FOLDER_HIERARCHY_CHANGED),
                phone.sync(heartbeat(key, inbox)).orElseThrow().status());
        assertEquals(1, phone.folderSync(hierarchyKey).changes().size());
        awaitNoWaits();
        CompletableFuture<Optional<SyncResponse<MailData>>> again = phone.syncAsync(heartbeat(key, inbox));
        awaitWaiting(1);
        gw.deliver(user, "after FolderSync", Instant.now());
        assertEquals(1, only(again.join()).commands().size());
    }

    private static SyncRequest<MailData> heartbeat(String key, String inbox) {
        return new SyncRequest<>(List.of(collection(V, key, inbox, Optional.empty(), List.of())), Optional.empty(),
                Optional.of(600), Optional.empty(), false);
    }

    private void awaitWaiting(int n) {
        await(() -> gw.waits.waiting() >= n, "never " + n + " waiting");
    }

    private void awaitNoWaits() {
        await(() -> gw.waits.waiting() == 0, "waits left over");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void await(java.util.function.BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message + " (" + gw.waits.waiting() + " waiting)");
            }
            sleep(5);
        }
    }
}
