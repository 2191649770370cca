package org.koppel.backend;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every backend passes: extend it, say how to make a user and how mail arrives or changes
 * outside the gateway, and the suite drives the SPI as the gateway will. Each test gets a fresh user.
 */
public abstract class BackendContractTest {

    /** A user of the mail source. */
    public record Account(String login, String password) {
    }

    /** A message to put into a mailbox from outside the gateway. */
    public record TestMail(String subject, Instant received, String text, Optional<String> html) {
        public static TestMail of(String subject, Instant received) {
            return new TestMail(subject, received, "Body of " + subject + "\r\nsecond line", Optional.empty());
        }
    }

    protected abstract Backend backend();

    /** A new user with an empty mailbox. */
    protected abstract Account newAccount();

    /** Delivers a message into the user's Inbox, as an MTA would. */
    protected abstract void deliver(Account account, TestMail mail);

    /** Changes the subject of the Inbox message with {@code subject}, as another client would. */
    protected abstract void serverChangeSubject(Account account, String subject, String newSubject);

    /** Deletes the Inbox message with {@code subject}, as another client would. */
    protected abstract void serverDelete(Account account, String subject);

    /** The subjects of the messages waiting to be sent (queued) for the user. */
    protected abstract List<String> queuedForSending(Account account);

    private static final Duration PUSH_WAIT = Duration.ofSeconds(20);

    protected Account account;
    protected BackendSession session;
    protected final Instant now = Instant.now();

    @BeforeEach
    void logOn() {
        account = newAccount();
        session = backend().logon(account.login(), account.password());
    }

    @AfterEach
    void logOff() {
        session.close();
    }

    protected BackendFolder folder(EasFolderType type) {
        return session.folders().list().stream().filter(f -> f.type() == type).findFirst().orElseThrow();
    }

    protected String inbox() {
        return folder(EasFolderType.INBOX).id();
    }

    private static ExportOptions options(FilterType filter, int max, BodyPreference... prefs) {
        return new ExportOptions(filter, max, List.of(prefs));
    }

    /** Exports everything from a state, page by page, and returns the changes and the final state. */
    private record Drained(List<ItemChange> changes, byte[] state) {
    }

