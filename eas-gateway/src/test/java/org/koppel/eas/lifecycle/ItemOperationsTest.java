package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.ItemOperationsRequests.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.BackendSession;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.ItemChange;
import org.koppel.eas.itemoperations.ItemOperationsRequest;
import org.koppel.eas.itemoperations.ItemOperationsResponse;
import org.koppel.eas.itemoperations.ItemOperationsResponse.FetchResult;
import org.koppel.eas.itemoperations.ItemOperationsResponse.FileProperties;
import org.koppel.eas.itemoperations.ItemOperationsStatus;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * ItemOperations over real HTTP against a real store in every protocol version that has it: items fetched by
 * ServerId and LongId in each body type, a 20 MB attachment fetched in three Ranges and compared byte for byte,
 * multipart responses taken apart and compared, EmptyFolderContents with and without DeleteSubFolders, the
 * conversation Move, another user's references, and bad input answered with statuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemOperationsTest {

    private static final int BIG = 20 * 1024 * 1024;

    private Gateway gw;
    private Mailbox mailbox;
    /** A user with a 20 MB attachment in the Inbox, shared by the versions (each has its own device). */
    private String bigUser;
    private byte[] big;
    private String bigReference;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
        mailbox = new Mailbox(gw);
        bigUser = gw.newUser();
        big = Mailbox.bytes(BIG, 20);
        String id = mailbox.deliver(bigUser, "big one", List.of(new Mailbox.Attachment("big.bin",
                "application/octet-stream", big)));
        bigReference = gw.item(bigUser, EasFolderType.INBOX, id).attachments().get(0).fileReference();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static FetchResult<FetchedMail> fetch(ItemOperationsResponse<FetchedMail> r, int i) {
        assertEquals(ItemOperationsStatus.SUCCESS, r.status());
        return assertInstanceOf(FetchResult.class, r.results().get(i));
    }

    private static FetchedMail mail(FetchResult<FetchedMail> f) {
        assertEquals(ItemOperationsStatus.SUCCESS, f.status());
        assertEquals(Optional.of("Email"), f.itemClass());
        return assertInstanceOf(ItemOperationsResponse.ItemProperties.class, f.properties().orElseThrow()).data()
                instanceof FetchedMail m ? m : fail();
    }

    private static FileProperties<FetchedMail> fileOf(FetchResult<FetchedMail> f) {
        assertEquals(ItemOperationsStatus.SUCCESS, f.status(), f.toString());
        return assertInstanceOf(FileProperties.class, f.properties().orElseThrow());
    }

    private static byte[] inline(FileProperties<FetchedMail> p) {
        return assertInstanceOf(ItemOperationsResponse.Bytes.class, p.data().orElseThrow()).bytes();
    }

    /** The ServerId of the one message the device's first Sync of the Inbox brings. */
    private String syncedServerId(Client phone, String inbox) {
        String key = Requests.only(phone.sync(Requests.sync(phone.version, "0", inbox))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> c = Requests.only(phone.sync(Requests.sync(phone.version, key, inbox)));
        assertEquals(1, c.commands().size());
        return ((SyncResponse.Add<MailData>) c.commands().get(0)).serverId();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void fetchByServerIdInEachBodyType(ProtocolVersion v) {
        String user = gw.newUser();
        byte[] small = "small attachment\r\n".getBytes(StandardCharsets.US_ASCII);
        mailbox.deliver(user, "bodies " + v, List.of(new Mailbox.Attachment("a.txt", "text/plain", small)));
        Client phone = gw.client(user, "bodies" + v.name(), v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String serverId = syncedServerId(phone, inbox);
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);

        ItemOperationsResponse<FetchedMail> r = items.itemOperations(of(item(inbox, serverId, bodies(body(1))),
                item(inbox, serverId, bodies(body(2))), item(inbox, serverId, bodies(body(4)))));
        assertEquals(3, r.results().size());
        FetchedMail plain = mail(fetch(r, 0));
        assertEquals(Optional.of("bodies " + v), plain.subject());
        assertEquals(Optional.of(1), plain.bodyType());
        assertEquals(Optional.of(Mailbox.PLAIN), plain.bodyData());
        FetchedMail html = mail(fetch(r, 1));
        assertEquals(Optional.of(2), html.bodyType());
        assertEquals(Optional.of(Mailbox.HTML), html.bodyData());
        FetchedMail mime = mail(fetch(r, 2));
        assertEquals(Optional.of(4), mime.bodyType());
        assertTrue(mime.bodyData().orElseThrow().contains("Subject: bodies " + v), mime.bodyData().get());
        assertEquals(Optional.of(inbox), fetch(r, 0).collectionId());
        assertEquals(Optional.of(serverId), fetch(r, 0).serverId());

        // Truncated: the first bytes and the whole size.
        var cut = new org.koppel.eas.sync.BodyPreference(1, Optional.of(5L), Optional.empty(), Optional.empty());
        FetchedMail shortBody = mail(fetch(items.itemOperations(of(item(inbox, serverId, bodies(cut)))), 0));
        assertEquals(Optional.of(Mailbox.PLAIN.substring(0, 5)), shortBody.bodyData());
        assertTrue(shortBody.truncated());
        assertEquals(Optional.of((long) Mailbox.PLAIN.length()), shortBody.estimatedSize());

        // The attachment by the FileReference the item carries, whole.
        FetchedMail.Attachment a = plain.attachments().get(0);
        assertEquals("a.txt", a.name());
        assertTrue(a.size() >= small.length, "EstimatedDataSize: the store counts the properties too");
        FetchResult<FetchedMail> f = fetch(items.itemOperations(of(file(a.fileReference(), Optional.empty()))), 0);
        assertEquals(Optional.of(a.fileReference()), f.fileReference());
        FileProperties<FetchedMail> p = fileOf(f);
        assertEquals(Optional.of("text/plain"), p.contentType());
        assertArrayEquals(small, inline(p));

        // The same item as a Search result names it: by LongId.
        String longId = gw.folder(user, EasFolderType.INBOX) + ":" + serverId;
        FetchResult<FetchedMail> byLongId = fetch(items.itemOperations(of(longId(longId, bodies(body(1))))), 0);
        assertEquals(Optional.of(longId), byLongId.longId());
        assertEquals(Optional.of(Mailbox.PLAIN), mail(byLongId).bodyData());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void aTwentyMegabyteAttachmentInThreeRanges(ProtocolVersion v) {
        ItemsClient items = new ItemsClient(gw, bigUser, "ranges" + v.name(), v);
        int third = 7_000_000;
        byte[] got = new byte[BIG];
        int at = 0;
        for (String range : List.of("0-6999999", "7000000-13999999", "14000000-20999999")) {
            FileProperties<FetchedMail> p = fileOf(fetch(items.itemOperations(of(file(bigReference,
                    Optional.of(range)))), 0));
            assertEquals(Optional.of((long) BIG), p.total());
            byte[] part = inline(p);
            String expected = at + "-" + Math.min(at + third, BIG) + "";
            assertEquals(Optional.of(at + "-" + (at + part.length - 1)), p.range(), "the range sent: " + expected);
            System.arraycopy(part, 0, got, at, part.length);
            at += part.length;
        }
        assertEquals(BIG, at, "the last range is cut at the end of the data");
        assertTrue(Arrays.equals(big, got), "the three ranges are the attachment");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void multipartResponsesCarryTheDataInParts(ProtocolVersion v) {
        String user = gw.newUser();
        byte[] data = Mailbox.bytes(300_000, 7);
        mailbox.deliver(user, "parts " + v, List.of(new Mailbox.Attachment("p.bin", "application/x-test", data)));
        Client phone = gw.client(user, "parts" + v.name(), v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String serverId = syncedServerId(phone, inbox);
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);
        String ref = mail(fetch(items.itemOperations(of(item(inbox, serverId, bodies(body(1))))), 0)).attachments()
                .get(0).fileReference();

        ItemsClient.Multipart m = items.itemOperationsMultipart(of(item(inbox, serverId, bodies(body(2))),
                file(ref, Optional.empty()), file(ref, Optional.of("1000-1999"))));
        FetchedMail html = mail(fetch(m.document(), 0));
        assertTrue(html.bodyData().isEmpty(), "the body's data is in a part");
        assertEquals(Mailbox.HTML, new String(m.part(html.bodyPart().orElseThrow()), StandardCharsets.UTF_8));
        FileProperties<FetchedMail> whole = fileOf(fetch(m.document(), 1));
        int wholePart = assertInstanceOf(ItemOperationsResponse.InPart.class, whole.data().orElseThrow()).part();
        assertArrayEquals(data, m.part(wholePart));
        FileProperties<FetchedMail> range = fileOf(fetch(m.document(), 2));
        assertEquals(Optional.of("1000-1999"), range.range());
        assertEquals(Optional.of((long) data.length), range.total());
        int rangePart = assertInstanceOf(ItemOperationsResponse.InPart.class, range.data().orElseThrow()).part();
        assertArrayEquals(Arrays.copyOfRange(data, 1000, 2000), m.part(rangePart));
        assertEquals(3, m.parts().size());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void emptyFolderContentsWithAndWithoutSubfolders(ProtocolVersion v) {
        String user = gw.newUser();
        String folder = gw.createMailFolder(user, "Full");
        String sub;
        try (BackendSession s = gw.backend.logonAs(user)) {
            sub = s.folders().create(Optional.of(folder), "Sub", EasFolderType.USER_MAIL).id();
        }
        for (int i = 0; i < 3; i++) {
            gw.deliver(user, "m" + i, java.time.Instant.now().minusSeconds(10 + i));
        }
        List<String> inInbox = gw.contents(user, EasFolderType.INBOX).stream().map(ItemChange.Added::itemId).toList();
        try (BackendSession s = gw.backend.logonAs(user)) {
            s.items().move(gw.folder(user, EasFolderType.INBOX), inInbox.subList(0, 2), folder);
            s.items().move(gw.folder(user, EasFolderType.INBOX), inInbox.subList(2, 3), sub);
        }
        Client phone = gw.client(user, "empty" + v.name(), v);
        String full = gw.collectionIdOf(user, phone.deviceId, folder);
        String key = Requests.only(phone.sync(Requests.sync(v, "0", full))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> before = Requests.only(phone.sync(Requests.sync(v, key, full)));
        assertEquals(2, before.commands().size());
        key = before.syncKey().orElseThrow();
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);

        ItemOperationsResponse<FetchedMail> r = items.itemOperations(of(
                new ItemOperationsRequest.EmptyFolderContents(full, false)));
        var result = assertInstanceOf(ItemOperationsResponse.EmptyFolderContentsResult.class, r.results().get(0));
        assertEquals(ItemOperationsStatus.SUCCESS, result.status());
        assertEquals(full, result.collectionId());
        try (BackendSession s = gw.backend.logonAs(user)) {
            assertTrue(s.folders().list().stream().anyMatch(f -> f.id().equals(sub)), "the subfolder stays");
            assertEquals(1, s.contents().estimate(sub, new byte[0], org.koppel.backend.FilterType.ALL));
            assertEquals(0, s.contents().estimate(folder, new byte[0], org.koppel.backend.FilterType.ALL));
        }
        // The device's next Sync of the folder reports both gone.
        SyncResponse.Collection<MailData> after = Requests.only(phone.sync(Requests.sync(v, key, full)));
        assertEquals(before.commands().stream().map(c -> ((SyncResponse.Add<MailData>) c).serverId())
                .collect(Collectors.toSet()), after.commands().stream()
                .map(c -> assertInstanceOf(SyncResponse.Delete.class, c).serverId()).collect(Collectors.toSet()));

        r = items.itemOperations(of(new ItemOperationsRequest.EmptyFolderContents(full, true)));
        assertEquals(ItemOperationsStatus.SUCCESS,
                ((ItemOperationsResponse.EmptyFolderContentsResult<FetchedMail>) r.results().get(0)).status());
        try (BackendSession s = gw.backend.logonAs(user)) {
            assertTrue(s.folders().list().stream().noneMatch(f -> f.id().equals(sub)), "the subfolder is gone");
            assertTrue(s.folders().list().stream().anyMatch(f -> f.id().equals(folder)), "the folder stays");
        }
        r = items.itemOperations(of(new ItemOperationsRequest.EmptyFolderContents("4711", false)));
        assertEquals(ItemOperationsStatus.OBJECT_NOT_FOUND,
                ((ItemOperationsResponse.EmptyFolderContentsResult<FetchedMail>) r.results().get(0)).status());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V14_0", "V14_1", "V16_0", "V16_1"})
    void conversationMove(ProtocolVersion v) {
        String user = gw.newUser();
        gw.deliver(user, "talk 1", java.time.Instant.now().minusSeconds(20));
        gw.deliver(user, "talk 2", java.time.Instant.now().minusSeconds(10));
        gw.deliver(user, "other", java.time.Instant.now().minusSeconds(5));
        byte[] conversation = Mailbox.bytes(16, 99);
        var inbox = gw.admin.stores().openUserStore(user).folder(org.koppel.store.client.WellKnownFolder.INBOX);
        var rows = gw.admin.contents().query(inbox, new org.koppel.store.client.TableQuery(List.of(
                org.koppel.mapi.PropTags.PR_ENTRYID, org.koppel.mapi.PropTags.PR_SUBJECT), Optional.empty(),
                org.koppel.mapi.SortOrderSet.none(), 0, 10, false)).rows();
        for (var row : rows) {
            if (row.toString().contains("talk")) {
                gw.admin.messages().update(row.entryId(), List.of(org.koppel.mapi.PropValue.of(
                        org.koppel.mapi.PropTags.PR_CONVERSATION_ID, conversation)), List.of());
            }
        }
        String archive = gw.createMailFolder(user, "Talks");
        Client phone = gw.client(user, "conv" + v.name(), v);
        String archiveId = gw.collectionIdOf(user, phone.deviceId, archive);
        String notes = gw.collectionId(user, phone.deviceId, EasFolderType.NOTES);
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);

        ItemOperationsResponse<FetchedMail> r = items.itemOperations(of(
                new ItemOperationsRequest.Move(conversation, notes, false),
                new ItemOperationsRequest.Move(conversation, archiveId, false),
                new ItemOperationsRequest.Move(conversation, archiveId, true),
                new ItemOperationsRequest.Move(Mailbox.bytes(16, 1), archiveId, false),
                new ItemOperationsRequest.Move(conversation, "4711", false)));
        List<ItemOperationsStatus> statuses = r.results().stream()
                .map(x -> ((ItemOperationsResponse.MoveResult<FetchedMail>) x).status()).toList();
        // Notes is no mail folder: 156 and nothing moved ([MS-ASCON] 2.2.2.10)
        assertEquals(List.of(ItemOperationsStatus.ACTION_NOT_SUPPORTED, ItemOperationsStatus.SUCCESS,
                ItemOperationsStatus.ACTION_NOT_SUPPORTED, ItemOperationsStatus.OBJECT_NOT_FOUND,
                ItemOperationsStatus.OBJECT_NOT_FOUND), statuses);
        assertArrayEquals(conversation, ((ItemOperationsResponse.MoveResult<FetchedMail>) r.results().get(0))
                .conversationId());
        assertEquals(Set.of("talk 1", "talk 2"), mailbox.subjects(user, archive));
        assertEquals(1, gw.contents(user, EasFolderType.INBOX).size());
    }

    /** Delivered mail carries the conversation inetmapi derived from its subject; a phone moves it by that id. */
    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V14_1", "V16_1"})
    void deliveredRepliesShareAConversationThePhoneCanMove(ProtocolVersion v) throws java.io.IOException {
        String user = gw.newUser();
        for (String subject : List.of("Budget 2027", "Re: Budget 2027", "RE: Fwd: Budget 2027", "Lunch?")) {
            gw.deliverMime(user, new java.io.ByteArrayInputStream(("From: colleague@example.net\r\nTo: " + user
                    + "@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + System.nanoTime()
                    + "@example.net>\r\n\r\ntext\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        byte[] conversation = gw.contents(user, EasFolderType.INBOX).stream()
                .map(a -> (org.koppel.backend.EmailItem) a.item()).filter(m -> m.subject().equals("Budget 2027"))
                .findFirst().orElseThrow().conversationId().orElseThrow();
        String archive = gw.createMailFolder(user, "Budget");
        Client phone = gw.client(user, "thread" + v.name(), v);
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);
        ItemOperationsResponse<FetchedMail> r = items.itemOperations(of(new ItemOperationsRequest.Move(conversation,
                gw.collectionIdOf(user, phone.deviceId, archive), false)));
        assertEquals(ItemOperationsStatus.SUCCESS,
                ((ItemOperationsResponse.MoveResult<FetchedMail>) r.results().get(0)).status());
        assertEquals(Set.of("Budget 2027", "Re: Budget 2027", "RE: Fwd: Budget 2027"), mailbox.subjects(user, archive));
        assertEquals(1, gw.contents(user, EasFolderType.INBOX).size(), "Lunch? stays");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void anotherUsersReferencesGiveNothing(ProtocolVersion v) {
        String thief = gw.newUser();
        ItemsClient items = new ItemsClient(gw, thief, "thief" + v.name(), v);
        String bigItem = gw.contents(bigUser, EasFolderType.INBOX).get(0).itemId();
        String longId = gw.folder(bigUser, EasFolderType.INBOX) + ":" + bigItem;
        ItemOperationsResponse<FetchedMail> r = items.itemOperations(of(file(bigReference, Optional.empty()),
                longId(longId, bodies(body(1)))));
        FetchResult<FetchedMail> f = fetch(r, 0);
        assertEquals(ItemOperationsStatus.INVALID_ATTACHMENT, f.status());
        assertTrue(f.properties().isEmpty());
        FetchResult<FetchedMail> l = fetch(r, 1);
        assertEquals(ItemOperationsStatus.OBJECT_NOT_FOUND, l.status());
        assertTrue(l.properties().isEmpty());
        if (v.compareTo(ProtocolVersion.V14_1) <= 0) {
            HttpResponse<byte[]> g = items.getAttachment(bigReference);
            assertEquals(500, g.statusCode());
            assertEquals(0, g.body().length);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void badInputGetsStatuses(ProtocolVersion v) {
        String user = gw.newUser();
        byte[] data = Mailbox.bytes(1000, 3);
        String id = mailbox.deliver(user, "bad " + v, List.of(new Mailbox.Attachment("x.bin", "application/x", data)));
        String ref = gw.item(user, EasFolderType.INBOX, id).attachments().get(0).fileReference();
        Client phone = gw.client(user, "badin" + v.name(), v);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        ItemsClient items = new ItemsClient(gw, user, phone.deviceId, v);

        List<String> ranges = List.of("abc", "10-5", "-5", "5-", "1000-1000", "99999999999-99999999999", "1-2-3", "");
        ItemOperationsRequest.Operation[] ops = ranges.stream().map(x -> file(ref, Optional.of(x)))
                .toArray(ItemOperationsRequest.Operation[]::new);
        ItemOperationsResponse<FetchedMail> r = items.itemOperations(of(ops));
        for (int i = 0; i < ranges.size(); i++) {
            assertEquals(ItemOperationsStatus.INVALID_RANGE, fetch(r, i).status(), "range '" + ranges.get(i) + "'");
            assertTrue(fetch(r, i).properties().isEmpty());
        }
        assertArrayEquals(Arrays.copyOfRange(data, 999, 1000), inline(fileOf(fetch(items.itemOperations(of(
                file(ref, Optional.of("999-5000")))), 0))), "an end past the data is cut");

        r = items.itemOperations(of(file("nonsense", Optional.empty()), file("00:1", Optional.empty()),
                file(ref.substring(0, ref.lastIndexOf(':')) + ":77", Optional.empty()),
                item("4711", "00AB", bodies(body(1))), item(inbox, "00AB", bodies(body(1))),
                longId("no-colon", bodies(body(1))), longId("00AB:00CD", bodies(body(1))),
                new ItemOperationsRequest.Fetch("DocumentLibrary", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of("\\\\server\\share\\file.txt"),
                        ItemOperationsRequest.FetchOptions.NONE),
                new ItemOperationsRequest.Fetch("Mailbox", Optional.empty(), Optional.of("00AB"), Optional.empty(),
                        Optional.empty(), Optional.empty(), ItemOperationsRequest.FetchOptions.NONE)));
        assertEquals(List.of(ItemOperationsStatus.INVALID_ATTACHMENT, ItemOperationsStatus.INVALID_ATTACHMENT,
                ItemOperationsStatus.INVALID_ATTACHMENT, ItemOperationsStatus.OBJECT_NOT_FOUND,
                ItemOperationsStatus.OBJECT_NOT_FOUND, ItemOperationsStatus.OBJECT_NOT_FOUND,
                ItemOperationsStatus.OBJECT_NOT_FOUND, ItemOperationsStatus.UNKNOWN_STORE,
                ItemOperationsStatus.PROTOCOL_ERROR),
                r.results().stream().map(x -> ((FetchResult<FetchedMail>) x).status()).toList());

        // A body that is not an ItemOperations document: the whole request's status 2.
        for (byte[] body : List.of(new byte[0], new byte[] {3, 1, 106, 0, 0, 20, 69, 1}, new byte[] {3, 1, 106, 0, 0,
                5, 69, 1})) {
            HttpResponse<byte[]> raw = items.itemOperationsRaw(body, false);
            assertEquals(200, raw.statusCode());
            ItemOperationsResponse<FetchedMail> doc = items.decodeItemOperations(raw.body());
            assertEquals(ItemOperationsStatus.PROTOCOL_ERROR, doc.status());
            assertTrue(doc.results().isEmpty());
        }
    }
}
