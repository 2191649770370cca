package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.EventType;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.SearchCriteria;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;

/**
 * Search folders: built in the background, then kept exactly current by every change, listed through the
 * ordinary contents table, and checked against a reference computed from the searched folders.
 */
public abstract class SearchFolderContract {

    protected abstract StoreServer server();

    protected abstract Session admin();

    private Session alice;
    private StoreInfo store;
    private EntryId inbox;
    private EntryId sub;
    private EntryId outside;

    /** Unread messages whose subject contains "report". */
    private static final Restriction UNREAD_REPORTS = new Restriction.And(List.of(
            new Restriction.Bitmask(BitmaskOp.BMR_EQZ, PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value()),
            new Restriction.Content(PR_SUBJECT, PropValue.of(PR_SUBJECT, "report"), FuzzyLevel.SUBSTRING.withIgnoreCase())));

    @BeforeEach
    void user() {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of("sf" + suffix, "S", "sf" + suffix + "@example.org", "pw" + suffix));
        alice = server().logon(new Credentials.Password("sf" + suffix, "pw" + suffix));
        store = alice.stores().openOwn();
        inbox = store.folder(WellKnownFolder.INBOX);
        sub = alice.folders().create(inbox, "Projects", "IPF.Note", CollisionPolicy.FAIL);
        outside = store.folder(WellKnownFolder.SENT_ITEMS);
    }

    private EntryId mail(EntryId folder, String subject, boolean read) {
        return alice.messages().create(folder, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_MESSAGE_FLAGS, read ? MessageFlags.MSGFLAG_READ.value() : 0))));
    }

    /** Creates a search folder with criteria and waits for SEARCH_COMPLETE. */
    private EntryId search(SearchCriteria criteria) throws InterruptedException {
        EntryId folder = alice.folders().createSearchFolder(store.folder(WellKnownFolder.SEARCH_ROOT),
                "Search " + System.nanoTime(), CollisionPolicy.FAIL);
        CountDownLatch done = new CountDownLatch(1);
        try (Subscription s = alice.notifications().subscribe(folder, Set.of(EventType.SEARCH_COMPLETE),
                n -> done.countDown())) {
            alice.folders().setSearchCriteria(folder, criteria);
            assertTrue(done.await(30, TimeUnit.SECONDS), "SEARCH_COMPLETE never came");
        }
        assertFalse(alice.folders().searchState(folder).running());
        return folder;
    }

    private Set<EntryId> shown(EntryId searchFolder) {
        return new HashSet<>(alice.contents().query(searchFolder, new TableQuery(List.of(PR_SUBJECT), Optional.empty(),
                SortOrderSet.none(), 0, 10_000, false)).rows().stream().map(r -> r.entryId()).toList());
    }

    /** The reference: every message of the searched folders that matches, read through ordinary tables. */
    private Set<EntryId> expected(List<EntryId> folders, Restriction r) {
        Set<EntryId> out = new HashSet<>();
        for (EntryId f : folders) {
            out.addAll(alice.contents().query(f, new TableQuery(List.of(), Optional.of(r), SortOrderSet.none(), 0,
                    10_000, false)).rows().stream().map(x -> x.entryId()).toList());
        }
        return out;
    }

    @Test
    void aSearchFolderShowsMatchingMessagesAndFollowsEveryChange() throws InterruptedException {
        EntryId a = mail(inbox, "Weekly report", false);
        EntryId b = mail(inbox, "Weekly report", true);
        EntryId c = mail(sub, "Project report draft", false);
        mail(outside, "Sent report", false);
        mail(inbox, "Lunch?", false);
        EntryId folder = search(new SearchCriteria(UNREAD_REPORTS, List.of(inbox), true));
        assertEquals(Set.of(a, c), shown(folder));
        FolderInfo info = alice.folders().info(folder);
        assertEquals(2, info.contentCount());
        assertEquals(2, info.unreadCount());

        alice.messages().setReadFlags(inbox, List.of(a), true);
        assertEquals(Set.of(c), shown(folder), "read: no longer matches");
        alice.messages().update(b, List.of(PropValue.of(PR_MESSAGE_FLAGS, 0)), List.of());
        assertEquals(Set.of(b, c), shown(folder), "unread again: matches");
        EntryId d = mail(alice.folders().create(sub, "Deeper", "IPF.Note", CollisionPolicy.FAIL), "report", false);
        assertEquals(Set.of(b, c, d), shown(folder), "a new subfolder is searched too");
        alice.messages().move(List.of(c), outside);
        assertEquals(Set.of(b, d), shown(folder), "moved out of the searched folders");
        alice.messages().move(List.of(c), inbox);
        assertEquals(Set.of(b, c, d), shown(folder), "moved back");
        alice.messages().delete(List.of(b), false);
        assertEquals(Set.of(c, d), shown(folder), "soft-deleted");
        alice.messages().restore(List.of(b));
        assertEquals(Set.of(b, c, d), shown(folder), "restored");
        alice.messages().delete(List.of(d), true);
        assertEquals(Set.of(b, c), shown(folder), "hard-deleted");
        alice.messages().update(c, List.of(PropValue.of(PR_SUBJECT, "Project notes")), List.of());
        assertEquals(Set.of(b), shown(folder), "subject changed");
        assertEquals(1, alice.folders().info(folder).contentCount());
        alice.folders().empty(inbox, false, true);
        assertEquals(Set.of(), shown(folder), "emptied");
        assertEquals(0, alice.folders().info(folder).contentCount());
    }

    @Test
    void randomChangesKeepTheResultsEqualToTheReference() throws InterruptedException {
        Random random = new Random(9);
        List<EntryId> folders = List.of(inbox, sub, outside);
        List<EntryId> messages = new ArrayList<>();
        String[] subjects = {"report", "Report Q3", "invoice", "status"};
        for (int i = 0; i < 30; i++) {
            messages.add(mail(folders.get(random.nextInt(3)), subjects[random.nextInt(4)], random.nextBoolean()));
        }
        EntryId folder = search(new SearchCriteria(UNREAD_REPORTS, List.of(inbox, sub), false));
        for (int step = 0; step < 80; step++) {
            EntryId m = messages.get(random.nextInt(messages.size()));
            switch (random.nextInt(5)) {
                case 0 -> messages.add(mail(folders.get(random.nextInt(3)), subjects[random.nextInt(4)],
                        random.nextBoolean()));
                case 1 -> alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, subjects[random.nextInt(4)])),
                        List.of());
                case 2 -> alice.messages().setReadFlags(alice.messages().load(m).folder().orElseThrow(), List.of(m),
                        random.nextBoolean());
                case 3 -> alice.messages().move(List.of(m), folders.get(random.nextInt(3)));
                default -> {
                    alice.messages().delete(List.of(m), true);
                    messages.remove(m);
                }
            }
            assertEquals(expected(List.of(inbox, sub), UNREAD_REPORTS), shown(folder), "step " + step);
        }
        assertEquals(shown(folder).size(), alice.folders().info(folder).contentCount());
    }

    @Test
    void aSearchFolderIsAnOrdinaryTableButHoldsNothingOfItsOwn() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            mail(inbox, "report " + i, false);
        }
        EntryId folder = search(new SearchCriteria(UNREAD_REPORTS, List.of(inbox), false));
        var page = alice.contents().query(folder, new TableQuery(List.of(PR_SUBJECT, PR_PARENT_ENTRYID), Optional.empty(),
                SortOrderSet.of(SortOrder.descending(PR_SUBJECT)), 1, 2, false));
        assertEquals(5, page.totalRows());
        assertEquals(List.of("report 3", "report 2"), page.rows().stream().map(r -> r.values().get(0).javaValue()).toList());
        assertArrayEquals(inbox.bytes(), (byte[]) page.rows().get(0).values().get(1).javaValue(),
                "rows are the real messages, in their real folder");
        assertThrows(MapiException.NoSupport.class, () -> mail(folder, "x", false));
        assertThrows(MapiException.NoSupport.class, () -> alice.folders().create(folder, "Sub", "IPF.Note",
                CollisionPolicy.FAIL));
        assertThrows(MapiException.NoSupport.class, () -> alice.changes().exportContents(folder, SyncState.initial(),
                ContentsSyncOptions.defaults()));
        assertThrows(MapiException.InvalidParameter.class, () -> alice.folders().setSearchCriteria(inbox,
                new SearchCriteria(UNREAD_REPORTS, List.of(sub), false)), "not a search folder");
        var state = alice.folders().searchState(folder);
        assertEquals(UNREAD_REPORTS, state.criteria().restriction());
        assertEquals(List.of(inbox), state.criteria().folders());
    }

    @Test
    void newCriteriaReplaceTheResults() throws InterruptedException {
        EntryId r = mail(inbox, "report", false);
        EntryId s = mail(outside, "report", false);
        EntryId folder = search(new SearchCriteria(UNREAD_REPORTS, List.of(inbox), false));
        assertEquals(Set.of(r), shown(folder));
        CountDownLatch done = new CountDownLatch(1);
        try (Subscription sub2 = alice.notifications().subscribe(folder, Set.of(EventType.SEARCH_COMPLETE),
                n -> done.countDown())) {
            alice.folders().setSearchCriteria(folder, new SearchCriteria(UNREAD_REPORTS, List.of(outside), false));
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(Set.of(s), shown(folder));
        waitUntil(() -> !alice.folders().searchState(folder).running());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }
}