    private Drained drain(String folder, byte[] state, FilterType filter) {
        List<ItemChange> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ExportPage p = session.contents().export(folder, state, options(filter, 100));
            all.addAll(p.changes());
            state = p.nextState();
            if (!p.moreAvailable()) {
                return new Drained(all, state);
            }
        }
        throw new AssertionError("export never completed");
    }

    private static String subject(ItemChange c) {
        Item item = switch (c) {
            case ItemChange.Added a -> a.item();
            case ItemChange.Changed ch -> ch.item();
            default -> throw new AssertionError("no item in " + c);
        };
        return ((EmailItem) item).subject();
    }

    private String idOf(String folder, String subject) {
        return drain(folder, new byte[0], FilterType.ALL).changes().stream()
                .filter(c -> c instanceof ItemChange.Added && subject(c).equals(subject)).findFirst().orElseThrow()
                .itemId();
    }

    // --- user and hierarchy

    @Test
    void userDetailsNameTheUser() {
        UserDetails u = session.user();
        assertFalse(u.primaryEmail().isEmpty());
        assertFalse(u.displayName().isEmpty());
    }

    @Test
    void serviceLogonActsForTheUser() {
        BackendSession as;
        try {
            as = backend().logonAs(account.login());
        } catch (BackendException.NotSupported e) {
            return; // a backend without a service identity says so, and that is allowed
        }
        try (as) {
            assertEquals(session.user(), as.user());
            assertEquals(inbox(), as.folders().list().stream().filter(f -> f.type() == EasFolderType.INBOX)
                    .findFirst().orElseThrow().id());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThrows(BackendException.AuthenticationFailed.class,
                () -> backend().logon(account.login(), account.password() + "x"));
    }

    @Test
    void hierarchyHasTheStandardFoldersWithTheirTypes() {
        List<BackendFolder> folders = session.folders().list();
        for (EasFolderType t : List.of(EasFolderType.INBOX, EasFolderType.DRAFTS, EasFolderType.DELETED_ITEMS,
                EasFolderType.SENT_ITEMS, EasFolderType.OUTBOX, EasFolderType.TASKS, EasFolderType.CALENDAR,
                EasFolderType.CONTACTS, EasFolderType.NOTES)) {
            assertEquals(1, folders.stream().filter(f -> f.type() == t).count(), t.toString());
        }
        assertTrue(folders.stream().allMatch(f -> f.id().length() <= 64));
        assertEquals(folders.size(), folders.stream().map(BackendFolder::id).distinct().count());
        assertTrue(folder(EasFolderType.INBOX).parentId().isEmpty(), "the Inbox is at the top");
    }

    @Test
    void folderCreateRenameDeleteShowInIncrementalHierarchyChanges() {
        HierarchyChanges initial = session.folders().changes(new byte[0]);
        assertEquals(session.folders().list().size(), initial.added().size());
        assertTrue(initial.deleted().isEmpty());
        HierarchyChanges again = session.folders().changes(initial.state());
        assertTrue(again.isEmpty(), "nothing changed: " + again);

        BackendFolder made = session.folders().create(Optional.of(inbox()), "Projects", EasFolderType.USER_MAIL);
        assertEquals(EasFolderType.USER_MAIL, made.type());
        assertEquals(Optional.of(inbox()), made.parentId());
        HierarchyChanges created = session.folders().changes(initial.state());
        assertEquals(List.of(made), created.added());
        // The same state again gives the same answer: the gateway commits states only when confirmed.
        assertEquals(created.added(), session.folders().changes(initial.state()).added());

        BackendFolder renamed = session.folders().update(made.id(), made.parentId(), "Work");
        assertEquals(made.id(), renamed.id());
        HierarchyChanges afterRename = session.folders().changes(created.state());
        assertEquals(List.of(renamed), afterRename.updated());
        assertTrue(afterRename.added().isEmpty());

        session.folders().delete(made.id());
        HierarchyChanges afterDelete = session.folders().changes(afterRename.state());
        assertEquals(List.of(made.id()), afterDelete.deleted());
        assertFalse(session.folders().list().stream().anyMatch(f -> f.id().equals(made.id())));
        assertThrows(BackendException.class, () -> session.folders().delete(inbox()),
                "standard folders cannot be deleted");
    }

    // --- export

    @Test
    void initialExportPagesWithMoreAvailable() {
        for (int i = 0; i < 5; i++) {
            deliver(account, TestMail.of("paged " + i, now.minusSeconds(60 * i)));
        }
        Set<String> ids = new HashSet<>();
        byte[] state = new byte[0];
        List<Boolean> more = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        do {
            ExportPage p = session.contents().export(inbox(), state, options(FilterType.ALL, 2));
            assertTrue(p.changes().size() <= 2);
            p.changes().forEach(c -> {
                assertInstanceOf(ItemChange.Added.class, c);
                assertTrue(ids.add(c.itemId()), "each item once");
            });
            sizes.add(p.changes().size());
            more.add(p.moreAvailable());
            state = p.nextState();
        } while (more.get(more.size() - 1));
        assertEquals(5, ids.size());
        assertTrue(more.size() >= 3, "five items in pages of two take at least three pages: " + sizes);
        assertTrue(session.contents().export(inbox(), state, options(FilterType.ALL, 2)).changes().isEmpty());
    }

    @Test
    void incrementalExportBringsNewChangedAndDeletedMail() {
        deliver(account, TestMail.of("first", now.minusSeconds(100)));
        deliver(account, TestMail.of("second", now.minusSeconds(90)));
        Drained initial = drain(inbox(), new byte[0], FilterType.ALL);
        assertEquals(2, initial.changes().size());

        deliver(account, TestMail.of("third", now.minusSeconds(10)));
        Drained next = drain(inbox(), initial.state(), FilterType.ALL);
        assertEquals(1, next.changes().size());
        assertEquals("third", subject(next.changes().get(0)));
        assertInstanceOf(ItemChange.Added.class, next.changes().get(0));

        String firstId = initial.changes().stream().filter(c -> subject(c).equals("first")).findFirst().orElseThrow()
                .itemId();
        String secondId = initial.changes().stream().filter(c -> subject(c).equals("second")).findFirst()
                .orElseThrow().itemId();
        serverChangeSubject(account, "first", "first, edited");
        serverDelete(account, "second");
        Drained changes = drain(inbox(), next.state(), FilterType.ALL);
        assertEquals(2, changes.changes().size(), changes.changes().toString());
        ItemChange changed = changes.changes().stream().filter(c -> c.itemId().equals(firstId)).findFirst()
                .orElseThrow();
        assertInstanceOf(ItemChange.Changed.class, changed);
        assertEquals("first, edited", subject(changed));
        assertTrue(changes.changes().contains(new ItemChange.Deleted(secondId)));
    }

    @Test
    void exportAgainFromAnUnconfirmedStateReturnsTheSameChanges() {
        deliver(account, TestMail.of("one", now.minusSeconds(30)));
        Drained initial = drain(inbox(), new byte[0], FilterType.ALL);
        deliver(account, TestMail.of("two", now.minusSeconds(20)));
        deliver(account, TestMail.of("three", now.minusSeconds(10)));
        ExportPage first = session.contents().export(inbox(), initial.state(), options(FilterType.ALL, 10));
        ExportPage retry = session.contents().export(inbox(), initial.state(), options(FilterType.ALL, 10));
        assertEquals(first.changes().stream().map(ItemChange::itemId).toList(),
                retry.changes().stream().map(ItemChange::itemId).toList());
        assertEquals(2, retry.changes().size());
        assertTrue(session.contents().export(inbox(), first.nextState(), options(FilterType.ALL, 10)).changes()
                .isEmpty());
    }

    @Test
    void filterWindowLeavesOldMailOutAndSoftDeletesWhatFallsOutOfIt() {
        deliver(account, TestMail.of("recent", now.minus(Duration.ofDays(2))));
        deliver(account, TestMail.of("ten days", now.minus(Duration.ofDays(10))));
        deliver(account, TestMail.of("old", now.minus(Duration.ofDays(40))));

        Drained week = drain(inbox(), new byte[0], FilterType.ONE_WEEK);
        assertEquals(List.of("recent"), week.changes().stream().map(BackendContractTest::subject).toList());

        Drained twoWeeks = drain(inbox(), new byte[0], FilterType.TWO_WEEKS);
        assertEquals(Set.of("recent", "ten days"),
                Set.copyOf(twoWeeks.changes().stream().map(BackendContractTest::subject).toList()));
        String tenDays = twoWeeks.changes().stream().filter(c -> subject(c).equals("ten days")).findFirst()
                .orElseThrow().itemId();

        // The client narrows its window: what is now outside is soft-deleted, not deleted.
        Drained narrowed = drain(inbox(), twoWeeks.state(), FilterType.ONE_WEEK);
        assertEquals(List.of(new ItemChange.SoftDeleted(tenDays)), narrowed.changes());
        assertEquals(1, session.contents().estimate(inbox(), twoWeeks.state(), FilterType.ONE_WEEK));
    }

    @Test
    void estimateCountsTheChangesAnExportWouldBring() {
        deliver(account, TestMail.of("a", now.minusSeconds(30)));
        deliver(account, TestMail.of("b", now.minusSeconds(20)));
        assertEquals(2, session.contents().estimate(inbox(), new byte[0], FilterType.ALL));
        Drained d = drain(inbox(), new byte[0], FilterType.ALL);
        assertEquals(0, session.contents().estimate(inbox(), d.state(), FilterType.ALL));
        deliver(account, TestMail.of("c", now.minusSeconds(10)));
        assertEquals(1, session.contents().estimate(inbox(), d.state(), FilterType.ALL));
    }

    @Test
    void aForeignStateIsInvalid() {
        assertThrows(BackendException.InvalidState.class, () -> session.contents().export(inbox(),
                "not a state at all".getBytes(StandardCharsets.UTF_8), options(FilterType.ALL, 10)));
    }

    // --- import

    @Test
    void clientChangesAreAppliedAndNotEchoedToTheSameState() {
        deliver(account, TestMail.of("read me", now.minusSeconds(30)));
        deliver(account, TestMail.of("flag me", now.minusSeconds(20)));
        deliver(account, TestMail.of("delete me", now.minusSeconds(10)));
        Drained initial = drain(inbox(), new byte[0], FilterType.ALL);
        Drained otherDevice = drain(inbox(), new byte[0], FilterType.ALL);
        String readMe = idOf(inbox(), "read me");
        String flagMe = idOf(inbox(), "flag me");
        String deleteMe = idOf(inbox(), "delete me");

        Flag flag = Flag.active("Follow up", Optional.of(now), Optional.of(now.plus(Duration.ofDays(1))));
        ImportResults r = session.contents().importChanges(inbox(), initial.state(), List.of(
                new ClientChange.Change(readMe, EmailUpdate.read(true)),
                new ClientChange.Change(flagMe, new EmailUpdate(Optional.empty(), Optional.of(flag),
                        Optional.of(List.of("Work", "Blue")))),
                new ClientChange.Delete(deleteMe, true)), ConflictPolicy.SERVER_WINS);
        assertEquals(List.of(ChangeResult.Outcome.APPLIED, ChangeResult.Outcome.APPLIED,
                ChangeResult.Outcome.APPLIED), r.results().stream().map(ChangeResult::outcome).toList());

        assertTrue(drain(inbox(), r.state(), FilterType.ALL).changes().isEmpty(), "not echoed to the same state");

        // Another device, with a state of its own, sees all three.
        Drained other = drain(inbox(), otherDevice.state(), FilterType.ALL);
        assertTrue(other.changes().contains(new ItemChange.ReadChanged(readMe, true)), other.changes().toString());
        assertTrue(other.changes().stream().anyMatch(c -> c instanceof ItemChange.Changed && c.itemId().equals(flagMe)));
        assertTrue(other.changes().contains(new ItemChange.Deleted(deleteMe)));
        EmailItem flagged = (EmailItem) session.items().fetch(inbox(), flagMe, List.of());
        assertEquals(Flag.Status.ACTIVE, flagged.flag().orElseThrow().status());
        assertEquals("Follow up", flagged.flag().get().flagType());
        assertEquals(List.of("Work", "Blue"), flagged.categories());
        assertTrue(((EmailItem) session.items().fetch(inbox(), readMe, List.of())).read());

        // Moved to Deleted Items, not gone.
        String deleted = folder(EasFolderType.DELETED_ITEMS).id();
        assertEquals(List.of("delete me"), drain(deleted, new byte[0], FilterType.ALL).changes().stream()
                .map(BackendContractTest::subject).toList());

        // Clearing the flag.
        ImportResults cleared = session.contents().importChanges(inbox(), r.state(),
                List.of(new ClientChange.Change(flagMe, EmailUpdate.flag(Flag.cleared()))), ConflictPolicy.SERVER_WINS);
        assertEquals(ChangeResult.Outcome.APPLIED, cleared.results().get(0).outcome());
        assertTrue(((EmailItem) session.items().fetch(inbox(), flagMe, List.of())).flag().isEmpty());
    }

    @Test
    void conflictsFollowThePolicy() {
        deliver(account, TestMail.of("contested", now.minusSeconds(30)));
        Drained initial = drain(inbox(), new byte[0], FilterType.ALL);
        String id = idOf(inbox(), "contested");
        serverChangeSubject(account, "contested", "server edit");

        ImportResults serverWins = session.contents().importChanges(inbox(), initial.state(),
                List.of(new ClientChange.Change(id, EmailUpdate.categories(List.of("client")))),
                ConflictPolicy.SERVER_WINS);
        assertEquals(ChangeResult.Outcome.CONFLICT_SERVER_WON, serverWins.results().get(0).outcome());
        assertTrue(((EmailItem) session.items().fetch(inbox(), id, List.of())).categories().isEmpty());
        // The server's version goes to the client.
        List<ItemChange> next = drain(inbox(), serverWins.state(), FilterType.ALL).changes();
        assertEquals(1, next.size());
        assertEquals("server edit", subject(next.get(0)));

        ImportResults clientWins = session.contents().importChanges(inbox(), initial.state(),
                List.of(new ClientChange.Change(id, EmailUpdate.categories(List.of("client")))),
                ConflictPolicy.CLIENT_WINS);
        assertEquals(ChangeResult.Outcome.CONFLICT_CLIENT_WON, clientWins.results().get(0).outcome());
        EmailItem now = (EmailItem) session.items().fetch(inbox(), id, List.of());
        assertEquals(List.of("client"), now.categories());
        assertEquals("server edit", now.subject(), "the client changed only the categories");
    }

    @Test
    void changesToAMissingItemAreNotFound() {
        deliver(account, TestMail.of("vanishing", now.minusSeconds(30)));
        Drained initial = drain(inbox(), new byte[0], FilterType.ALL);
        String id = idOf(inbox(), "vanishing");
        serverDelete(account, "vanishing");
        ImportResults r = session.contents().importChanges(inbox(), initial.state(),
                List.of(new ClientChange.Change(id, EmailUpdate.read(true))), ConflictPolicy.CLIENT_WINS);
        assertEquals(ChangeResult.Outcome.NOT_FOUND, r.results().get(0).outcome());
    }

    @Test
    void clientAddsADraft() {
        String drafts = folder(EasFolderType.DRAFTS).id();
        Drained initial = drain(drafts, new byte[0], FilterType.ALL);
        EmailItem draft = EmailItem.draft(List.of(new EmailAddress("Bob", "bob@example.org")), List.of(), "draft",
                Importance.HIGH, Optional.of(new Body(BodyType.PLAIN_TEXT, 5, false,
                        Optional.of(new Body.Text("hello")), Optional.empty())));
        ImportResults r = session.contents().importChanges(drafts, initial.state(),
                List.of(new ClientChange.Add("client-1", draft)), ConflictPolicy.SERVER_WINS);
        String id = r.results().get(0).itemId().orElseThrow();
        assertEquals(ChangeResult.Outcome.APPLIED, r.results().get(0).outcome());
        assertTrue(drain(drafts, r.state(), FilterType.ALL).changes().isEmpty(), "not echoed");
        EmailItem saved = (EmailItem) session.items().fetch(drafts, id, List.of(BodyPreference.of(BodyType.PLAIN_TEXT)));
        assertEquals("draft", saved.subject());
        assertEquals(Importance.HIGH, saved.importance());
        assertEquals(List.of("bob@example.org"), saved.to().stream().map(EmailAddress::address).toList());
        assertEquals("hello", ((Body.Text) saved.body().orElseThrow().data().orElseThrow()).text());
    }

    // --- fetch

    @Test
    void fetchGivesEachBodyTypeWithTruncationAndPreview() throws IOException {
        deliver(account, new TestMail("bodies", now.minusSeconds(5), "Hello plain world, this is the text body.",
                Optional.of("<p>Hello <b>HTML</b> world</p>")));
        String id = idOf(inbox(), "bodies");

        EmailItem plain = (EmailItem) session.items().fetch(inbox(), id, List.of(BodyPreference.of(BodyType.PLAIN_TEXT)));
        Body pb = plain.body().orElseThrow();
        assertEquals(BodyType.PLAIN_TEXT, pb.type());
        assertFalse(pb.truncated());
        assertTrue(((Body.Text) pb.data().orElseThrow()).text().startsWith("Hello plain world"));

        EmailItem cut = (EmailItem) session.items().fetch(inbox(), id,
                List.of(BodyPreference.truncated(BodyType.PLAIN_TEXT, 5).withPreview(11)));
        Body cb = cut.body().orElseThrow();
        assertTrue(cb.truncated());
        assertEquals("Hello", ((Body.Text) cb.data().orElseThrow()).text());
        assertTrue(cb.estimatedDataSize() > 5);
        assertEquals(Optional.of("Hello plain"), cb.preview());

        EmailItem none = (EmailItem) session.items().fetch(inbox(), id, List.of(new BodyPreference(BodyType.PLAIN_TEXT,
                java.util.OptionalLong.of(5), true, 0)));
        assertTrue(none.body().orElseThrow().truncated());
        assertTrue(none.body().get().data().isEmpty(), "AllOrNone leaves a too-large body out");

        EmailItem html = (EmailItem) session.items().fetch(inbox(), id, List.of(BodyPreference.of(BodyType.HTML)));
        assertEquals(BodyType.HTML, html.body().orElseThrow().type());
        assertTrue(((Body.Text) html.body().get().data().orElseThrow()).text().contains("<b>HTML</b>"));

        EmailItem mime = (EmailItem) session.items().fetch(inbox(), id,
                List.of(BodyPreference.of(BodyType.HTML), BodyPreference.of(BodyType.MIME)));
        Body mb = mime.body().orElseThrow();
        assertEquals(BodyType.MIME, mb.type());
        String text;
        try (InputStream in = ((Body.Stream) mb.data().orElseThrow()).source().open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("Subject: bodies"), text);
        assertEquals(mb.estimatedDataSize(), text.getBytes(StandardCharsets.UTF_8).length);

        EmailItem mimeCut = (EmailItem) session.items().fetch(inbox(), id, List.of(BodyPreference.truncated(BodyType.MIME, 20)));
        assertTrue(mimeCut.body().orElseThrow().truncated());
        assertEquals(20, ((Body.Stream) mimeCut.body().get().data().orElseThrow()).length());

        assertEquals("bodies", plain.subject());
        assertFalse(plain.read());
        assertTrue(plain.dateReceived().isPresent());
        assertTrue(plain.from().isPresent());
        assertThrows(BackendException.NotFound.class, () -> session.items().fetch(inbox(),
                folder(EasFolderType.DRAFTS).id(), List.of()));
    }

    @Test
    void moveItemsGivesNewIdsInTheDestination() {
        deliver(account, TestMail.of("mover", now.minusSeconds(5)));
        String id = idOf(inbox(), "mover");
        BackendFolder target = session.folders().create(Optional.empty(), "Archive", EasFolderType.USER_MAIL);
        List<MoveResult> moved = session.items().move(inbox(), List.of(id, id), target.id());
        String newId = moved.get(0).newItemId().orElseThrow();
        assertTrue(moved.get(1).newItemId().isEmpty(), "the second move finds nothing left to move");
        assertEquals("mover", ((EmailItem) session.items().fetch(target.id(), newId, List.of())).subject());
        assertThrows(BackendException.NotFound.class, () -> session.items().fetch(inbox(), id, List.of()));
    }

    @Test
    void moveTellsWhatBecameOfEachItem() {
        deliver(account, TestMail.of("one to move", now.minusSeconds(5)));
        String id = idOf(inbox(), "one to move");
        BackendFolder target = session.folders().create(Optional.empty(), "Moved", EasFolderType.USER_MAIL);
        List<MoveResult> r = session.items().move(inbox(), List.of("not an id", id, id), target.id());
        assertEquals(List.of(MoveResult.Outcome.NOT_FOUND, MoveResult.Outcome.MOVED, MoveResult.Outcome.NOT_FOUND),
                r.stream().map(MoveResult::outcome).toList());
        assertEquals(id, r.get(1).itemId());
        assertThrows(BackendException.NotFound.class,
                () -> session.items().move(inbox(), List.of(id), "0000000000000000000000000000000000000000000000"));
        assertThrows(BackendException.NotFound.class, () -> session.items().attachment("no such reference"));
    }

    @Test
    void emptyFolderDeletesItsMessagesAndOnRequestItsSubfolders() {
        deliver(account, TestMail.of("in full", now.minusSeconds(20)));
        deliver(account, TestMail.of("in sub", now.minusSeconds(10)));
        BackendFolder full = session.folders().create(Optional.empty(), "Full", EasFolderType.USER_MAIL);
        BackendFolder sub = session.folders().create(Optional.of(full.id()), "Sub", EasFolderType.USER_MAIL);
        session.items().move(inbox(), List.of(idOf(inbox(), "in full")), full.id());
        session.items().move(inbox(), List.of(idOf(inbox(), "in sub")), sub.id());
        Drained before = drain(full.id(), new byte[0], FilterType.ALL);
        assertEquals(1, before.changes().size());

        session.folders().empty(full.id(), false);
        Drained after = drain(full.id(), before.state(), FilterType.ALL);
        assertEquals(List.of(before.changes().get(0).itemId()), after.changes().stream()
                .map(c -> assertInstanceOf(ItemChange.Deleted.class, c).itemId()).toList(), "reported deleted");
        assertEquals(1, drain(sub.id(), new byte[0], FilterType.ALL).changes().size(), "the subfolder is kept");

        session.folders().empty(full.id(), true);
        assertTrue(session.folders().list().stream().noneMatch(f -> f.id().equals(sub.id())));
        assertTrue(session.folders().list().stream().anyMatch(f -> f.id().equals(full.id())));
        assertThrows(BackendException.NotFound.class,
                () -> session.folders().empty("0000000000000000000000000000000000000000000000", false));
    }

    @Test
    void sendMailQueuesTheMessage() {
        String mime = "From: " + session.user().primaryEmail() + "\r\nTo: someone@example.net\r\n"
                + "Subject: sent from the phone\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHi\r\n";
        session.mail().send(new ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)), true);
        assertEquals(List.of("sent from the phone"), queuedForSending(account));
    }

    private static ByteArrayInputStream mime(String from, String to, String subject, String text) {
        String m = "From: " + from + "\r\n" + (to.isEmpty() ? "" : "To: " + to + "\r\n") + "Subject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n";
        return new ByteArrayInputStream(m.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void replyAndForwardQueueTheMessageAndMarkTheSource() {
        deliver(account, TestMail.of("question", now.minusSeconds(5)));
        String id = idOf(inbox(), "question");
        String me = session.user().primaryEmail();
        MailSubmission.Source source = new MailSubmission.Source(inbox(), id);
        session.mail().reply(source, mime(me, "someone@example.net", "Re: question", "Answer"),
                new MailSubmission.Options(false, true));
        assertEquals(Optional.of(LastVerb.REPLY_TO_SENDER),
                ((EmailItem) session.items().fetch(inbox(), id, List.of())).lastVerbExecuted());
        session.mail().forward(source, mime(me, "other@example.net", "Fw: question", "FYI"),
                new MailSubmission.Options(true, false), List.of(EmailAddress.of("third@example.net")));
        EmailItem after = (EmailItem) session.items().fetch(inbox(), id, List.of());
        assertEquals(Optional.of(LastVerb.FORWARD), after.lastVerbExecuted());
        assertTrue(after.lastVerbExecutionTime().isPresent());
        assertEquals(List.of("Fw: question", "Re: question"), queuedForSending(account).stream().sorted().toList());
    }

    @Test
    void aMessageThatCannotBeSentIsRefusedAndNothingIsQueued() {
        String me = session.user().primaryEmail();
        BackendException.InvalidMessage none = assertThrows(BackendException.InvalidMessage.class,
                () -> session.mail().send(mime(me, "", "to nobody", "x"), false));
        assertEquals(BackendException.InvalidMessage.Problem.NO_RECIPIENTS, none.problem());
        // Forwardees alone are recipients enough.
        deliver(account, TestMail.of("source", now.minusSeconds(5)));
        MailSubmission.Source source = new MailSubmission.Source(inbox(), idOf(inbox(), "source"));
        session.mail().forward(source, mime(me, "", "Fw: source", "x"), new MailSubmission.Options(false, false),
                List.of(EmailAddress.of("third@example.net")));
        deliver(account, TestMail.of("gone", now.minusSeconds(5)));
        String gone = idOf(inbox(), "gone");
        session.items().move(inbox(), List.of(gone), session.folders().create(Optional.empty(), "Elsewhere",
                EasFolderType.USER_MAIL).id());
        assertThrows(BackendException.NotFound.class, () -> session.mail().reply(
                new MailSubmission.Source(inbox(), gone), mime(me, "a@example.net", "Re: gone", "x"),
                new MailSubmission.Options(false, false)));
        assertEquals(List.of("Fw: source"), queuedForSending(account));
    }

    // --- push

    @Test
    void pushFiresOnNewMailAndNotAfterCancel() throws InterruptedException {
        AtomicInteger cancelledCalls = new AtomicInteger();
        Subscription cancelled = session.push().watch(Set.of(inbox()), f -> cancelledCalls.incrementAndGet());
        cancelled.close();

        CountDownLatch fired = new CountDownLatch(1);
        List<String> folders = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Subscription live = session.push().watch(Set.of(inbox()), f -> {
            folders.add(f);
            fired.countDown();
        })) {
            deliver(account, TestMail.of("pushed", now));
            assertTrue(fired.await(PUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS), "listener told of new mail");
        }
        assertTrue(folders.stream().allMatch(inbox()::equals));
        // The live subscription heard the delivery, which was committed after the cancel: the cancelled one
        // must have heard nothing.
        assertEquals(0, cancelledCalls.get());
    }

    @Test
    void pushReportsFolderChangesAnywhereInTheMailboxAsHierarchyChanges() throws InterruptedException {
        BackendFolder elsewhere = session.folders().create(Optional.empty(), "Elsewhere", EasFolderType.USER_MAIL);
        java.util.concurrent.Semaphore hierarchy = new java.util.concurrent.Semaphore(0);
        List<String> items = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Subscription s = session.push().watch(Set.of(inbox()), new PushListener() {
            @Override
            public void changed(String folderId) {
                items.add(folderId);
            }

            @Override
            public void hierarchyChanged() {
                hierarchy.release();
            }
        })) {
            // A folder outside the watched one, created under the watched one, renamed, deleted.
            session.folders().create(Optional.of(elsewhere.id()), "Child", EasFolderType.USER_MAIL);
            assertTrue(hierarchy.tryAcquire(PUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS), "creation elsewhere");
            BackendFolder under = session.folders().create(Optional.of(inbox()), "Under inbox", EasFolderType.USER_MAIL);
            assertTrue(hierarchy.tryAcquire(PUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS), "creation in the inbox");
            session.folders().update(elsewhere.id(), Optional.empty(), "Renamed");
            assertTrue(hierarchy.tryAcquire(PUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS), "rename");
            session.folders().delete(under.id());
            assertTrue(hierarchy.tryAcquire(PUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS), "deletion");
        }
        // A subfolder's creation in the watched folder is not an item change of it.
        assertEquals(List.of(), items);
    }

    @Test
    void pushOfAMissingFolderIsNotFound() {
        BackendFolder f = session.folders().create(Optional.empty(), "Short lived", EasFolderType.USER_MAIL);
        session.folders().delete(f.id());
        assertThrows(BackendException.NotFound.class, () -> session.push().watch(Set.of(f.id()), x -> { }));
    }

    // --- search and the address list (optional capabilities: checked where the backend offers them)

    private MailboxSearch.Result search(String text, List<String> folders, int offset, int limit) {
        return session.search().orElseThrow().search(new MailboxSearch.Query(text, folders, false, Optional.empty(),
                Optional.empty(), Optional.empty(), offset, limit, Duration.ofSeconds(30),
                List.of(BodyPreference.of(BodyType.PLAIN_TEXT))));
    }

    @Test
    void mailboxSearchFindsWordsNewestFirstInTheUsersOwnMailOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(session.search().isPresent(), "no mailbox search");
        deliver(account, TestMail.of("Plan for Wibblefest", now.minusSeconds(300)));
        deliver(account, new TestMail("Lunch", now.minusSeconds(200), "the wibblefest menu", Optional.empty()));
        deliver(account, TestMail.of("Unrelated", now.minusSeconds(100)));
        Account other = newAccount();
        deliver(other, TestMail.of("Their wibblefest", now));

        MailboxSearch.Result.Found found = (MailboxSearch.Result.Found) search("WIBBLEFEST", List.of(), 0, 10);
        assertEquals(2, found.total());
        assertEquals(List.of("Lunch", "Plan for Wibblefest"),
                found.hits().stream().map(h -> ((EmailItem) h.item()).subject()).toList());
        assertEquals(inbox(), found.hits().get(0).folderId());
        assertEquals(idOf(inbox(), "Lunch"), found.hits().get(0).itemId());
        // Both words must occur; paging keeps the total.
        assertEquals(1, ((MailboxSearch.Result.Found) search("wibblefest plan", List.of(inbox()), 0, 10)).total());
        MailboxSearch.Result.Found second = (MailboxSearch.Result.Found) search("wibblefest", List.of(), 1, 10);
        assertEquals(2, second.total());
        assertEquals(1, second.hits().size());
    }

    @Test
    void mailboxSearchOfAMissingFolderIsNotFound() {
        org.junit.jupiter.api.Assumptions.assumeTrue(session.search().isPresent(), "no mailbox search");
        assertThrows(BackendException.NotFound.class, () -> search("x", List.of("00FF00FF"), 0, 10));
    }

    @Test
    void theAddressListFindsAndResolvesTheUser() {
        org.junit.jupiter.api.Assumptions.assumeTrue(session.globalAddressList().isPresent(), "no address list");
        GlobalAddressList gal = session.globalAddressList().get();
        UserDetails me = session.user();
        List<GlobalAddressList.Entry> byAddress = gal.resolve(me.primaryEmail(), 10);
        assertEquals(1, byAddress.size());
        assertEquals(me.primaryEmail(), byAddress.get(0).email());
        assertTrue(gal.find(me.login(), 10).stream().anyMatch(e -> e.email().equalsIgnoreCase(me.primaryEmail())));
        assertTrue(gal.resolve("nobody-" + me.login() + "@nowhere.invalid", 10).isEmpty());
    }

    // --- out of office

    @Test
    void outOfOfficeRoundTripsWhenOffered() {
        Optional<OutOfOffice> oof = session.outOfOffice();
        if (oof.isEmpty()) {
            return; // an optional capability; the gateway answers "not supported" without it
        }
        assertEquals(OutOfOffice.State.DISABLED, oof.get().get().state(), "a new user is not away");
        Instant start = Instant.parse("2030-07-01T08:00:00Z");
        Instant end = Instant.parse("2030-07-15T18:00:00Z");
        OutOfOffice.Settings away = new OutOfOffice.Settings(OutOfOffice.State.TIME_BASED, Optional.of(start),
                Optional.of(end), new OutOfOffice.Reply(true, "Ask my team."),
                new OutOfOffice.Reply(true, "Back on the 15th."), new OutOfOffice.Reply(true, "Back on the 15th."));
        oof.get().set(away);
        try (BackendSession again = backend().logon(account.login(), account.password())) {
            assertEquals(away, again.outOfOffice().orElseThrow().get(), "seen by a later session");
        }
        OutOfOffice.Settings insideOnly = new OutOfOffice.Settings(OutOfOffice.State.GLOBAL, Optional.empty(),
                Optional.empty(), new OutOfOffice.Reply(true, "Ask my team."), OutOfOffice.Reply.NONE,
                OutOfOffice.Reply.NONE);
        oof.get().set(insideOnly);
        OutOfOffice.Settings read = oof.get().get();
        assertEquals(OutOfOffice.State.GLOBAL, read.state());
        assertEquals(new OutOfOffice.Reply(true, "Ask my team."), read.internal());
        assertFalse(read.externalKnown().enabled());
        assertFalse(read.externalUnknown().enabled());
    }
}
