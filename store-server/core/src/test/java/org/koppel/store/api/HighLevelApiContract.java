package org.koppel.store.api;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaLevel;
import org.koppel.store.client.QuotaStatus;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreKind;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.StoreSummary;
import org.koppel.store.client.UserChanges;

/**
 * What the high-level API does, against any transport of the session API: the in-process engine
 * ({@link HighLevelApiTest}) and MAPI-over-SOAP (the soap module runs it too).
 */
public abstract class HighLevelApiContract {
    /** The store under test, through whichever transport. */
    protected abstract StoreServer server();

    /** A session as the system identity, through the same transport. */
    protected abstract Session systemSession();

    private Server system;
    private Server alice;
    private Server bob;
    private String aliceLogin;

    @BeforeEach
    void users() {
        if (system == null) {
            system = new Server(systemSession());
        }
        String suffix = Long.toString(System.nanoTime(), 36);
        aliceLogin = "alice" + suffix;
        system.createUser(aliceLogin, "Alice Archer", aliceLogin + "@example.org", "pw");
        system.createUser("bob" + suffix, "Bob Baker", "bob" + suffix + "@example.org", "pw");
        alice = Server.logon(server(), new Credentials.Password(aliceLogin, "pw"));
        bob = Server.logon(server(), new Credentials.Password("bob" + suffix, "pw"));
    }

    private static ItemDraft letter(String subject) {
        return ItemDraft.mail().subject(subject).body("Hello, " + subject).to("Carol", "carol@example.org");
    }

    // ---- server, users, groups

    @Test
    void usersAndGroups() {
        User a = system.user(aliceLogin);
        assertEquals("Alice Archer", a.fullName());
        assertEquals(aliceLogin + "@example.org", a.email());
        assertEquals(a, system.user(aliceLogin + "@example.org"), "found by address too");
        assertTrue(system.users().contains(a));
        assertEquals(aliceLogin, alice.me().name());
        assertThrows(MapiException.NotFound.class, () -> system.user("nobody-" + aliceLogin));
        assertThrows(MapiException.NoAccess.class, () -> alice.createUser("x" + aliceLogin, "X", "x@x", "pw"));

        String name = "team-" + aliceLogin;
        Group team = system.createGroup(name, name + "@example.org").add(a);
        assertEquals(List.of(a), team.members());
        assertTrue(system.groups().stream().anyMatch(g -> g.name().equals(name)));
        assertEquals(List.of(), system.group(name).remove(a).members());
    }

    @Test
    void usersAreChangedByAnAdministrator() {
        User a = system.user(aliceLogin);
        assertTrue(a.active());
        assertEquals(Set.of(Feature.values()), a.features());
        User changed = a.update(UserChanges.none().withFullName("Alice A").withEmail("aa-" + aliceLogin + "@example.org")
                .withAdmin(true).withActive(false).withAliases(List.of("a1-" + aliceLogin + "@example.org"))
                .withFeatures(Set.of(Feature.MAIL, Feature.IMAP)));
        assertEquals("Alice A", changed.fullName());
        assertEquals("aa-" + aliceLogin + "@example.org", changed.email());
        assertTrue(changed.admin());
        assertFalse(changed.active());
        assertEquals(List.of("a1-" + aliceLogin + "@example.org"), changed.aliases());
        assertEquals(Set.of(Feature.MAIL, Feature.IMAP), changed.features());
        assertEquals("Alice Archer", a.fullName(), "a User keeps the details it was made with");
        User reread = system.user("a1-" + aliceLogin + "@example.org");
        assertEquals(changed, reread, "found by the new alias");
        assertEquals(Set.of(Feature.MAIL, Feature.IMAP), reread.features());
        User back = reread.update(UserChanges.none().withActive(true).withAdmin(false));
        assertEquals("Alice A", back.fullName(), "what the changes leave out stays");
        assertTrue(back.active());
        assertFalse(back.admin());
        assertThrows(MapiException.NoAccess.class,
                () -> bob.user(aliceLogin).update(UserChanges.none().withFullName("Mallory")));
    }

    @Test
    void passwordsAreSetByAnAdministrator() {
        system.user(aliceLogin).setPassword("new-pw");
        Server again = Server.logon(server(), new Credentials.Password(aliceLogin, "new-pw"));
        assertEquals(aliceLogin, again.me().name());
        again.close();
        assertThrows(MapiException.LogonFailed.class,
                () -> Server.logon(server(), new Credentials.Password(aliceLogin, "pw")));
        assertThrows(MapiException.NoAccess.class, () -> bob.user(aliceLogin).setPassword("taken"));
    }

