package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaLevel;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Rights;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.WellKnownFolder;

/**
 * The session API contract: every transport of the store (in-process now, SOAP later) extends this and
 * must pass it unchanged. Each test starts from a server with fresh users alice and bob.
 */
public abstract class SessionApiContract {

    protected abstract StoreServer server();

    protected abstract Session admin();

    protected Session alice;
    protected Session bob;
    private String alicePassword;

    @BeforeEach
    void users() {
        String suffix = Long.toString(System.nanoTime(), 36);
        alicePassword = "pw-" + suffix;
        admin().directory().createUser(NewUser.of("alice" + suffix, "Alice A", "alice" + suffix + "@example.org",
                alicePassword));
        admin().directory().createUser(NewUser.of("bob" + suffix, "Bob B", "bob" + suffix + "@example.org",
                "bobpw-" + suffix));
        alice = server().logon(new Credentials.Password("alice" + suffix, alicePassword));
        bob = server().logon(new Credentials.Password("bob" + suffix, "bobpw-" + suffix));
    }

    private static PropValue subject(String s) {
        return PropValue.of(PR_SUBJECT, s);
    }

    private static MessageContent mail(String subject, int flags) {
        return new MessageContent(List.of(subject(subject), PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_BODY, "Hello " + subject), PropValue.of(PR_MESSAGE_FLAGS, flags),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(subject.hashCode() & 0xffff))),
                List.of(Recipient.of(RecipientType.MAPI_TO, "Bob", "bob@example.org"),
                        Recipient.of(RecipientType.MAPI_CC, "Carol", "carol@example.org")),
                List.of(), false);
    }

    private EntryId inbox(Session s) {
        return s.stores().openOwn().folder(WellKnownFolder.INBOX);
    }

    // ---- stores

    @Test
    void privateStoreHasTheStandardFolders() {
        StoreInfo store = alice.stores().openOwn();
        for (WellKnownFolder w : WellKnownFolder.values()) {
            assertTrue(store.findFolder(w).isPresent(), "missing " + w);
        }
        FolderInfo inbox = alice.folders().info(store.folder(WellKnownFolder.INBOX));
        assertEquals("Inbox", inbox.name());
        assertEquals("IPF.Note", inbox.containerClass());
        assertEquals("IPF.Appointment", alice.folders().info(store.folder(WellKnownFolder.CALENDAR)).containerClass());
        List<String> names = alice.folders().children(store.folder(WellKnownFolder.IPM_SUBTREE), false).stream()
                .map(FolderInfo::name).toList();
        assertTrue(names.containsAll(List.of("Inbox", "Outbox", "Sent Items", "Deleted Items", "Drafts",
                "Junk E-mail", "Calendar", "Contacts", "Tasks", "Notes", "Journal")), names.toString());
        List<PropValue> props = alice.stores().properties(store.entryId(), List.of(PR_IPM_SUBTREE_ENTRYID,
                PR_IPM_WASTEBASKET_ENTRYID, PR_IPM_APPOINTMENT_ENTRYID));
        assertArrayEquals(store.folder(WellKnownFolder.IPM_SUBTREE).bytes(), (byte[]) props.get(0).javaValue());
        assertArrayEquals(store.folder(WellKnownFolder.DELETED_ITEMS).bytes(), (byte[]) props.get(1).javaValue());
        assertEquals(inbox(alice), alice.receiveFolders().get(store.entryId(), "IPM.Note.Custom"));
        assertNotNull(alice.stores().openPublic().folder(WellKnownFolder.IPM_SUBTREE));
    }

    // ---- folders

    @Test
    void folderCreateCollideRenameMoveCopyDelete() {
        EntryId ipm = alice.stores().openOwn().folder(WellKnownFolder.IPM_SUBTREE);
        EntryId a = alice.folders().create(ipm, "Projects", "IPF.Note", CollisionPolicy.FAIL);
        assertThrows(MapiException.Collision.class,
                () -> alice.folders().create(ipm, "projects", "IPF.Note", CollisionPolicy.FAIL));
        assertEquals(a, alice.folders().create(ipm, "PROJECTS", "IPF.Note", CollisionPolicy.OPEN_IF_EXISTS));
        EntryId a2 = alice.folders().create(ipm, "Projects", "IPF.Note", CollisionPolicy.RENAME);
        assertEquals("Projects (2)", alice.folders().info(a2).name());
        EntryId b = alice.folders().create(a, "Sub", "IPF.Note", CollisionPolicy.FAIL);
        EntryId c = alice.folders().create(b, "Deep", "IPF.Note", CollisionPolicy.FAIL);
        assertThrows(MapiException.FolderCycle.class, () -> alice.folders().move(a, c, CollisionPolicy.FAIL));
        assertThrows(MapiException.FolderCycle.class, () -> alice.folders().move(a, a, CollisionPolicy.FAIL));
        assertThrows(MapiException.FolderCycle.class,
                () -> alice.folders().copy(a, b, "X", true, CollisionPolicy.FAIL));
        assertEquals(1, alice.folders().info(a).childCount());
        alice.messages().create(c, mail("deep one", 0));
        alice.folders().move(c, a2, CollisionPolicy.FAIL);
        assertEquals(0, alice.folders().info(b).childCount());
        assertEquals(1, alice.folders().info(a2).childCount());
        alice.folders().rename(c, "Renamed");
        assertEquals("Renamed", alice.folders().info(c).name());
        assertThrows(MapiException.InvalidParameter.class, () -> alice.folders().rename(c, ""));
        assertThrows(MapiException.NoAccess.class, () -> alice.folders().rename(inbox(alice), "Post"));
        EntryId copy = alice.folders().copy(a2, ipm, "Copy", true, CollisionPolicy.FAIL);
        List<FolderInfo> tree = alice.folders().children(copy, true);
        assertEquals(1, tree.size());
        assertEquals("Renamed", tree.get(0).name());
        assertEquals(1, tree.get(0).contentCount());
        assertEquals(1, tree.get(0).depth());
        assertThrows(MapiException.HasFolders.class, () -> alice.folders().delete(a2, FolderDeletion.ONLY_IF_EMPTY));
        assertThrows(MapiException.HasMessages.class,
                () -> alice.folders().delete(c, FolderDeletion.ONLY_IF_EMPTY));
        long before = alice.stores().openOwn().sizeBytes();
        alice.folders().delete(a2, FolderDeletion.EVERYTHING);
        assertThrows(MapiException.NotFound.class, () -> alice.folders().info(c));
        assertTrue(alice.stores().openOwn().sizeBytes() < before);
    }

    @Test
    void folderPropertiesAndComputedOnes() {
        EntryId ipm = alice.stores().openOwn().folder(WellKnownFolder.IPM_SUBTREE);
        EntryId f = alice.folders().create(ipm, "Props", "IPF.Contact", CollisionPolicy.FAIL);
        alice.folders().setProperties(f, List.of(PropValue.of(PR_COMMENT, "a comment")));
        List<PropValue> p = alice.folders().properties(f, List.of(PR_COMMENT, PR_CONTAINER_CLASS, PR_CONTENT_COUNT,
                PR_SUBJECT));
        assertEquals("a comment", p.get(0).javaValue());
        assertEquals("IPF.Contact", p.get(1).javaValue());
        assertEquals(0, p.get(2).javaValue());
        assertEquals(MapiError.NOT_FOUND, p.get(3).javaValue());
        assertThrows(MapiException.NoAccess.class,
                () -> alice.folders().setProperties(f, List.of(PropValue.of(PR_CONTENT_COUNT, 5))));
    }

    // ---- messages

    /** Several messages changed in one call: each gets its change, none when one of them is refused. */
    @Test
    void updateAllChangesSeveralMessagesAtOnceOrNone() {
        EntryId inbox = inbox(alice);
        EntryId a = alice.messages().create(inbox, MessageContent.of(List.of(subject("a"))));
        EntryId b = alice.messages().create(inbox, MessageContent.of(List.of(subject("b"), PropValue.of(PR_IMPORTANCE, 2))));
        alice.messages().updateAll(List.of(
                new org.koppel.store.client.MessageUpdate(a, List.of(subject("a, edited")), List.of()),
                new org.koppel.store.client.MessageUpdate(b, List.of(), List.of(PR_IMPORTANCE))));
        assertEquals("a, edited", alice.messages().properties(a, List.of(PR_SUBJECT)).get(0).javaValue());
        assertEquals(org.koppel.mapi.PropType.PT_ERROR,
                alice.messages().properties(b, List.of(PR_IMPORTANCE)).get(0).tag().type(), "removed");
        alice.messages().updateAll(List.of());
        EntryId bobs = bob.messages().create(inbox(bob), MessageContent.of(List.of(subject("bob's"))));
        assertThrows(MapiException.class, () -> alice.messages().updateAll(List.of(
                new org.koppel.store.client.MessageUpdate(a, List.of(subject("a, again")), List.of()),
                new org.koppel.store.client.MessageUpdate(bobs, List.of(subject("not alice's")), List.of()))));
        assertEquals("a, edited", alice.messages().properties(a, List.of(PR_SUBJECT)).get(0).javaValue(),
                "all or none");
    }

    @Test
    void messageRoundTripWithCountsAndFlags() {
        EntryId inbox = inbox(alice);
        EntryId m = alice.messages().create(inbox, mail("first", 0));
        alice.messages().create(inbox, mail("second", MessageFlags.MSGFLAG_READ.value()));
        FolderInfo info = alice.folders().info(inbox);
        assertEquals(2, info.contentCount());
        assertEquals(1, info.unreadCount());
        MessageData data = alice.messages().load(m);
        assertEquals("first", data.property(PR_SUBJECT).orElseThrow().javaValue());
        assertEquals("Hello first", data.property(PR_BODY).orElseThrow().javaValue());
        assertEquals("Bob", data.property(PR_DISPLAY_TO).orElseThrow().javaValue());
        assertEquals("Carol", data.property(PR_DISPLAY_CC).orElseThrow().javaValue());
        assertEquals(2, data.recipients().size());
        assertEquals(RecipientType.MAPI_CC, data.recipients().get(1).type());
        assertEquals(22, ((byte[]) data.property(PR_SOURCE_KEY).orElseThrow().javaValue()).length);
        assertArrayEquals(m.bytes(), (byte[]) data.property(PR_ENTRYID).orElseThrow().javaValue());
        long size = (Long) data.property(PR_MESSAGE_SIZE_EXTENDED).orElseThrow().javaValue();
        assertTrue(size > 0);
        assertEquals(info.sizeBytes(), size + (Long) alice.messages().load(
                alice.contents().query(inbox, query(PR_SUBJECT)).rows().get(0).entryId().equals(m)
                        ? alice.contents().query(inbox, query(PR_SUBJECT)).rows().get(1).entryId()
                        : alice.contents().query(inbox, query(PR_SUBJECT)).rows().get(0).entryId())
                .property(PR_MESSAGE_SIZE_EXTENDED).orElseThrow().javaValue());

        byte[] ck1 = (byte[]) data.property(PR_CHANGE_KEY).orElseThrow().javaValue();
        alice.messages().update(m, List.of(subject("first, edited"), PropValue.of(PR_IMPORTANCE, 2)),
                List.of(PR_BODY));
        MessageData edited = alice.messages().load(m);
        assertEquals("first, edited", edited.property(PR_SUBJECT).orElseThrow().javaValue());
        assertTrue(edited.property(PR_BODY).isEmpty());
        byte[] ck2 = (byte[]) edited.property(PR_CHANGE_KEY).orElseThrow().javaValue();
        assertFalse(java.util.Arrays.equals(ck1, ck2));
        assertTrue((Long) edited.property(PR_CHANGE_NUMBER).orElseThrow().javaValue()
                > (Long) data.property(PR_CHANGE_NUMBER).orElseThrow().javaValue());

        assertEquals(1, alice.messages().setReadFlags(inbox, List.of(), true));
        assertEquals(0, alice.folders().info(inbox).unreadCount());
        assertEquals(2, alice.messages().setReadFlags(inbox, List.of(), false));
        assertEquals(2, alice.folders().info(inbox).unreadCount());
        alice.messages().update(m, List.of(PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value())),
                List.of());
        assertEquals(1, alice.folders().info(inbox).unreadCount());
    }

    private static TableQuery query(PropTag... columns) {
        return new TableQuery(List.of(columns), java.util.Optional.empty(),
                SortOrderSet.of(new SortOrder(PR_MESSAGE_DELIVERY_TIME, SortOrder.Direction.DESCENDING)), 0, 50,
                false);
    }

    @Test
    void softDeleteRestorePurgeAndHardDelete() {
        EntryId inbox = inbox(alice);
        EntryId m1 = alice.messages().create(inbox, mail("one", 0));
        EntryId m2 = alice.messages().create(inbox, mail("two", 0));
        alice.messages().delete(List.of(m1), false);
        FolderInfo info = alice.folders().info(inbox);
        assertEquals(1, info.contentCount());
        assertEquals(1, info.deletedCount());
        assertEquals(1, info.unreadCount());
        assertThrows(MapiException.NotFound.class, () -> alice.messages().load(m1));
        alice.messages().restore(List.of(m1));
        assertEquals(2, alice.folders().info(inbox).contentCount());
        assertEquals(0, alice.folders().info(inbox).deletedCount());
        alice.messages().delete(List.of(m1, m2), false);
        assertEquals(2, alice.messages().purgeDeleted(inbox, Instant.now().plusSeconds(1)));
        info = alice.folders().info(inbox);
        assertEquals(0, info.contentCount());
        assertEquals(0, info.deletedCount());
        assertEquals(0, info.sizeBytes());
        assertEquals(0, alice.stores().openOwn().sizeBytes());
        EntryId m3 = alice.messages().create(inbox, mail("three", 0));
        alice.messages().delete(List.of(m3), true);
        assertThrows(MapiException.NotFound.class, () -> alice.messages().restore(List.of(m3)));
        assertEquals(0, alice.stores().openOwn().sizeBytes());
    }

    @Test
    void copyAndMoveKeepCountsExact() {
        EntryId inbox = inbox(alice);
        EntryId ipm = alice.stores().openOwn().folder(WellKnownFolder.IPM_SUBTREE);
        EntryId archive = alice.folders().create(ipm, "Archive", "IPF.Note", CollisionPolicy.FAIL);
        EntryId m = alice.messages().create(inbox, mail("movable", 0));
        List<EntryId> copies = alice.messages().copy(List.of(m), archive);
        assertNotEquals(m, copies.get(0));
        assertEquals("movable", alice.messages().load(copies.get(0)).property(PR_SUBJECT).orElseThrow().javaValue());
        alice.messages().move(List.of(m), archive);
        assertEquals(0, alice.folders().info(inbox).contentCount());
        assertEquals(0, alice.folders().info(inbox).unreadCount());
        assertEquals(2, alice.folders().info(archive).contentCount());
        assertEquals(2, alice.folders().info(archive).unreadCount());
        assertEquals(archive, alice.messages().load(m).folder().orElseThrow());
        // across stores: into the public store
        EntryId pub = alice.stores().openPublic().folder(WellKnownFolder.IPM_SUBTREE);
        EntryId shared = alice.folders().create(pub, "Shared " + System.nanoTime(), "IPF.Note", CollisionPolicy.FAIL);
        assertEquals(Rights.ALL, alice.permissions().effectiveRights(shared), "the creator owns a public folder");
        assertEquals(Rights.Role.PUBLISHING_AUTHOR.rights(), bob.permissions().effectiveRights(shared),
                "a new public folder inherits its parent's ACL");
        alice.messages().move(List.of(m), shared);
        assertEquals(1, alice.folders().info(archive).contentCount());
        assertEquals(1, alice.folders().info(shared).contentCount());
        assertEquals("movable", bob.messages().load(alice.contents().query(shared, query(PR_SUBJECT)).rows().get(0)
                .entryId()).property(PR_SUBJECT).orElseThrow().javaValue());
    }

    @Test
    void associatedMessagesAreCountedApart() {
        EntryId inbox = inbox(alice);
        alice.messages().create(inbox, new MessageContent(List.of(PropValue.of(PR_MESSAGE_CLASS, "IPM.Configuration.X")),
                List.of(), List.of(), true));
        FolderInfo info = alice.folders().info(inbox);
        assertEquals(0, info.contentCount());
        assertEquals(1, info.associatedCount());
        TableResult fai = alice.contents().query(inbox, new TableQuery(List.of(PR_MESSAGE_CLASS, PR_MESSAGE_FLAGS),
                java.util.Optional.empty(), SortOrderSet.none(), 0, 10, true));
        assertEquals(1, fai.totalRows());
        assertEquals("IPM.Configuration.X", fai.rows().get(0).values().get(0).javaValue());
        assertTrue(MessageFlags.MSGFLAG_ASSOCIATED.isSet((Integer) fai.rows().get(0).values().get(1).javaValue()));
    }

    // ---- attachments

    @Test
    void attachmentsStreamAndNestFiveDeep() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        MessageContent inner = mail("level 5", 0);
        for (int level = 4; level >= 1; level--) {
            inner = new MessageContent(List.of(subject("level " + level)), List.of(),
                    List.of(new AttachmentContent.Embedded(List.of(PropValue.of(PR_DISPLAY_NAME, "embedded")), inner)),
                    false);
        }
        MessageContent top = new MessageContent(List.of(subject("top")), List.of(),
                List.of(new AttachmentContent.ByValue(List.of(PropValue.of(PR_ATTACH_LONG_FILENAME, "data.bin"),
                        PropValue.of(PR_ATTACH_MIME_TAG, "application/octet-stream")), InputStreamSource.ofBytes(data)),
                        new AttachmentContent.Embedded(List.of(), inner)), false);
        EntryId m = alice.messages().create(inbox(alice), top);
        MessageData loaded = alice.messages().load(m);
        assertEquals(2, loaded.attachments().size());
        AttachmentInfo file = loaded.attachments().get(0);
        assertEquals(AttachMethod.ATTACH_BY_VALUE, file.method());
        assertTrue(file.sizeBytes() >= data.length);
        try (InputStream in = alice.attachments().open(m, 0)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertTrue(MessageFlags.MSGFLAG_HASATTACH.isSet((Integer) loaded.property(PR_MESSAGE_FLAGS).orElseThrow().javaValue()));
        EntryId cursor = loaded.attachments().get(1).embeddedMessage().orElseThrow();
        for (int level = 1; level <= 4; level++) {
            MessageData md = alice.messages().load(cursor);
            assertEquals("level " + level, md.property(PR_SUBJECT).orElseThrow().javaValue());
            cursor = md.attachments().get(0).embeddedMessage().orElseThrow();
        }
        assertEquals("level 5", alice.messages().load(cursor).property(PR_SUBJECT).orElseThrow().javaValue());
        // bob cannot read any of it
        EntryId deepest = cursor;
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().load(deepest));
        assertThrows(MapiException.NoAccess.class, () -> bob.attachments().open(m, 0));
        // add and remove attachments keep sizes exact
        long before = alice.folders().info(inbox(alice)).sizeBytes();
        AttachmentInfo added = alice.attachments().add(m, new AttachmentContent.ByValue(List.of(),
                InputStreamSource.ofBytes(new byte[1000])));
        assertEquals(2, added.attachNum());
        assertTrue(alice.folders().info(inbox(alice)).sizeBytes() >= before + 1000);
        alice.attachments().delete(m, 2);
        alice.attachments().delete(m, 1);
        assertEquals(before - loaded.attachments().get(1).sizeBytes(), alice.folders().info(inbox(alice)).sizeBytes());
        assertEquals(alice.folders().info(inbox(alice)).sizeBytes(), alice.stores().openOwn().sizeBytes());
    }

    @Test
    void aLargeAttachmentStreamsThrough() throws Exception {
        long size = 20L << 20;
        InputStreamSource source = () -> new SeededStream(size, 42);
        EntryId m = alice.messages().create(inbox(alice), new MessageContent(List.of(subject("big")), List.of(),
                List.of(new AttachmentContent.ByValue(List.of(), source)), false));
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (InputStream in = source.open()) {
            digest(in, expected);
        }
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        try (InputStream in = alice.attachments().open(m, 0)) {
            assertEquals(size, digest(in, actual));
        }
        assertEquals(HexFormat.of().formatHex(expected.digest()), HexFormat.of().formatHex(actual.digest()));
    }

    private static long digest(InputStream in, MessageDigest md) throws IOException {
        byte[] buf = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
            total += n;
        }
        return total;
    }

    /** A deterministic pseudo-random stream of a given length, never held in memory. */
    static final class SeededStream extends InputStream {
        private final long length;
        private final Random random;
        private long pos;
        // The bytes of the last random int not handed out yet: the content must not depend on how the
        // reader slices it (Random.nextBytes would start a new int at every call).
        private int word;
        private int wordLeft;

        SeededStream(long length, long seed) {
            this.length = length;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - pos);
            for (int i = 0; i < n; i++) {
                if (wordLeft == 0) {
                    word = random.nextInt();
                    wordLeft = 4;
                }
                b[off + i] = (byte) word;
                word >>>= 8;
                wordLeft--;
            }
            pos += n;
            return n;
        }
    }

    // ---- named properties

    @Test
    void namedPropertiesMapPerStore() {
        EntryId store = alice.stores().openOwn().entryId();
        NamedProperty location = NamedProperty.id(PropertySets.PSETID_APPOINTMENT, 0x8208);
        NamedProperty custom = NamedProperty.name(PropertySets.PS_PUBLIC_STRINGS, "Koppel-Test");
        assertEquals(List.of(0, 0), alice.namedProperties().ids(store, List.of(location, custom), false));
        List<Integer> ids = alice.namedProperties().ids(store, List.of(location, custom), true);
        assertTrue(ids.get(0) >= 0x8000 && ids.get(1) >= 0x8000 && !ids.get(0).equals(ids.get(1)));
        assertEquals(ids, alice.namedProperties().ids(store, List.of(location, custom), true));
        assertEquals(location, alice.namedProperties().names(store, List.of(ids.get(0))).get(0).orElseThrow());
        PropTag tag = new PropTag(ids.get(0), PropType.PT_UNICODE);
        EntryId m = alice.messages().create(inbox(alice), MessageContent.of(List.of(PropValue.of(tag, "Room 1"))));
        assertEquals("Room 1", alice.messages().properties(m, List.of(tag)).get(0).javaValue());
        PropTag unmapped = new PropTag(0xFFF0, PropType.PT_LONG);
        assertThrows(MapiException.InvalidParameter.class, () -> alice.messages().create(inbox(alice),
                MessageContent.of(List.of(PropValue.of(unmapped, 1)))));
        NamedProperty bobsName = NamedProperty.name(PropertySets.PS_PUBLIC_STRINGS, "From-Bob");
        assertThrows(MapiException.NoAccess.class, () -> bob.namedProperties().ids(store, List.of(bobsName), true),
                "a stranger cannot use up alice's named-property ids");
        assertEquals(List.of(0), bob.namedProperties().ids(store, List.of(bobsName), false));
        // copying into bob's store (as admin) carries the property by name
        EntryId bobInbox = inbox(bob);
        EntryId copy = admin().messages().copy(List.of(m), bobInbox).get(0);
        int bobId = bob.namedProperties().ids(bob.stores().openOwn().entryId(), List.of(location), false).get(0);
        assertEquals("Room 1", bob.messages().properties(copy, List.of(new PropTag(bobId, PropType.PT_UNICODE)))
                .get(0).javaValue());
    }

    // ---- permissions

    @Test
    void otherUsersSeeNothingUntilAnAclGrantsIt() {
        EntryId aliceInbox = inbox(alice);
        EntryId m = alice.messages().create(aliceInbox, mail("private", 0));
        StoreInfo aliceStoreForBob = bob.stores().openUserStore(alice.user().login());
        assertThrows(MapiException.NoAccess.class, () -> bob.folders().info(aliceInbox));
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().load(m));
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().create(aliceInbox, mail("x", 0)));
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().delete(List.of(m), true));
        assertThrows(MapiException.NoAccess.class, () -> bob.contents().query(aliceInbox, query(PR_SUBJECT)));
        assertThrows(MapiException.NoAccess.class, () -> bob.permissions().set(aliceInbox, bob.user().login(),
                MemberKind.USER, Rights.ALL));
        assertThrows(MapiException.NoAccess.class,
                () -> bob.folders().children(aliceStoreForBob.folder(WellKnownFolder.IPM_SUBTREE), false));
        alice.permissions().set(aliceStoreForBob.folder(WellKnownFolder.IPM_SUBTREE), bob.user().login(),
                MemberKind.USER, Rights.FOLDER_VISIBLE);
        assertTrue(bob.folders().children(aliceStoreForBob.folder(WellKnownFolder.IPM_SUBTREE), false).isEmpty(),
                "bob sees the subtree but none of the folders inside it");

        alice.permissions().set(aliceInbox, bob.user().login(), MemberKind.USER, Rights.Role.REVIEWER.rights());
        assertEquals("private", bob.messages().load(m).property(PR_SUBJECT).orElseThrow().javaValue());
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().update(m, List.of(subject("hacked")), List.of()));
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().delete(List.of(m), false));

        alice.permissions().set(aliceInbox, bob.user().login(), MemberKind.USER, Rights.Role.AUTHOR.rights());
        EntryId bobs = bob.messages().create(aliceInbox, mail("from bob", 0));
        bob.messages().update(bobs, List.of(subject("bob edits own")), List.of());
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().update(m, List.of(subject("no")), List.of()));
        bob.messages().delete(List.of(bobs), true);

        admin().directory().createGroup("team-" + alice.user().login(), "");
        admin().directory().addMember("team-" + alice.user().login(), bob.user().login());
        alice.permissions().set(aliceInbox, bob.user().login(), MemberKind.USER, 0);
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().load(m));
        alice.permissions().set(aliceInbox, "team-" + alice.user().login(), MemberKind.GROUP,
                Rights.Role.EDITOR.rights());
        bob.messages().update(m, List.of(subject("edited by editor")), List.of());
        assertEquals(1, alice.permissions().list(aliceInbox).size());
        assertEquals(Rights.ALL, alice.permissions().effectiveRights(aliceInbox));
    }

    // ---- quotas

    @Test
    void hardQuotaRefusesAndWritesNothing() {
        String login = alice.user().login();
        admin().quotas().set(login, new Quota(2_000, 3_000, 5_000));
        assertThrows(MapiException.NoAccess.class, () -> alice.quotas().set(login, Quota.UNLIMITED));
        assertThrows(MapiException.NoAccess.class, () -> bob.quotas().status(login));
        EntryId inbox = inbox(alice);
        alice.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PR_BODY, "x".repeat(1200)))));
        assertEquals(QuotaLevel.WARN, alice.quotas().status(login).level());
        int countBefore = alice.folders().info(inbox).contentCount();
        long sizeBefore = alice.stores().openOwn().sizeBytes();
        assertThrows(MapiException.StoreFull.class, () -> alice.messages().create(inbox,
                MessageContent.of(List.of(PropValue.of(PR_BODY, "y".repeat(2000))))));
        assertEquals(countBefore, alice.folders().info(inbox).contentCount());
        assertEquals(sizeBefore, alice.stores().openOwn().sizeBytes());
        admin().quotas().set(login, null);
        assertTrue(alice.quotas().status(login).serverDefault());
    }

    // ---- users and logon

    @Test
    void logonByAddressWrongPasswordThrottleAndPasswordChange() {
        String login = alice.user().login();
        try (Session s = server().logon(new Credentials.Password(alice.user().email().toUpperCase(), alicePassword))) {
            assertEquals(login, s.user().login());
        }
        assertThrows(MapiException.LogonFailed.class,
                () -> server().logon(new Credentials.Password(login, "wrong")));
        assertThrows(MapiException.LogonFailed.class,
                () -> server().logon(new Credentials.Password("nobody-" + login, "x")));
        alice.directory().changeOwnPassword(alicePassword, "new-secret");
        assertThrows(MapiException.LogonFailed.class,
                () -> alice.directory().changeOwnPassword("not-it", "x"));
        server().logon(new Credentials.Password(login, "new-secret")).close();
        for (int i = 0; i < 6; i++) {
            assertThrows(MapiException.LogonFailed.class,
                    () -> server().logon(new Credentials.Password(login, "guess")));
        }
        // throttled now: even the right password is refused for a while
        assertThrows(MapiException.LogonFailed.class,
                () -> server().logon(new Credentials.Password(login, "new-secret")));
        assertThrows(MapiException.NoAccess.class,
                () -> bob.directory().createUser(NewUser.of("mallory", "M", "m@example.org", "pw")));
        assertThrows(MapiException.Collision.class,
                () -> admin().directory().createUser(NewUser.of(login, "Again", "again@example.org", "pw")));
        assertThrows(MapiException.InvalidParameter.class,
                () -> admin().directory().createUser(NewUser.of("bad login!", "B", "b@example.org", "pw")));
        Session closed = bob;
        closed.close();
        assertThrows(MapiException.EndOfSession.class, () -> closed.stores().openOwn());
    }

    // ---- send-as and delegates

    @Test
    void sendAsListsAreKeptByAdministratorsAndReadByTheirUser() {
        String a = alice.user().login();
        String b = bob.user().login();
        assertEquals(List.of(), admin().directory().sendAs(MemberKind.USER, a));
        admin().directory().grantSendAs(MemberKind.USER, a, b);
        admin().directory().grantSendAs(MemberKind.USER, a, b);
        assertEquals(List.of(b), admin().directory().sendAs(MemberKind.USER, a), "granting twice is one grant");
        assertEquals(List.of(b), alice.directory().sendAs(MemberKind.USER, a), "the user reads their own list");
        assertThrows(MapiException.NoAccess.class, () -> bob.directory().sendAs(MemberKind.USER, a));
        assertThrows(MapiException.NoAccess.class, () -> alice.directory().grantSendAs(MemberKind.USER, a, b),
                "only administrators grant send-as");
        assertThrows(MapiException.NoAccess.class, () -> bob.directory().revokeSendAs(MemberKind.USER, a, b));
        assertThrows(MapiException.InvalidParameter.class,
                () -> admin().directory().grantSendAs(MemberKind.USER, a, a));
        assertThrows(MapiException.NotFound.class,
                () -> admin().directory().grantSendAs(MemberKind.USER, a, "nobody-" + a));
        assertThrows(MapiException.NotFound.class,
                () -> admin().directory().grantSendAs(MemberKind.GROUP, "no-group-" + a, b));

        String group = "sales-" + a;
        admin().directory().createGroup(group, group + "@example.org");
        admin().directory().grantSendAs(MemberKind.GROUP, group, a);
        assertEquals(List.of(a), admin().directory().sendAs(MemberKind.GROUP, group));
        assertEquals(List.of(b), admin().directory().sendAs(MemberKind.USER, a), "a group's list is its own");

        admin().directory().revokeSendAs(MemberKind.USER, a, b);
        assertEquals(List.of(), admin().directory().sendAs(MemberKind.USER, a));
        assertThrows(MapiException.NotFound.class, () -> admin().directory().revokeSendAs(MemberKind.USER, a, b),
                "revoking what was not granted says so");
        admin().directory().deleteGroup(group);
        admin().directory().createGroup(group, "");
        assertEquals(List.of(), admin().directory().sendAs(MemberKind.GROUP, group),
                "a deleted group's list goes with it");
        admin().directory().deleteGroup(group);
    }

    @Test
    void delegatesAreKeptInTheMailboxByItsOwner() {
        String a = alice.user().login();
        String b = bob.user().login();
        assertEquals(List.of(), alice.permissions().delegates(a));
        alice.permissions().addDelegate(a, b);
        alice.permissions().addDelegate(a, b.toUpperCase(java.util.Locale.ROOT));
        assertEquals(List.of(b), alice.permissions().delegates(a), "adding twice is one entry");
        assertEquals(List.of(b), admin().permissions().delegates(a), "administrators see it");
        assertEquals(List.of(), bob.permissions().delegates(b), "it is alice's list, not bob's");
        assertThrows(MapiException.NoAccess.class, () -> bob.permissions().delegates(a));
        assertThrows(MapiException.NoAccess.class, () -> bob.permissions().addDelegate(a, b),
                "a delegate cannot appoint themself");
        assertThrows(MapiException.InvalidParameter.class, () -> alice.permissions().addDelegate(a, a));
        assertThrows(MapiException.NotFound.class, () -> alice.permissions().addDelegate(a, "nobody-" + a));
        alice.permissions().removeDelegate(a, b);
        assertEquals(List.of(), alice.permissions().delegates(a));
        assertThrows(MapiException.NotFound.class, () -> alice.permissions().removeDelegate(a, b));
        admin().permissions().addDelegate(a, b);
        assertEquals(List.of(b), alice.permissions().delegates(a), "an administrator may set it too");

        // A deleted user leaves no delegate entry behind.
        String carol = "carol" + Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of(carol, "Carol C", carol + "@example.org", "pw-" + carol));
        admin().permissions().addDelegate(a, carol);
        assertEquals(List.of(b, carol), alice.permissions().delegates(a));
        admin().directory().deleteUser(carol, true);
        assertEquals(List.of(b), alice.permissions().delegates(a));
    }

    @Test
    void deletingAUserRemovesTheStore() {
        String login = "temp" + System.nanoTime();
        admin().directory().createUser(NewUser.of(login, "Temp", login + "@example.org", "pw"));
        StoreInfo store = admin().stores().openUserStore(login);
        admin().messages().create(store.folder(WellKnownFolder.INBOX), mail("bye", 0));
        admin().directory().deleteUser(login, true);
        assertTrue(admin().directory().user(login).isEmpty());
        assertThrows(MapiException.NotFound.class, () -> admin().stores().open(store.entryId()));
    }

    // ---- bad input

    @Test
    void badInputGetsTheProperErrorAndWritesNothing() {
        EntryId inbox = inbox(alice);
        assertThrows(MapiException.InvalidType.class, () -> PropValue.of(PR_SUBJECT, 5));
        assertThrows(MapiException.NoAccess.class,
                () -> alice.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PR_ENTRYID, new byte[4])))));
        assertThrows(MapiException.TooBig.class, () -> alice.messages().create(inbox,
                MessageContent.of(List.of(PropValue.of(PR_BODY, "z".repeat(5_000_000))))));
        assertThrows(MapiException.InvalidType.class, () -> alice.messages().create(inbox, MessageContent.of(
                List.of(new PropValue.ErrorValue(new PropTag(0x6000, PropType.PT_ERROR), MapiError.NOT_FOUND)))));
        assertThrows(MapiException.InvalidEntryId.class, () -> alice.messages().load(inbox));
        EntryId forged = EntryId.of(alice.stores().openOwn().guid(), org.koppel.mapi.MapiObjectType.MAPI_FOLDER,
                Long.MAX_VALUE);
        assertThrows(MapiException.NotFound.class, () -> alice.folders().info(forged));
        EntryId bobInbox = inbox(bob);
        EntryId crossed = EntryId.of(alice.stores().openOwn().guid(), org.koppel.mapi.MapiObjectType.MAPI_FOLDER,
                bobInbox.objectId());
        assertThrows(MapiException.NotFound.class, () -> alice.folders().info(crossed));
        assertEquals(0, alice.folders().info(inbox).contentCount());
        assertEquals(0, alice.stores().openOwn().sizeBytes());
        assertThrows(MapiException.TooComplex.class, () -> {
            Restriction r = Restriction.exist(PR_SUBJECT);
            for (int i = 0; i < 40; i++) {
                r = new Restriction.Not(r);
            }
            alice.contents().query(inbox, new TableQuery(List.of(PR_SUBJECT), java.util.Optional.of(r),
                    SortOrderSet.none(), 0, 10, false));
        });
    }

    // ---- tables

    @Test
    void contentsTableSortsRestrictsAndPages() {
        EntryId inbox = inbox(alice);
        for (int i = 0; i < 30; i++) {
            alice.messages().create(inbox, new MessageContent(List.of(subject(String.format("msg %02d", i)),
                    PropValue.of(PR_MESSAGE_DELIVERY_TIME, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)),
                    PropValue.of(PR_IMPORTANCE, i % 3)), List.of(), List.of(), false));
        }
        TableResult page = alice.contents().query(inbox, new TableQuery(List.of(PR_SUBJECT, PR_IMPORTANCE),
                java.util.Optional.empty(),
                SortOrderSet.of(new SortOrder(PR_MESSAGE_DELIVERY_TIME, SortOrder.Direction.DESCENDING)), 5, 10, false));
        assertEquals(30, page.totalRows());
        assertEquals(10, page.rows().size());
        assertEquals("msg 24", page.rows().get(0).values().get(0).javaValue());
        assertEquals("msg 15", page.rows().get(9).values().get(0).javaValue());
        TableResult important = alice.contents().query(inbox, new TableQuery(List.of(PR_SUBJECT),
                java.util.Optional.of(Restriction.eq(PR_IMPORTANCE, 2)),
                SortOrderSet.of(new SortOrder(PR_SUBJECT, SortOrder.Direction.ASCENDING)), 0, 100, false));
        assertEquals(10, important.totalRows());
        assertEquals("msg 02", important.rows().get(0).values().get(0).javaValue());
    }

    // ---- concurrency

    @Test
    void concurrentWritersKeepCountsExact() throws Exception {
        EntryId inbox = inbox(alice);
        String login = alice.user().login();
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger created = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            futures.add(pool.submit(() -> {
                Session s = n % 2 == 0 ? alice : admin();
                for (int i = 0; i < perThread; i++) {
                    EntryId m = s.messages().create(inbox, mail("t" + n + " " + i, 0));
                    created.incrementAndGet();
                    if (i % 5 == 0) {
                        s.messages().setReadFlags(inbox, List.of(m), true);
                    }
                    if (i % 7 == 0) {
                        s.messages().delete(List.of(m), true);
                        created.decrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        FolderInfo info = alice.folders().info(inbox);
        TableResult all = alice.contents().query(inbox, new TableQuery(List.of(PR_MESSAGE_FLAGS, PR_MESSAGE_SIZE_EXTENDED),
                java.util.Optional.empty(), SortOrderSet.none(), 0, 10_000, false));
        assertEquals(created.get(), info.contentCount());
        assertEquals(created.get(), all.totalRows());
        long unread = all.rows().stream()
                .filter(r -> !MessageFlags.MSGFLAG_READ.isSet((Integer) r.values().get(0).javaValue())).count();
        long size = all.rows().stream().mapToLong(r -> (Long) r.values().get(1).javaValue()).sum();
        assertEquals(unread, info.unreadCount());
        assertEquals(size, info.sizeBytes());
        assertEquals(size, alice.stores().openOwn().sizeBytes());
        assertEquals(login, alice.user().login());
    }

    @Test
    void twoSessionsChangingTheSameMessageLeaveItConsistent() throws Exception {
        EntryId inbox = inbox(alice);
        EntryId m = alice.messages().create(inbox, mail("contended", 0));
        Session second = server().logon(new Credentials.Password(alice.user().login(), alicePassword));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (Session s : List.of(alice, second)) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    s.messages().update(m, List.of(subject(s.hashCode() + " " + i),
                            PropValue.of(PR_BODY, "x".repeat(i * 10))), List.of());
                    s.messages().setReadFlags(inbox, List.of(m), i % 2 == 0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        second.close();
        MessageData data = alice.messages().load(m);
        long size = (Long) data.property(PR_MESSAGE_SIZE_EXTENDED).orElseThrow().javaValue();
        FolderInfo info = alice.folders().info(inbox);
        assertEquals(1, info.contentCount());
        assertEquals(size, info.sizeBytes(), "folder size follows the last write");
        assertEquals(size, alice.stores().openOwn().sizeBytes());
        boolean read = MessageFlags.MSGFLAG_READ.isSet((Integer) data.property(PR_MESSAGE_FLAGS).orElseThrow().javaValue());
        assertEquals(read ? 0 : 1, info.unreadCount());
        assertTrue(((String) data.property(PR_SUBJECT).orElseThrow().javaValue()).endsWith(" 29"));
    }

    @Test
    void createAllSavesABatchOrNothing() {
        EntryId inbox = inbox(alice);
        List<MessageContent> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(mail("batch " + i, i % 2 == 0 ? MessageFlags.MSGFLAG_READ.value() : 0));
        }
        List<EntryId> ids = alice.messages().createAll(inbox, batch);
        assertEquals(20, ids.size());
        assertEquals("batch 7", alice.messages().load(ids.get(7)).property(PR_SUBJECT).orElseThrow().javaValue());
        FolderInfo info = alice.folders().info(inbox);
        assertEquals(20, info.contentCount());
        assertEquals(10, info.unreadCount());
        assertEquals(info.sizeBytes(), alice.stores().openOwn().sizeBytes());
        admin().quotas().set(alice.user().login(), new Quota(0, 0, info.sizeBytes() + 100));
        assertThrows(MapiException.StoreFull.class, () -> alice.messages().createAll(inbox, batch));
        assertEquals(20, alice.folders().info(inbox).contentCount(), "a refused batch leaves nothing behind");
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().createAll(inbox, batch));
    }

    // ---- notifications

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);

    /** A listener that queues what it hears, for tests to take in order. */
    static final class Recorder implements org.koppel.store.client.NotificationListener {
        final java.util.concurrent.BlockingQueue<org.koppel.store.client.Notification> heard =
                new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void onNotification(org.koppel.store.client.Notification n) {
            heard.add(n);
        }

        org.koppel.store.client.Notification next() throws InterruptedException {
            var n = heard.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            assertNotNull(n, "no notification within " + WAIT);
            return n;
        }

        void assertQuiet() throws InterruptedException {
            var n = heard.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertNull(n, "unexpected notification " + n);
        }
    }

    private static final java.util.Set<org.koppel.store.client.EventType> ALL_EVENTS =
            java.util.EnumSet.allOf(org.koppel.store.client.EventType.class);

    @Test
    void deliveriesAndChangesAreNotifiedAfterCommit() throws Exception {
        EntryId inbox = inbox(alice);
        Recorder inboxEvents = new Recorder();
        try (var sub = alice.notifications().subscribe(inbox, ALL_EVENTS, inboxEvents)) {
            EntryId delivered = admin().messages().create(inbox, mail("delivered", 0));
            var created = inboxEvents.next();
            assertEquals(org.koppel.store.client.EventType.OBJECT_CREATED, created.type());
            assertEquals(delivered, created.entryId().orElseThrow());
            assertEquals(inbox, created.parent().orElseThrow());
            var newMail = inboxEvents.next();
            assertEquals(org.koppel.store.client.EventType.NEW_MAIL, newMail.type());
            assertEquals("IPM.Note", newMail.messageClass());
            assertEquals(delivered, newMail.entryId().orElseThrow());

            EntryId own = alice.messages().create(inbox, mail("saved by alice", 0));
            assertEquals(org.koppel.store.client.EventType.OBJECT_CREATED, inboxEvents.next().type());
            alice.messages().update(own, List.of(subject("edited")), List.of());
            var modified = inboxEvents.next();
            assertEquals(org.koppel.store.client.EventType.OBJECT_MODIFIED, modified.type());
            assertEquals(own, modified.entryId().orElseThrow());

            EntryId archive = alice.folders().create(alice.stores().openOwn().folder(WellKnownFolder.IPM_SUBTREE),
                    "Archive", "IPF.Note", CollisionPolicy.FAIL);
            Recorder archiveEvents = new Recorder();
            try (var sub2 = alice.notifications().subscribe(archive, ALL_EVENTS, archiveEvents)) {
                alice.messages().move(List.of(own), archive);
                var movedOut = inboxEvents.next();
                assertEquals(org.koppel.store.client.EventType.OBJECT_MOVED, movedOut.type());
                assertEquals(inbox, movedOut.oldParent().orElseThrow());
                assertEquals(archive, movedOut.parent().orElseThrow());
                var movedIn = archiveEvents.next();
                assertEquals(org.koppel.store.client.EventType.OBJECT_MOVED, movedIn.type());
                assertEquals(own, movedIn.entryId().orElseThrow());
            }
            alice.messages().delete(List.of(delivered), false);
            assertEquals(org.koppel.store.client.EventType.OBJECT_DELETED, inboxEvents.next().type());

            // a refused write tells nobody anything
            admin().quotas().set(alice.user().login(), new Quota(0, 0, 1));
            assertThrows(MapiException.StoreFull.class, () -> admin().messages().create(inbox, mail("too much", 0)));
            inboxEvents.assertQuiet();
            admin().quotas().set(alice.user().login(), null);
        }
        admin().messages().create(inbox, mail("after close", 0));
        inboxEvents.assertQuiet();
    }

    @Test
    void storeWideSubscriptionsAndTheirLimits() throws Exception {
        StoreInfo store = alice.stores().openOwn();
        Recorder all = new Recorder();
        alice.notifications().subscribe(store.entryId(), java.util.EnumSet.of(
                org.koppel.store.client.EventType.NEW_MAIL), all);
        admin().messages().create(store.folder(WellKnownFolder.DRAFTS), mail("not a receive folder", 0));
        admin().messages().create(store.folder(WellKnownFolder.INBOX), mail("mail", 0));
        var n = all.next();
        assertEquals(org.koppel.store.client.EventType.NEW_MAIL, n.type());
        assertEquals(store.folder(WellKnownFolder.INBOX), n.parent().orElseThrow());
        all.assertQuiet();
        assertThrows(MapiException.NoAccess.class,
                () -> bob.notifications().subscribe(store.entryId(), ALL_EVENTS, new Recorder()));
        assertThrows(MapiException.NoAccess.class,
                () -> bob.notifications().subscribe(store.folder(WellKnownFolder.INBOX), ALL_EVENTS, new Recorder()));
        Session second = server().logon(new Credentials.Password(alice.user().login(), alicePassword));
        Recorder ended = new Recorder();
        second.notifications().subscribe(store.folder(WellKnownFolder.INBOX), ALL_EVENTS, ended);
        second.close();
        admin().messages().create(store.folder(WellKnownFolder.INBOX), mail("after logoff", 0));
        ended.assertQuiet();
    }

    @Test
    void newMailFollowsTheReceiveFolderWhenTheOwnerPointsItElsewhere() throws Exception {
        StoreInfo store = alice.stores().openOwn();
        EntryId inbox = store.folder(WellKnownFolder.INBOX);
        EntryId other = alice.folders().create(store.folder(WellKnownFolder.IPM_SUBTREE), "Incoming", "IPF.Note",
                CollisionPolicy.FAIL);
        Recorder all = new Recorder();
        alice.notifications().subscribe(store.entryId(), java.util.EnumSet.of(
                org.koppel.store.client.EventType.NEW_MAIL), all);
        admin().messages().create(inbox, mail("to the inbox", 0)); // reads (and keeps) the receive folders
        assertEquals(inbox, all.next().parent().orElseThrow());
        admin().messages().create(other, mail("not yet a receive folder", 0));
        all.assertQuiet();

        alice.receiveFolders().set(store.entryId(), "IPM.Note", other);
        admin().messages().create(other, mail("now a receive folder", 0));
        assertEquals(other, all.next().parent().orElseThrow());
        all.assertQuiet();
    }

    // ---- hierarchy tables

    @Test
    void hierarchyTableListsVisibleSubfoldersWithDepthRestrictionAndSort() {
        StoreInfo store = alice.stores().openOwn();
        EntryId ipm = store.folder(WellKnownFolder.IPM_SUBTREE);
        EntryId projects = alice.folders().create(ipm, "Projects", "IPF.Note", CollisionPolicy.FAIL);
        alice.folders().create(projects, "Alpha", "IPF.Note", CollisionPolicy.FAIL);
        alice.folders().create(projects, "Beta", "IPF.Contact", CollisionPolicy.FAIL);
        alice.messages().create(projects, mail("in projects", 0));
        List<PropTag> columns = List.of(PR_DISPLAY_NAME, PR_DEPTH, PR_CONTENT_COUNT, PR_SUBFOLDERS);

        var all = alice.folders().hierarchy(ipm, new org.koppel.store.client.HierarchyQuery(columns,
                java.util.Optional.empty(), SortOrderSet.none(), 0, 100, true));
        assertEquals(14, all.totalRows(), "11 standard folders, Projects and its two subfolders");
        var byName = new java.util.HashMap<String, List<PropValue>>();
        all.rows().forEach(r -> byName.put((String) r.values().get(0).javaValue(), r.values()));
        assertEquals(1, byName.get("Projects").get(1).javaValue());
        assertEquals(2, byName.get("Alpha").get(1).javaValue());
        assertEquals(1, byName.get("Projects").get(2).javaValue());
        assertEquals(true, byName.get("Projects").get(3).javaValue());

        var contacts = alice.folders().hierarchy(ipm, new org.koppel.store.client.HierarchyQuery(columns,
                java.util.Optional.of(Restriction.eq(PR_CONTAINER_CLASS, "IPF.Contact")),
                SortOrderSet.of(SortOrder.descending(PR_DISPLAY_NAME)), 0, 100, true));
        assertEquals(List.of("Contacts", "Beta"),
                contacts.rows().stream().map(r -> (String) r.values().get(0).javaValue()).toList());

        var direct = alice.folders().hierarchy(projects, new org.koppel.store.client.HierarchyQuery(columns,
                java.util.Optional.empty(), SortOrderSet.of(SortOrder.ascending(PR_DISPLAY_NAME)), 1, 5, false));
        assertEquals(2, direct.totalRows());
        assertEquals("Beta", direct.rows().get(0).values().get(0).javaValue(), "the page starts at offset 1");

        alice.permissions().set(ipm, bob.user().login(), MemberKind.USER, Rights.FOLDER_VISIBLE);
        alice.permissions().set(projects, bob.user().login(), MemberKind.USER, Rights.Role.REVIEWER.rights());
        var bobsView = bob.folders().hierarchy(ipm, new org.koppel.store.client.HierarchyQuery(columns,
                java.util.Optional.empty(), SortOrderSet.none(), 0, 100, true));
        assertEquals(List.of("Projects"), bobsView.rows().stream().map(r -> (String) r.values().get(0).javaValue())
                .toList(), "bob sees only what is shared with him");
    }

    @Test
    void aDeletedOrDisabledAccountsSessionEnds() {
        String login = "gone" + Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of(login, "Gone", login + "@example.org", "pw-gone"));
        Session s = server().logon(new Credentials.Password(login, "pw-gone"));
        s.stores().openOwn();
        admin().directory().updateUser(login, org.koppel.store.client.UserChanges.none().withActive(false));
        assertThrows(MapiException.EndOfSession.class, () -> s.stores().openOwn(), "disabled");
        assertThrows(MapiException.EndOfSession.class, () -> s.directory().users(), "directory reads too");
        admin().directory().updateUser(login, org.koppel.store.client.UserChanges.none().withActive(true));
        Session back = server().logon(new Credentials.Password(login, "pw-gone"));
        back.stores().openOwn();
        admin().directory().deleteUser(login, true);
        assertThrows(MapiException.EndOfSession.class, () -> back.stores().openOwn(), "deleted");
    }

    @Test
    void administratorsListEveryStoreAndSeeOrphans() {
        var own = alice.stores().openOwn();
        var listed = admin().stores().list();
        assertTrue(listed.stream().anyMatch(x -> x.entryId().equals(own.entryId()) && !x.orphaned()
                && x.ownerLogin().isPresent()));
        assertTrue(listed.stream().anyMatch(x -> x.kind() == org.koppel.store.client.StoreKind.PUBLIC));
        assertThrows(MapiException.NoAccess.class, () -> alice.stores().list());
        String login = "orph" + Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of(login, "O", login + "@example.org", "pw"));
        var store = admin().stores().openUserStore(login);
        admin().directory().deleteUser(login, false);
        assertTrue(admin().stores().list().stream().anyMatch(x -> x.entryId().equals(store.entryId()) && x.orphaned()));
    }

    @Test
    void anAdministratorMayActAsAnotherUserNobodyElseMay() {
        String login = "boss" + Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(new NewUser(login, "Boss", login + "@example.org", "pw-boss", true,
                org.koppel.store.client.UserKind.USER, List.of(), java.util.Set.of()));
        String aliceLogin = alice.user().login();
        EntryId aliceInbox = inbox(alice);
        alice.messages().create(aliceInbox, mail("for the boss to see", 0));
        try (Session asAlice = server().logon(new Credentials.Password(login, "pw-boss", aliceLogin))) {
            assertEquals(aliceLogin, asAlice.user().login(), "the session acts as the impersonated user");
            assertEquals(aliceInbox, inbox(asAlice), "and opens that user's own store");
            assertFalse(asAlice.user().admin(), "with that user's rights, not the administrator's");
            assertThrows(MapiException.NoAccess.class, () -> asAlice.directory().createUser(
                    NewUser.of("x" + login, "X", "x" + login + "@example.org", "pw")));
        }
        assertThrows(MapiException.NoAccess.class,
                () -> server().logon(new Credentials.Password(aliceLogin, alicePassword, login)),
                "a user who is not an administrator may not act as anyone");
        assertThrows(MapiException.LogonFailed.class,
                () -> server().logon(new Credentials.Password(login, "wrong", aliceLogin)));
        assertThrows(MapiException.LogonFailed.class,
                () -> server().logon(new Credentials.Password(login, "pw-boss", "nobody-" + login)));
    }
}
