package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.EmailItem;
import org.koppel.eas.move.MoveItemsRequest;
import org.koppel.eas.move.MoveItemsResponse;
import org.koppel.eas.move.MoveItemsStatus;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * MoveItems over real HTTP against a real store in every protocol version: items moved between folders and back
 * get new ServerIds that the following Syncs agree with (a Delete in the source, an Add in the destination, as
 * MS-ASCMD 2.2.1.12 has it), and each failure gets its own status in its own Response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoveItemsTest {

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    /** A device's view of one folder: its CollectionId and sync key. */
    private final class Folder {
        final Client phone;
        final String collectionId;
        String key;

        Folder(Client phone, String collectionId) {
            this.phone = phone;
            this.collectionId = collectionId;
            this.key = only(phone.sync(Requests.sync(phone.version, "0", collectionId))).syncKey().orElseThrow();
        }

        /** Syncs until nothing more comes; the commands received. */
        List<SyncResponse.Command<MailData>> sync() {
            List<SyncResponse.Command<MailData>> all = new ArrayList<>();
            while (true) {
                Optional<SyncResponse<MailData>> r = phone.sync(Requests.sync(phone.version, key, collectionId));
                if (r.isEmpty()) {
                    return all;
                }
                SyncResponse.Collection<MailData> c = only(r);
                assertEquals(SyncStatus.SUCCESS, c.status());
                key = c.syncKey().orElseThrow();
                all.addAll(c.commands());
                if (!c.moreAvailable() && c.commands().isEmpty()) {
                    return all;
                }
            }
        }
    }

    private static Set<String> ids(List<SyncResponse.Command<MailData>> commands, Class<?> kind) {
        return commands.stream().filter(kind::isInstance).map(c -> switch (c) {
            case SyncResponse.Add<MailData> a -> a.serverId();
            case SyncResponse.Delete<MailData> d -> d.serverId();
            case SyncResponse.Change<MailData> ch -> ch.serverId();
            case SyncResponse.SoftDelete<MailData> s -> s.serverId();
        }).collect(Collectors.toSet());
    }

    private static MoveItemsRequest.Move move(String item, Folder from, Folder to) {
        return new MoveItemsRequest.Move(item, from.collectionId, to.collectionId);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void moveBetweenFoldersAndBack(ProtocolVersion v) {
        String user = gw.newUser();
        gw.deliver(user, "first", Instant.now().minusSeconds(60));
        gw.deliver(user, "second", Instant.now().minusSeconds(30));
        String archiveId = gw.createMailFolder(user, "Archive");
        Client phone = gw.client(user, "move" + v.name(), v);
        Folder inbox = new Folder(phone, gw.collectionId(user, phone.deviceId, EasFolderType.INBOX));
        Folder archive = new Folder(phone, gw.collectionIdOf(user, phone.deviceId, archiveId));
        Set<String> original = ids(inbox.sync(), SyncResponse.Add.class);
        assertEquals(2, original.size());
        assertTrue(archive.sync().isEmpty());

        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);
        List<String> sent = List.copyOf(original);
        MoveItemsResponse moved = items.moveItems(new MoveItemsRequest(List.of(move(sent.get(0), inbox, archive),
                move(sent.get(1), inbox, archive))));
        assertEquals(2, moved.responses().size());
        List<String> newIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MoveItemsResponse.Response r = moved.responses().get(i);
            assertEquals(MoveItemsStatus.SUCCESS, r.status());
            assertEquals(Optional.of(sent.get(i)), r.srcMsgId(), "Responses in the request's order");
            newIds.add(r.dstMsgId().orElseThrow());
        }
        assertEquals(Set.copyOf(newIds), new Mailbox(gw).itemIds(user, archiveId),
                "the store has them in the Archive under the new ids");
        assertTrue(gw.contents(user, EasFolderType.INBOX).isEmpty());

        // The source's Sync reports them gone, the destination's brings them under the new ids.
        List<SyncResponse.Command<MailData>> fromInbox = inbox.sync();
        assertEquals(original, ids(fromInbox, SyncResponse.Delete.class));
        assertEquals(2, fromInbox.size(), "nothing but the two Deletes: " + fromInbox);
        List<SyncResponse.Command<MailData>> intoArchive = archive.sync();
        assertEquals(Set.copyOf(newIds), ids(intoArchive, SyncResponse.Add.class));
        assertEquals(2, intoArchive.size());

        // And one back: a new id again, and the Syncs agree once more.
        MoveItemsResponse back = items.moveItems(new MoveItemsRequest(List.of(move(newIds.get(0), archive, inbox))));
        MoveItemsResponse.Response r = back.responses().get(0);
        assertEquals(MoveItemsStatus.SUCCESS, r.status());
        String home = r.dstMsgId().orElseThrow();
        assertEquals(Set.of(newIds.get(0)), ids(archive.sync(), SyncResponse.Delete.class));
        List<SyncResponse.Command<MailData>> again = inbox.sync();
        assertEquals(Set.of(home), ids(again, SyncResponse.Add.class));
        EmailItem stored = gw.item(user, EasFolderType.INBOX, home);
        assertEquals(((SyncResponse.Add<MailData>) again.get(0)).data().subject().orElseThrow(), stored.subject());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void eachMoveGetsItsStatus(ProtocolVersion v) {
        String user = gw.newUser();
        gw.deliver(user, "stays", Instant.now().minusSeconds(60));
        String archiveId = gw.createMailFolder(user, "Archive");
        Client phone = gw.client(user, "status" + v.name(), v);
        Folder inbox = new Folder(phone, gw.collectionId(user, phone.deviceId, EasFolderType.INBOX));
        Folder archive = new Folder(phone, gw.collectionIdOf(user, phone.deviceId, archiveId));
        String item = ids(inbox.sync(), SyncResponse.Add.class).iterator().next();
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);

        MoveItemsResponse r = items.moveItems(new MoveItemsRequest(List.of(
                new MoveItemsRequest.Move(item, "999", archive.collectionId),         // source folder unknown
                new MoveItemsRequest.Move("00AB", inbox.collectionId, archive.collectionId), // no such item
                new MoveItemsRequest.Move(item, inbox.collectionId, "998"),           // destination unknown
                new MoveItemsRequest.Move(item, inbox.collectionId, inbox.collectionId)))); // same folder
        assertEquals(List.of(MoveItemsStatus.INVALID_SOURCE, MoveItemsStatus.INVALID_SOURCE,
                MoveItemsStatus.INVALID_DESTINATION, MoveItemsStatus.SAME_FOLDER),
                r.responses().stream().map(MoveItemsResponse.Response::status).toList());
        assertTrue(r.responses().stream().allMatch(x -> x.dstMsgId().isEmpty()));
        assertEquals(List.of("00AB"), List.of(r.responses().get(1).srcMsgId().orElseThrow()));
        assertEquals(1, gw.contents(user, EasFolderType.INBOX).size(), "nothing moved");
        assertTrue(inbox.sync().isEmpty(), "and the Inbox's Sync has nothing to say");

        // An item moved twice in one request: the second finds it gone.
        MoveItemsResponse twice = items.moveItems(new MoveItemsRequest(List.of(move(item, inbox, archive),
                move(item, inbox, archive))));
        assertEquals(MoveItemsStatus.SUCCESS, twice.responses().get(0).status());
        assertEquals(MoveItemsStatus.INVALID_SOURCE, twice.responses().get(1).status());

        // A folder deleted by another client after the device learnt it: invalid destination.
        String gone = gw.createMailFolder(user, "Gone");
        String goneId = gw.collectionIdOf(user, phone.deviceId, gone);
        gw.deleteFolder(user, gone);
        String moved = twice.responses().get(0).dstMsgId().orElseThrow();
        MoveItemsResponse toGone = items.moveItems(new MoveItemsRequest(List.of(
                new MoveItemsRequest.Move(moved, archive.collectionId, goneId))));
        assertEquals(MoveItemsStatus.INVALID_DESTINATION, toGone.responses().get(0).status());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void aBodyThatIsNotMoveItemsIsRefused(ProtocolVersion v) {
        String user = gw.newUser();
        ItemsClient items = new ItemsClient(gw, user, "bad" + v.name(), v);
        for (byte[] body : List.of(new byte[0], new byte[] {3, 1, 106, 0, 0, 5, 69, 1}, new byte[] {3, 1, 106, 0})) {
            HttpResponse<byte[]> r = items.moveItemsRaw(body);
            if (v.compareTo(ProtocolVersion.V14_0) < 0) {
                assertEquals(400, r.statusCode());
            } else {
                assertEquals(200, r.statusCode(), "14.0+: a status in the document");
                MoveItemsResponse doc = decode(items, r.body());
                assertTrue(doc.responses().get(0).status().code() >= 100, doc.toString());
            }
        }
    }

    private static MoveItemsResponse decode(ItemsClient items, byte[] body) {
        try {
            return new org.koppel.eas.move.MoveItemsCodec(Gateway.PAGES).decodeResponse(
                    new org.koppel.eas.wbxml.WbxmlReader(new java.io.ByteArrayInputStream(body), Gateway.PAGES),
                    items.version);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