    @Test
    void quotasAreOwnOrTheServerDefault() {
        User a = system.user(aliceLogin);
        QuotaStatus initial = a.quota();
        assertEquals(aliceLogin, initial.login());
        assertTrue(initial.serverDefault());
        Quota limits = new Quota(1L << 20, 2L << 20, 3L << 20);
        QuotaStatus set = a.setQuota(limits);
        assertEquals(limits, set.quota());
        assertFalse(set.serverDefault());
        assertEquals(QuotaLevel.OK, set.level());
        assertEquals(limits, alice.me().quota().quota(), "a user reads their own quota");
        assertThrows(MapiException.NoAccess.class, () -> alice.user(bob.me().name()).quota());
        assertThrows(MapiException.NoAccess.class, () -> alice.me().setQuota(Quota.UNLIMITED));
        QuotaStatus reset = a.setQuota(null);
        assertTrue(reset.serverDefault());
        assertEquals(initial.quota(), reset.quota());
    }

    @Test
    void groupsAreDeleted() {
        String name = "gone-" + aliceLogin;
        Group g = system.createGroup(name, "").add(system.user(aliceLogin));
        assertEquals(List.of(aliceLogin), g.info().members());
        assertThrows(MapiException.NoAccess.class, () -> alice.group(name).delete());
        g.delete();
        assertThrows(MapiException.NotFound.class, () -> system.group(name));
        assertEquals(aliceLogin, system.user(aliceLogin).name(), "the members stay");
        assertThrows(MapiException.NotFound.class, g::delete);
        assertThrows(MapiException.NoAccess.class, () -> system.group("Everyone").delete());
    }

    @Test
    void orphanedStoresAreListedAndRemoved() {
        String login = "kept" + aliceLogin;
        User kept = system.createUser(login, "Kept", login + "@example.org", "pw");
        EntryId storeId = kept.store().entryId();
        StoreSummary owned = system.stores().stream().filter(s -> s.entryId().equals(storeId)).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(login), owned.ownerLogin());
        assertFalse(owned.orphaned());
        assertTrue(system.stores().stream().anyMatch(s -> s.kind() == StoreKind.PUBLIC));
        assertThrows(MapiException.NoAccess.class, () -> alice.stores());

