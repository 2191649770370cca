package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Feature;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Notification;
import org.koppel.store.client.OutgoingQueue;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;

/**
 * The submit and outgoing-queue contract: users submit and abort, the spooler (the system identity) takes
 * queued messages, claims them and reports them sent or failed. Every transport extends this unchanged.
 */
public abstract class OutgoingQueueContract {

    protected abstract StoreServer server();

    /** A session of the system identity, as the spooler has. */
    protected abstract Session admin();

    /** The server's submit_lock_timeout; the fixture keeps it short so that expiry can be tested. */
    protected abstract Duration lockTimeout();

    protected Session alice;
    protected Session bob;
    private String aliceLogin;

    @BeforeEach
    void users() {
        String suffix = Long.toString(System.nanoTime(), 36);
        aliceLogin = "alice" + suffix;
        admin().directory().createUser(NewUser.of(aliceLogin, "Alice A", aliceLogin + "@example.org", "pw-" + suffix));
        admin().directory().createUser(NewUser.of("bob" + suffix, "Bob B", "bob" + suffix + "@example.org",
                "bobpw-" + suffix));
        alice = server().logon(new Credentials.Password(aliceLogin, "pw-" + suffix));
        bob = server().logon(new Credentials.Password("bob" + suffix, "bobpw-" + suffix));
    }