        system.deleteUser(kept, false);
        StoreSummary orphan = system.stores().stream().filter(s -> s.entryId().equals(storeId)).findFirst().orElseThrow();
        assertTrue(orphan.orphaned());
        assertTrue(orphan.ownerLogin().isEmpty());
        assertThrows(MapiException.NoAccess.class, () -> alice.removeOrphanStore(storeId));
        assertThrows(MapiException.NoAccess.class, () -> system.removeOrphanStore(system.publicStore().entryId()),
                "a store with an owner (or the public one) is not an orphan");
        system.removeOrphanStore(storeId);
        assertTrue(system.stores().stream().noneMatch(s -> s.entryId().equals(storeId)));
        assertThrows(MapiException.NotFound.class, () -> system.removeOrphanStore(storeId));
    }

    // ---- stores and folders

    @Test
    void wellKnownFoldersAndPaths() {
        Store store = alice.store();
        assertEquals(aliceLogin, store.ownerLogin());
        assertEquals(store, system.user(aliceLogin).store(), "the same store, reached through the user");
        assertEquals("Inbox", store.inbox().name());
        assertEquals("Sent Items", store.sent().name());
        assertEquals("Outbox", store.outbox().name());
        assertEquals("Drafts", store.drafts().name());
        assertEquals("Deleted Items", store.deletedItems().name());
        assertEquals("Junk E-mail", store.junk().name());
        assertEquals("IPF.Appointment", store.calendar().containerClass());
        assertEquals("IPF.Contact", store.contacts().containerClass());
        assertEquals("IPF.Task", store.tasks().containerClass());
        assertEquals("IPF.StickyNote", store.notes().containerClass());
        assertEquals("", store.subtree().path());
        assertEquals("Inbox", store.inbox().path());

        Folder projects = store.inbox().createFolder("Projects");
        Folder y2026 = projects.createFolder("2026", "IPF.Note");
        assertEquals("IPF.Note", projects.containerClass(), "inherits the parent's class");
        assertEquals("Inbox/Projects/2026", y2026.path());
        assertEquals(y2026, store.folder("inbox/PROJECTS/2026"));
        assertEquals(projects, y2026.parent().orElseThrow());
        assertTrue(store.folders().containsAll(List.of(projects, y2026, store.calendar())));
        assertThrows(MapiException.NotFound.class, () -> store.folder("Inbox/Nowhere"));
        assertThrows(MapiException.Collision.class, () -> store.inbox().createFolder("projects"));

        Folder renamed = projects.rename("Work");
        assertEquals("Inbox/Work/2026", store.folder("Inbox/Work/2026").path());
        Folder moved = renamed.move(store.subtree());
        assertEquals("Work", moved.path());
        moved.delete();
        assertTrue(store.findFolder("Work").isEmpty());
        assertEquals(StoreKind.PUBLIC, alice.publicStore().kind());
    }

    // ---- items

    @Test
    void itemsCarryTheirProperties() {
        Instant when = Instant.parse("2026-03-01T09:30:00Z");
        byte[] data = "a small file".getBytes(StandardCharsets.UTF_8);
        Item item = alice.store().inbox().create(ItemDraft.mail().subject("Quarterly numbers")
                .body("See attached.").html("<p>See <b>attached</b>.</p>")
                .from(new Address("Dana", "dana@example.org")).to("Alice", aliceLogin + "@example.org")
                .cc("Erin", "erin@example.org").bcc("Finn", "finn@example.org")
                .importance(Importance.HIGH).received(when)
                .attach("numbers.csv", "text/csv", data));
        Item again = alice.store().inbox().item(item.entryId());
        assertEquals("Quarterly numbers", again.subject());
        assertEquals("See attached.", again.body());
        assertEquals("<p>See <b>attached</b>.</p>", again.html().orElseThrow());
        assertEquals(new Address("Dana", "dana@example.org"), again.sender().orElseThrow());
        assertEquals(List.of(new Address("Alice", aliceLogin + "@example.org")),
                again.recipients(RecipientType.MAPI_TO));
        assertEquals(List.of(new Address("Erin", "erin@example.org")), again.recipients(RecipientType.MAPI_CC));
        assertEquals(3, again.recipients().size());
        assertEquals(Importance.HIGH, again.importance());
        assertEquals(when, again.received().orElseThrow());
        assertEquals("IPM.Note", again.messageClass());
        assertFalse(again.read());
        assertFalse(again.created().isAfter(Instant.now()));
        assertFalse(again.modified().isBefore(again.created()));
        assertEquals(alice.store().inbox().entryId(), again.folderId());

        List<Attachment> attachments = again.attachments();
        assertEquals(1, attachments.size());
        Attachment a = attachments.get(0);
        assertEquals("numbers.csv", a.name());
        assertEquals("text/csv", a.mimeType());
        assertTrue(a.size() >= data.length);
        assertTrue(again.size() > a.size(), "the message counts its attachment and more");
        assertArrayEquals(data, a.bytes());
        try (InputStream in = a.open()) {
            assertArrayEquals(data, in.readAllBytes());
        } catch (IOException e) {
            fail(e);
        }
    }

    @Test
    void readFlagAndEdits() {
        Folder inbox = alice.store().inbox();
        Item item = inbox.create(letter("unread one").received(Instant.now()));
        assertEquals(1, inbox.unreadCount());
        assertTrue(item.setRead(true).read());
        assertEquals(0, inbox.unreadCount());
        assertFalse(item.setRead(false).read());
        assertEquals("renamed", item.setSubject("renamed").subject());
        assertEquals(Importance.LOW, item.setImportance(Importance.LOW).importance());
        assertEquals("new body", item.setBody("new body").refresh().body());
    }

    @Test
    void itemsArePagedNewestFirst() {
        Folder folder = alice.store().inbox().createFolder("Bulk");
        int n = Folder.PAGE * 2 + 17;
        List<MessageContent> contents = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            contents.add(letter("m" + i).received(base.plusSeconds(i)).content());
        }
        alice.session().messages().createAll(folder.entryId(), contents);
        List<String> subjects = new ArrayList<>();
        Set<Item> seen = new HashSet<>();
        for (Item item : folder.items()) {
            subjects.add(item.subject());
            seen.add(item);
        }
        assertEquals(n, subjects.size());
        assertEquals(n, seen.size());
        assertEquals("m" + (n - 1), subjects.get(0));
        assertEquals("m0", subjects.get(n - 1));
        assertEquals(n, folder.count());
        assertFalse(alice.store().drafts().items().iterator().hasNext());
    }

    @Test
    void moveCopyDeleteAndEmpty() {
        Store store = alice.store();
        Folder inbox = store.inbox();
        Folder archive = inbox.createFolder("Archive");
        Item item = inbox.create(letter("keep me"));
        Item moved = item.move(archive);
        assertEquals(item.entryId(), moved.entryId(), "a move inside the store keeps the entry id");
        assertEquals(archive.entryId(), moved.folderId());
        Item copy = moved.copy(inbox);
        assertNotEquals(moved.entryId(), copy.entryId());
        assertEquals("keep me", copy.subject());
        assertEquals(1, inbox.count());
        assertEquals(1, archive.count());
        copy.delete();
        assertEquals(0, inbox.count());
        assertThrows(MapiException.NotFound.class, () -> inbox.item(copy.entryId()).subject());

        Folder shared = alice.publicStore().subtree().createFolder("Shared " + aliceLogin);
        Item there = moved.move(shared);
        assertNotEquals(moved.entryId(), there.entryId(), "into another store: a new entry id");
        assertEquals("keep me", there.subject());
        assertEquals(0, archive.count());

        archive.create(letter("a"));
        archive.create(letter("b"));
        archive.empty();
        assertEquals(0, archive.count());
    }

    @Test
    void othersItemsStayPrivate() {
        Item item = alice.store().inbox().create(letter("secret"));
        Store alicesStore = bob.user(aliceLogin).store();
        assertThrows(MapiException.NoAccess.class, () -> alicesStore.inbox().item(item.entryId()).subject());
        assertThrows(MapiException.NoAccess.class, () -> bob.session().messages().delete(
                List.of(item.entryId()), false));
    }

    // ---- sending

    @Test
    void sendQueuesTheMessageForTheSpooler() {
        Store store = alice.store();
        Item sent = store.send(letter("to the spooler").attach("a.txt", "text/plain", new byte[] {42}));
        assertTrue(sent.submitted());
        assertEquals(store.outbox().entryId(), sent.folderId());
        assertTrue(sent.read());
        assertEquals(new Address("Alice Archer", aliceLogin + "@example.org"), sent.sender().orElseThrow());
        assertTrue(sent.sent().isPresent());
        List<QueuedMessage> queued = system.session().outgoing().pending(1000).stream()
                .filter(q -> q.message().equals(sent.entryId())).toList();
        assertEquals(1, queued.size());
        assertEquals(aliceLogin, queued.get(0).ownerLogin());
        assertThrows(MapiException.Submitted.class, () -> sent.setSubject("too late"));

        system.session().outgoing().sent(sent.entryId());
        Item filed = sent.refresh();
        assertFalse(filed.submitted());
        assertEquals(store.sent().entryId(), filed.folderId());
        assertEquals(1, store.sent().count());
    }

    @Test
    void draftsAreSentFromWhereTheyAre() {
        Store store = alice.store();
        Item draft = store.createDraft(ItemDraft.mail().subject("no one yet"));
        assertEquals(store.drafts().entryId(), draft.folderId());
        assertThrows(MapiException.NoRecipients.class, draft::send);
        draft.set(List.of(PropValue.of(PropTags.PR_SUBJECT, "still no one")));
        alice.session().messages().setRecipients(draft.entryId(), letter("x").content().recipients());
        assertTrue(draft.send().submitted());
        assertTrue(draft.abortSend());
        assertFalse(draft.submitted());
    }

    // ---- changes

    @Test
    void changesSinceAState() {
        Folder inbox = alice.store().inbox();
        Item first = inbox.create(letter("first"));
        Item second = inbox.create(letter("second"));
        FolderChanges all = inbox.changes(null);
        assertEquals(Set.of(first, second), Set.copyOf(all.changed()));
        assertTrue(all.removed().isEmpty());
        assertFalse(all.state().isEmpty());

        FolderChanges none = inbox.changes(all.state());
        assertTrue(none.changed().isEmpty());
        assertTrue(none.removed().isEmpty());

        Item third = inbox.create(letter("third"));
        first.setSubject("first, edited");
        org.koppel.mapi.SourceKey secondKey = second.sourceKey();
        second.delete();
        FolderChanges delta = inbox.changes(none.state());
        assertEquals(Set.of(first, third), Set.copyOf(delta.changed()));
        assertEquals(List.of(secondKey), delta.removed());
        assertThrows(MapiException.InvalidSyncState.class, () -> inbox.changes("not a state!"));
    }
}