    private static MessageContent mail(String subject, List<Recipient> recipients, PropValue... extra) {
        List<PropValue> props = new java.util.ArrayList<>(List.of(PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"), PropValue.of(PR_BODY, "Hello " + subject),
                PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value() | MessageFlags.MSGFLAG_UNSENT.value())));
        props.addAll(List.of(extra));
        return new MessageContent(props, recipients, List.of(), false);
    }

    private static List<Recipient> someone() {
        return List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.org"),
                Recipient.of(RecipientType.MAPI_CC, "Dave", "dave@example.org"));
    }

    private static EntryId folder(Session s, WellKnownFolder w) {
        return s.stores().openOwn().folder(w);
    }

    private EntryId draftInOutbox(Session s, String subject, PropValue... extra) {
        return s.messages().create(folder(s, WellKnownFolder.OUTBOX), mail(subject, someone(), extra));
    }

    private static int flags(Session s, EntryId message) {
        return (Integer) s.messages().properties(message, List.of(PR_MESSAGE_FLAGS)).get(0).javaValue();
    }

    private OutgoingQueue spooler() {
        return admin().outgoing();
    }

    private List<QueuedMessage> pendingOf(EntryId... messages) {
        List<EntryId> wanted = List.of(messages);
        return spooler().pending(1000).stream().filter(q -> wanted.contains(q.message())).toList();
    }

    // ---- submitting

    @Test
    void submitSetsTheFlagAndTheSubmitTimeAndQueuesTheMessage() {
        EntryId m = draftInOutbox(alice, "hello");
        Instant before = Instant.now().minusMillis(1);
        alice.messages().submit(m);
        MessageData data = alice.messages().load(m);
        int flags = (Integer) data.property(PR_MESSAGE_FLAGS).orElseThrow().javaValue();
        assertTrue(MessageFlags.MSGFLAG_SUBMIT.isSet(flags));
        assertTrue(MessageFlags.MSGFLAG_UNSENT.isSet(flags), "unsent until the spooler sent it");
        Instant submitTime = (Instant) data.property(PR_CLIENT_SUBMIT_TIME).orElseThrow().javaValue();
        assertFalse(submitTime.isBefore(before));
        assertFalse(submitTime.isAfter(Instant.now()));

        List<QueuedMessage> queued = pendingOf(m);
        assertEquals(1, queued.size());
        StoreInfo store = alice.stores().openOwn();
        assertEquals(store.entryId(), queued.get(0).store());
        assertEquals(aliceLogin, queued.get(0).ownerLogin());
        assertEquals(submitTime, queued.get(0).submitted());
        assertEquals(folder(alice, WellKnownFolder.OUTBOX), data.folder().orElseThrow(), "submit leaves it in place");
    }

    @Test
    void pendingIsOldestFirstAcrossStores() throws InterruptedException {
        EntryId first = draftInOutbox(alice, "first");
        EntryId second = draftInOutbox(bob, "second");
        EntryId third = draftInOutbox(alice, "third");
        alice.messages().submit(first);
        Thread.sleep(5);
        bob.messages().submit(second);
        Thread.sleep(5);
        alice.messages().submit(third);
        assertEquals(List.of(first, second, third), pendingOf(first, second, third).stream()
                .map(QueuedMessage::message).toList());
        assertThrows(MapiException.InvalidParameter.class, () -> spooler().pending(0));
        assertThrows(MapiException.InvalidParameter.class, () -> spooler().pending(1001));
    }

    @Test
    void aMessageWithoutRecipientsIsRefused() {
        EntryId m = alice.messages().create(folder(alice, WellKnownFolder.OUTBOX), mail("nobody", List.of()));
        MapiException e = assertThrows(MapiException.NoRecipients.class, () -> alice.messages().submit(m));
        assertEquals(0x80040607, e.hresult());
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)));
        assertTrue(pendingOf(m).isEmpty());
    }

    @Test
    void aSubmittedMessageCannotBeSubmittedAgain() {
        EntryId m = draftInOutbox(alice, "twice");
        alice.messages().submit(m);
        MapiException e = assertThrows(MapiException.Submitted.class, () -> alice.messages().submit(m));
        assertEquals(0x80040608, e.hresult());
        assertEquals(1, pendingOf(m).size());
    }

    @Test
    void anotherUsersMessageCannotBeSubmittedOrAborted() {
        EntryId m = draftInOutbox(alice, "mine");
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().submit(m));
        assertTrue(pendingOf(m).isEmpty());
        alice.messages().submit(m);
        assertThrows(MapiException.NoAccess.class, () -> bob.messages().abortSubmit(m));
        assertEquals(1, pendingOf(m).size());
    }

    @Test
    void publicStoreAndAssociatedMessagesCannotBeSubmitted() {
        EntryId pub = alice.messages().create(alice.stores().openPublic().folder(WellKnownFolder.IPM_SUBTREE),
                mail("public", someone()));
        assertThrows(MapiException.NoSupport.class, () -> alice.messages().submit(pub));
        EntryId fai = alice.messages().create(folder(alice, WellKnownFolder.OUTBOX),
                new MessageContent(List.of(PropValue.of(PR_SUBJECT, "fai")), someone(), List.of(), true));
        assertThrows(MapiException.NoSupport.class, () -> alice.messages().submit(fai));
    }

    @Test
    void theSubmitFlagBelongsToTheStore() {
        EntryId m = alice.messages().create(folder(alice, WellKnownFolder.OUTBOX), mail("forged", someone(),
                PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_SUBMIT.value())));
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)), "created");
        alice.messages().update(m, List.of(PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_SUBMIT.value())),
                List.of());
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)), "updated");
        assertTrue(pendingOf(m).isEmpty());
    }

    // ---- a submitted message is frozen for its user

    @Test
    void aSubmittedMessageCannotBeChangedOrMovedUntilAborted() {
        EntryId m = draftInOutbox(alice, "frozen");
        alice.messages().submit(m);
        assertThrows(MapiException.Submitted.class,
                () -> alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "changed")), List.of()));
        assertThrows(MapiException.Submitted.class, () -> alice.messages().setRecipients(m, List.of()));
        assertThrows(MapiException.Submitted.class, () -> alice.attachments().add(m,
                new AttachmentContent.ByValue(List.of(PropValue.of(PR_ATTACH_LONG_FILENAME, "a.txt")),
                        InputStreamSource.ofBytes(new byte[] {1, 2, 3}))));
        assertThrows(MapiException.Submitted.class,
                () -> alice.messages().move(List.of(m), folder(alice, WellKnownFolder.DRAFTS)));
        assertEquals("frozen", alice.messages().load(m).property(PR_SUBJECT).orElseThrow().javaValue());

        assertTrue(alice.messages().abortSubmit(m));
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)));
        assertTrue(pendingOf(m).isEmpty());
        assertFalse(alice.messages().abortSubmit(m), "not queued any more");
        alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "changed")), List.of());
        assertEquals("changed", alice.messages().load(m).property(PR_SUBJECT).orElseThrow().javaValue());
        alice.messages().submit(m);
        assertEquals(1, pendingOf(m).size());
    }

    @Test
    void aCopyOfASubmittedMessageIsNotSubmitted() {
        EntryId m = draftInOutbox(alice, "copied");
        alice.messages().submit(m);
        EntryId copy = alice.messages().copy(List.of(m), folder(alice, WellKnownFolder.DRAFTS)).get(0);
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, copy)));
        alice.messages().update(copy, List.of(PropValue.of(PR_SUBJECT, "edited copy")), List.of());
        assertTrue(pendingOf(copy).isEmpty());
    }

    @Test
    void deletingAQueuedMessageTakesItOutOfTheQueue() {
        EntryId soft = draftInOutbox(alice, "soft");
        EntryId hard = draftInOutbox(alice, "hard");
        alice.messages().submit(soft);
        alice.messages().submit(hard);
        alice.messages().delete(List.of(soft), false);
        alice.messages().delete(List.of(hard), true);
        assertTrue(pendingOf(soft, hard).isEmpty());
        assertFalse(spooler().lock(soft));
        assertThrows(MapiException.NotFound.class, () -> spooler().sent(soft));
        alice.messages().restore(List.of(soft));
        assertTrue(pendingOf(soft).isEmpty(), "a restored message is not sent");
    }

    // ---- the spooler's side

    @Test
    void onlyTheSystemIdentityReachesTheQueue() {
        assertThrows(MapiException.NoAccess.class, () -> alice.outgoing().pending(10));
        String login = "admin" + Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(new NewUser(login, "An Admin", login + "@example.org", "pw", true,
                UserKind.USER, List.of(), Set.of(Feature.values())));
        try (Session administrator = server().logon(new Credentials.Password(login, "pw"))) {
            assertThrows(MapiException.NoAccess.class, () -> administrator.outgoing().pending(10));
        }
        assertNotNull(spooler().pending(10));
    }

    @Test
    void aClaimIsExclusiveAndExpires() throws InterruptedException {
        EntryId m = draftInOutbox(alice, "claimed");
        alice.messages().submit(m);
        assertTrue(spooler().lock(m));
        assertFalse(spooler().lock(m), "a second spooler does not get it");
        assertTrue(pendingOf(m).isEmpty(), "claimed messages are not pending");
        assertFalse(alice.messages().abortSubmit(m), "the spooler is sending it");
        assertThrows(MapiException.Submitted.class,
                () -> alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "late")), List.of()));
        Thread.sleep(lockTimeout().toMillis() + 300);
        assertEquals(1, pendingOf(m).size(), "a stale claim expired");
        assertTrue(spooler().lock(m));
    }

    @Test
    void sentMovesTheMessageToSentItemsAsAnOrdinaryChange() throws InterruptedException {
        EntryId outbox = folder(alice, WellKnownFolder.OUTBOX);
        EntryId sentItems = folder(alice, WellKnownFolder.SENT_ITEMS);
        EntryId m = draftInOutbox(alice, "off it goes");
        alice.messages().submit(m);
        ContentsExport outboxBefore = drain(alice, outbox, SyncState.initial());
        ContentsExport sentBefore = drain(alice, sentItems, SyncState.initial());
        BlockingQueue<Notification> events = new LinkedBlockingQueue<>();
        try (Subscription sub = alice.notifications().subscribe(alice.stores().openOwn().entryId(),
                Set.of(EventType.OBJECT_MOVED), events::add)) {
            assertTrue(spooler().lock(m));
            spooler().sent(m);
            Notification moved = events.poll(5, TimeUnit.SECONDS);
            assertNotNull(moved, "the move is notified");
            assertEquals(m, moved.entryId().orElseThrow());
            assertEquals(outbox, moved.oldParent().orElseThrow());
            assertEquals(sentItems, moved.parent().orElseThrow());
        }

        MessageData data = alice.messages().load(m);
        assertEquals(sentItems, data.folder().orElseThrow());
        int flags = (Integer) data.property(PR_MESSAGE_FLAGS).orElseThrow().javaValue();
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags));
        assertFalse(MessageFlags.MSGFLAG_UNSENT.isSet(flags));
        assertTrue(MessageFlags.MSGFLAG_READ.isSet(flags));
        assertEquals(2, data.recipients().size());
        for (Recipient r : data.recipients()) {
            int type = (Integer) r.properties().stream().filter(v -> v.tag().equals(PR_RECIPIENT_TYPE))
                    .findFirst().orElseThrow().javaValue();
            assertEquals(RecipientType.MAPI_SUBMITTED | r.type().code(), type);
        }
        assertEquals(RecipientType.MAPI_TO, data.recipients().get(0).type());
        assertTrue(pendingOf(m).isEmpty());
        assertThrows(MapiException.NotFound.class, () -> spooler().sent(m));
        assertEquals(0, alice.folders().info(outbox).contentCount());
        assertEquals(1, alice.folders().info(sentItems).contentCount());
        assertEquals(0, alice.folders().info(sentItems).unreadCount());

        List<ContentChange> outboxChanges = drain(alice, outbox, outboxBefore.state()).changes();
        assertEquals(List.of(ChangeKind.MOVED_OUT), outboxChanges.stream().map(ContentChange::kind).toList());
        List<ContentChange> sentChanges = drain(alice, sentItems, sentBefore.state()).changes();
        assertEquals(List.of(ChangeKind.MOVED_IN), sentChanges.stream().map(ContentChange::kind).toList());
        assertEquals(m, sentChanges.get(0).entryId().orElseThrow());

        // Sent mail is the user's again.
        alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "filed")), List.of());
    }

    private static ContentsExport drain(Session s, EntryId folder, SyncState from) {
        ContentsExport e = s.changes().exportContents(folder, from, ContentsSyncOptions.defaults());
        assertTrue(e.complete());
        return e;
    }

    @Test
    void sentHonoursSentMailEntryIdAndDeleteAfterSubmit() {
        EntryId archive = alice.folders().create(folder(alice, WellKnownFolder.IPM_SUBTREE), "Sent Archive",
                "IPF.Note", CollisionPolicy.FAIL);
        EntryId filed = draftInOutbox(alice, "filed", PropValue.of(PR_SENTMAIL_ENTRYID, archive.bytes()));
        EntryId gone = draftInOutbox(alice, "gone", PropValue.of(PR_DELETE_AFTER_SUBMIT, true));
        alice.messages().submit(filed);
        alice.messages().submit(gone);
        spooler().sent(filed);
        spooler().sent(gone);
        assertEquals(archive, alice.messages().load(filed).folder().orElseThrow());
        assertThrows(MapiException.NotFound.class, () -> alice.messages().load(gone));
        assertEquals(0, alice.folders().info(folder(alice, WellKnownFolder.SENT_ITEMS)).contentCount());
        assertEquals(0, alice.folders().info(folder(alice, WellKnownFolder.OUTBOX)).contentCount());
    }

    @Test
    void aPermanentFailureGivesTheMessageBackToItsUser() {
        EntryId m = draftInOutbox(alice, "bounced");
        alice.messages().submit(m);
        assertTrue(spooler().lock(m));
        spooler().failed(m, "550 no such user", true);
        assertTrue(pendingOf(m).isEmpty());
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)));
        assertEquals(folder(alice, WellKnownFolder.OUTBOX), alice.messages().load(m).folder().orElseThrow());
        alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "fixed")), List.of());
        assertThrows(MapiException.NotFound.class, () -> spooler().failed(m, "again", true));
    }

    @Test
    void aTemporaryFailureKeepsTheMessageQueuedForALaterRetry() {
        EntryId m = draftInOutbox(alice, "greylisted");
        alice.messages().submit(m);
        assertTrue(spooler().lock(m));
        spooler().failed(m, "451 try again later", false);
        assertTrue(pendingOf(m).isEmpty(), "not due before the retry time");
        assertFalse(spooler().lock(m));
        assertTrue(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)), "still submitted");
        assertThrows(MapiException.Submitted.class,
                () -> alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "x")), List.of()));
        assertTrue(alice.messages().abortSubmit(m), "its user may still take it back");
        assertFalse(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)));
    }

    private static boolean submittedMark(Recipient r) {
        return r.properties().stream().anyMatch(v -> v.tag().id() == PR_RECIPIENT_TYPE.id()
                && v.javaValue() instanceof Integer t && (t & RecipientType.MAPI_SUBMITTED) != 0);
    }

    @Test
    void aPartialSendMarksTheRecipientsDoneAndRetriesTheRest() {
        EntryId m = draftInOutbox(alice, "partly greylisted");
        alice.messages().submit(m);
        assertTrue(spooler().lock(m));
        List<Recipient> before = admin().messages().load(m).recipients();
        Recipient carol = before.stream().filter(r -> r.email().startsWith("carol")).findFirst().orElseThrow();
        assertThrows(MapiException.NoAccess.class, () -> alice.outgoing().partlySent(m, Set.of(carol.rowId()), "x"));
        spooler().partlySent(m, Set.of(carol.rowId()), "451 4.7.1 dave@example.org: greylisted");

        List<Recipient> after = alice.messages().load(m).recipients();
        assertEquals(2, after.size());
        for (Recipient r : after) {
            assertEquals(r.rowId() == carol.rowId(), submittedMark(r), r.email());
        }
        assertTrue(pendingOf(m).isEmpty(), "not due before the retry time");
        assertFalse(spooler().lock(m), "waiting for its retry");
        assertTrue(spooler().nextDue().isPresent());
        assertTrue(MessageFlags.MSGFLAG_SUBMIT.isSet(flags(alice, m)), "still submitted for the others");
        assertEquals(folder(alice, WellKnownFolder.OUTBOX), alice.messages().load(m).folder().orElseThrow());

        spooler().sent(m);
        assertTrue(alice.messages().load(m).recipients().stream().allMatch(OutgoingQueueContract::submittedMark));
        assertThrows(MapiException.NotFound.class, () -> spooler().partlySent(m, Set.of(), "gone"),
                "only a queued message");
    }

    // ---- finding work without polling

    @Test
    void theWatchHearsEverySubmitInEveryStoreAfterItCommits() throws InterruptedException {
        EntryId fromAlice = draftInOutbox(alice, "watched a");
        EntryId fromBob = draftInOutbox(bob, "watched b");
        BlockingQueue<Notification> events = new LinkedBlockingQueue<>();
        try (Subscription watch = spooler().watch(events::add)) {
            alice.messages().update(fromAlice, List.of(PropValue.of(PR_SUBJECT, "watched a2")), List.of());
            alice.messages().submit(fromAlice);
            bob.messages().submit(fromBob);
            java.util.Map<EntryId, Notification> heard = new java.util.HashMap<>();
            while (heard.size() < 2) {
                Notification n = events.poll(5, TimeUnit.SECONDS);
                assertNotNull(n, "both submits are heard, heard only " + heard.keySet());
                assertEquals(EventType.SUBMITTED, n.type(), "only submits, not other changes");
                if (n.entryId().orElseThrow().equals(fromAlice) || n.entryId().orElseThrow().equals(fromBob)) {
                    heard.put(n.entryId().orElseThrow(), n);
                }
            }
            Notification a = heard.get(fromAlice);
            assertEquals(alice.stores().openOwn().entryId(), a.store());
            assertEquals(folder(alice, WellKnownFolder.OUTBOX), a.parent().orElseThrow());
            assertEquals(bob.stores().openOwn().entryId(), heard.get(fromBob).store());
            assertEquals(2, pendingOf(fromAlice, fromBob).size(), "what was heard is pending");
        }
        EntryId late = draftInOutbox(alice, "after the watch");
        alice.messages().submit(late);
        Notification after = events.poll(500, TimeUnit.MILLISECONDS);
        assertTrue(after == null || !after.entryId().orElseThrow().equals(late), "a closed watch hears nothing");
    }

    @Test
    void aRefusedSubmitIsNotAnnounced() throws InterruptedException {
        EntryId m = alice.messages().create(folder(alice, WellKnownFolder.OUTBOX), mail("nobody", List.of()));
        BlockingQueue<Notification> events = new LinkedBlockingQueue<>();
        try (Subscription watch = spooler().watch(events::add)) {
            assertThrows(MapiException.NoRecipients.class, () -> alice.messages().submit(m));
            Notification n = events.poll(300, TimeUnit.MILLISECONDS);
            assertTrue(n == null || !n.entryId().orElseThrow().equals(m));
        }
    }

    @Test
    void nextDueSaysWhenAWaitingMessageIsDueAgain() throws InterruptedException {
        EntryId m = draftInOutbox(alice, "due later");
        alice.messages().submit(m);
        Instant before = Instant.now();
        assertTrue(spooler().lock(m));
        Instant due = spooler().nextDue().orElseThrow(() -> new AssertionError("a claimed message is waiting"));
        assertTrue(due.isAfter(before), "only waiting messages count: " + due);
        assertFalse(due.isAfter(Instant.now().plus(lockTimeout())), "no later than the claim ends: " + due);
        Thread.sleep(lockTimeout().toMillis() + 300);
        assertEquals(1, pendingOf(m).size(), "due once the claim ended");
        assertTrue(spooler().lock(m));
        Instant failedAt = Instant.now();
        spooler().failed(m, "451 later", false);
        Instant retry = spooler().nextDue().orElseThrow();
        assertTrue(retry.isAfter(failedAt), "a retry waits: " + retry);
    }
}
