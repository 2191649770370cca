package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySource;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.mapi.SubObject;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.TableBookmark;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableSeek;
import org.koppel.store.client.WellKnownFolder;

/**
 * Contents tables against a reference implementation in the test: every restriction and sort gives the
 * rows the reference gives (read through the message API, filtered and sorted here), in order and in
 * pages; find-row, bookmarks and seek agree with it; named properties work as columns and sort keys.
 */
public abstract class TableContract {

    protected abstract StoreServer server();

    protected abstract Session admin();

    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta"};

    private Session alice;
    private EntryId dense;
    private EntryId sparse;
    private PropTag named;

    @BeforeEach
    void data() {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of("tab" + suffix, "T", "tab" + suffix + "@example.org", "pw" + suffix));
        alice = server().logon(new Credentials.Password("tab" + suffix, "pw" + suffix));
        EntryId storeId = alice.stores().openOwn().entryId();
        EntryId top = alice.stores().openOwn().folder(WellKnownFolder.IPM_SUBTREE);
        named = alice.namedProperties().tag(storeId, NamedProperty.name(Guid.random(), "Priority"), PropType.PT_LONG);
        dense = alice.folders().create(top, "Dense", "IPF.Note", CollisionPolicy.FAIL);
        sparse = alice.folders().create(top, "Sparse", "IPF.Note", CollisionPolicy.FAIL);
        Random random = new Random(17);
        List<MessageContent> denseMessages = new ArrayList<>();
        List<MessageContent> sparseMessages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            denseMessages.add(message(random, false));
            sparseMessages.add(message(random, true));
        }
        alice.messages().createAll(dense, denseMessages);
        alice.messages().createAll(sparse, sparseMessages);
    }

    private MessageContent message(Random random, boolean gaps) {
        List<PropValue> props = new ArrayList<>();
        props.add(PropValue.of(PR_SUBJECT, WORDS[random.nextInt(WORDS.length)]));
        if (!gaps || random.nextInt(4) != 0) {
            props.add(PropValue.of(PR_MESSAGE_DELIVERY_TIME, BASE.plusSeconds(3600L * random.nextInt(20))));
        }
        if (!gaps || random.nextInt(4) != 0) {
            props.add(PropValue.of(PR_IMPORTANCE, random.nextInt(3)));
        }
        if (random.nextInt(3) != 0) {
            props.add(PropValue.of(named, random.nextInt(10)));
        }
        props.add(PropValue.of(PR_MESSAGE_FLAGS, random.nextBoolean() ? MessageFlags.MSGFLAG_READ.value() : 0));
        return MessageContent.of(props);
    }

    // ---- the reference

    private record Props(List<PropValue> values) implements PropertySource {
        @Override
        public Optional<PropValue> get(PropTag tag) {
            return values.stream().filter(v -> v.tag().equals(tag)).findFirst();
        }

        @Override
        public List<? extends PropertySource> subObjects(SubObject kind) {
            return List.of();
        }
    }

    private record Ref(EntryId id, Props props) {
    }

    private List<Ref> reference(EntryId folder, Optional<Restriction> restriction, SortOrderSet sort) {
        List<PropTag> tags = List.of(PR_SUBJECT, PR_MESSAGE_DELIVERY_TIME, PR_IMPORTANCE, PR_MESSAGE_FLAGS, named);
        List<EntryId> all = alice.contents().query(folder, new TableQuery(List.of(), Optional.empty(),
                SortOrderSet.none(), 0, 10_000, false)).rows().stream().map(r -> r.entryId()).toList();
        List<Ref> out = new ArrayList<>();
        for (EntryId id : all) {
            List<PropValue> values = alice.messages().properties(id, tags).stream()
                    .filter(v -> !(v instanceof PropValue.ErrorValue)).toList();
            Props p = new Props(values);
            if (restriction.isEmpty() || restriction.get().matches(p)) {
                out.add(new Ref(id, p));
            }
        }
        // Ties go by row id, in the direction of the last sort key (so an index serves the whole order).
        Comparator<PropertySource> cmp = sort.comparator();
        boolean down = !sort.keys().isEmpty()
                && sort.keys().get(sort.keys().size() - 1).direction() == SortOrder.Direction.DESCENDING;
        out.sort((a, b) -> {
            int r = cmp.compare(a.props(), b.props());
            int byId = Long.compare(a.id().objectId(), b.id().objectId());
            return r != 0 ? r : down ? -byId : byId;
        });
        return out;
    }

    private List<Optional<Restriction>> restrictions() {
        Instant t3 = BASE.plusSeconds(3 * 3600);
        Instant t10 = BASE.plusSeconds(10 * 3600);
        Restriction unread = new Restriction.Bitmask(BitmaskOp.BMR_EQZ, PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value());
        return List.of(
                Optional.empty(),
                Optional.of(new Restriction.Property(RelOp.RELOP_GE, PR_MESSAGE_DELIVERY_TIME, PropValue.of(PR_MESSAGE_DELIVERY_TIME, t10))),
                Optional.of(new Restriction.Property(RelOp.RELOP_LT, PR_MESSAGE_DELIVERY_TIME, PropValue.of(PR_MESSAGE_DELIVERY_TIME, t3))),
                Optional.of(unread),
                Optional.of(new Restriction.And(List.of(
                        new Restriction.Property(RelOp.RELOP_GE, PR_MESSAGE_DELIVERY_TIME, PropValue.of(PR_MESSAGE_DELIVERY_TIME, t3)),
                        new Restriction.Property(RelOp.RELOP_EQ, PR_IMPORTANCE, PropValue.of(PR_IMPORTANCE, 2))))),
                Optional.of(new Restriction.Or(List.of(
                        new Restriction.Property(RelOp.RELOP_NE, PR_IMPORTANCE, PropValue.of(PR_IMPORTANCE, 1)),
                        new Restriction.Bitmask(BitmaskOp.BMR_NEZ, PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value())))),
                Optional.of(new Restriction.Not(new Restriction.Property(RelOp.RELOP_GE, PR_MESSAGE_DELIVERY_TIME,
                        PropValue.of(PR_MESSAGE_DELIVERY_TIME, t10)))),
                Optional.of(new Restriction.Property(RelOp.RELOP_LE, named, PropValue.of(named, 4))),
                Optional.of(new Restriction.Exist(named)));
    }

    private List<SortOrderSet> sorts() {
        return List.of(
                SortOrderSet.none(),
                SortOrderSet.of(SortOrder.descending(PR_MESSAGE_DELIVERY_TIME)),
                SortOrderSet.of(SortOrder.ascending(PR_SUBJECT), SortOrder.descending(PR_MESSAGE_DELIVERY_TIME)),
                SortOrderSet.of(SortOrder.descending(PR_IMPORTANCE), SortOrder.ascending(PR_SUBJECT)),
                SortOrderSet.of(SortOrder.ascending(named), SortOrder.descending(PR_IMPORTANCE)));
    }

    // ---- tests

    @Test
    void everyRestrictionAndSortGivesTheReferenceRowsInPages() {
        for (Optional<Restriction> r : restrictions()) {
            for (SortOrderSet sort : sorts()) {
                checkTable(dense, r, sort);
            }
            // Messages lacking the restricted properties: a missing property never matches, SQL or not.
            checkTable(sparse, r, SortOrderSet.of(SortOrder.ascending(PR_SUBJECT)));
        }
    }

    private void checkTable(EntryId folder, Optional<Restriction> r, SortOrderSet sort) {
        List<Ref> ref = reference(folder, r, sort);
        List<PropTag> columns = List.of(PR_SUBJECT, named, PR_MESSAGE_DELIVERY_TIME);
        TableResult all = alice.contents().query(folder, new TableQuery(columns, r, sort, 0, 1000, false));
        String what = r + " sorted " + sort;
        assertEquals(ref.size(), all.totalRows(), what);
        assertEquals(ref.stream().map(Ref::id).toList(), all.rows().stream().map(x -> x.entryId()).toList(), what);
        for (int i = 0; i < ref.size(); i++) {
            Object expected = ref.get(i).props().get(named).map(PropValue::javaValue).orElse(null);
            PropValue got = all.rows().get(i).values().get(1);
            assertEquals(expected, got instanceof PropValue.ErrorValue ? null : got.javaValue(), "named column");
        }
        for (int[] page : new int[][] {{0, 7}, {13, 20}, {ref.size() - 3, 10}, {ref.size() + 5, 10}}) {
            int offset = Math.max(0, page[0]);
            TableResult p = alice.contents().query(folder, new TableQuery(columns, r, sort, offset, page[1], false));
            List<EntryId> expected = ref.stream().skip(offset).limit(page[1]).map(Ref::id).toList();
            assertEquals(expected, p.rows().stream().map(x -> x.entryId()).toList(), what + " page " + offset);
            assertEquals(ref.size(), p.totalRows());
        }
    }

    @Test
    void findRowAgreesWithTheReferenceBothWays() {
        Restriction gamma = new Restriction.Property(RelOp.RELOP_EQ, PR_SUBJECT, PropValue.of(PR_SUBJECT, "gamma"));
        for (Optional<Restriction> r : List.of(Optional.<Restriction>empty(), restrictions().get(3))) {
            for (SortOrderSet sort : sorts()) {
                List<Ref> ref = reference(dense, r, sort);
                TableQuery q = new TableQuery(List.of(), r, sort, 0, 0, false);
                for (int start : new int[] {0, 5, ref.size() / 2, ref.size() - 1}) {
                    for (boolean backward : new boolean[] {false, true}) {
                        OptionalInt expected = OptionalInt.empty();
                        for (int i = start; i >= 0 && i < ref.size(); i += backward ? -1 : 1) {
                            if (gamma.matches(ref.get(i).props())) {
                                expected = OptionalInt.of(i);
                                break;
                            }
                        }
                        assertEquals(expected, alice.contents().findRow(dense, q, gamma, start, backward),
                                r + " " + sort + " from " + start + (backward ? " backward" : ""));
                    }
                }
            }
        }
    }

    @Test
    void bookmarksFindTheirRowAfterTheTableChanged() {
        for (TableQuery q : List.of(
                new TableQuery(List.of(), Optional.empty(), SortOrderSet.of(SortOrder.descending(PR_MESSAGE_DELIVERY_TIME)),
                        0, 0, false),
                new TableQuery(List.of(), restrictions().get(8), SortOrderSet.of(SortOrder.ascending(named),
                        SortOrder.ascending(PR_SUBJECT)), 0, 0, false))) {
            List<Ref> ref = reference(dense, q.restriction(), q.sort());
            TableBookmark atTen = alice.contents().bookmark(dense, q, 10);
            TableBookmark atTwenty = alice.contents().bookmark(dense, q, 20);
            assertEquals(new TableSeek(10, true), alice.contents().seek(dense, q, atTen));
            // The row is deleted: the bookmark now leads to the row that took its place.
            alice.messages().delete(List.of(ref.get(10).id()), true);
            assertEquals(new TableSeek(10, false), alice.contents().seek(dense, q, atTen));
            // Rows removed before the other bookmark move it up.
            alice.messages().delete(List.of(ref.get(3).id(), ref.get(4).id()), true);
            assertEquals(new TableSeek(17, true), alice.contents().seek(dense, q, atTwenty));
            assertEquals(ref.get(20).id(), alice.contents().query(dense, new TableQuery(List.of(), q.restriction(),
                    q.sort(), 17, 1, false)).rows().get(0).entryId());
        }
    }

    @Test
    void aBookmarkOfAnotherKindOfTableIsRefused() {
        TableQuery bySubject = new TableQuery(List.of(), Optional.empty(), SortOrderSet.of(SortOrder.ascending(PR_SUBJECT)),
                0, 0, false);
        TableQuery byTwo = new TableQuery(List.of(), Optional.empty(), SortOrderSet.of(SortOrder.ascending(PR_SUBJECT),
                SortOrder.ascending(PR_IMPORTANCE)), 0, 0, false);
        TableBookmark b = alice.contents().bookmark(dense, bySubject, 0);
        assertThrows(org.koppel.mapi.MapiException.InvalidParameter.class, () -> alice.contents().seek(dense, byTwo, b));
        assertThrows(org.koppel.mapi.MapiException.InvalidParameter.class,
                () -> alice.contents().seek(dense, bySubject, new TableBookmark(new byte[] {9, 9})));
        assertThrows(org.koppel.mapi.MapiException.NotFound.class, () -> alice.contents().bookmark(dense, bySubject, 60));
    }

    @Test
    void hierarchyTablesFindRowsAndKeepBookmarks() {
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo", "foxtrot")) {
            alice.folders().create(sparse, name, "IPF.Note", CollisionPolicy.FAIL);
        }
        org.koppel.store.client.HierarchyQuery byName = new org.koppel.store.client.HierarchyQuery(List.of(PR_DISPLAY_NAME),
                Optional.empty(), SortOrderSet.of(SortOrder.ascending(PR_DISPLAY_NAME)), 0, 100, false);
        Restriction echo = new Restriction.Property(RelOp.RELOP_EQ, PR_DISPLAY_NAME, PropValue.of(PR_DISPLAY_NAME, "echo"));
        assertEquals(OptionalInt.of(4), alice.folders().findHierarchyRow(sparse, byName, echo, 0, false));
        assertEquals(OptionalInt.empty(), alice.folders().findHierarchyRow(sparse, byName, echo, 5, false));
        assertEquals(OptionalInt.of(4), alice.folders().findHierarchyRow(sparse, byName, echo, 5, true));
        TableBookmark charlie = alice.folders().hierarchyBookmark(sparse, byName, 2);
        TableBookmark echoMark = alice.folders().hierarchyBookmark(sparse, byName, 4);
        assertEquals(new TableSeek(2, true), alice.folders().hierarchySeek(sparse, byName, charlie));
        EntryId charlieId = alice.folders().hierarchy(sparse, byName).rows().get(2).entryId();
        alice.folders().delete(charlieId, org.koppel.store.client.FolderDeletion.EVERYTHING);
        assertEquals(new TableSeek(2, false), alice.folders().hierarchySeek(sparse, byName, charlie),
                "a deleted folder's place goes to the next one");
        assertEquals(new TableSeek(3, true), alice.folders().hierarchySeek(sparse, byName, echoMark));
    }

    @Test
    void aTableSubscriptionReportsRowsComingChangingAndGoing() throws InterruptedException {
        Restriction unread = new Restriction.Bitmask(BitmaskOp.BMR_EQZ, PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value());
        TableQuery q = new TableQuery(List.of(PR_SUBJECT), Optional.of(unread), SortOrderSet.none(), 0, 0, false);
        EntryId folder = alice.folders().create(sparse, "Watched", "IPF.Note", CollisionPolicy.FAIL);
        EntryId read = alice.messages().create(folder, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "old"),
                PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value()))));
        java.util.concurrent.BlockingQueue<org.koppel.store.client.TableEvent> events =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (var sub = alice.notifications().subscribeTable(folder, q, events::add)) {
            alice.messages().setReadFlags(folder, List.of(read), false);
            expect(events, org.koppel.store.client.TableEvent.Kind.ROW_ADDED, read, "old");
            alice.messages().update(read, List.of(PropValue.of(PR_SUBJECT, "renamed")), List.of());
            expect(events, org.koppel.store.client.TableEvent.Kind.ROW_MODIFIED, read, "renamed");
            alice.messages().setReadFlags(folder, List.of(read), true);
            expect(events, org.koppel.store.client.TableEvent.Kind.ROW_DELETED, read, null);
            alice.messages().update(read, List.of(PropValue.of(PR_SUBJECT, "still read")), List.of());
            EntryId fresh = alice.messages().create(folder, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "new"))));
            expect(events, org.koppel.store.client.TableEvent.Kind.ROW_ADDED, fresh, "new");
            alice.messages().move(List.of(fresh), dense);
            expect(events, org.koppel.store.client.TableEvent.Kind.ROW_DELETED, fresh, null);
            alice.messages().move(List.of(fresh), folder);
            expect(events, org.koppel.store.client.TableEvent.Kind.ROW_ADDED, fresh, "new");
            alice.folders().empty(folder, false, false);
            var reload = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(reload);
            // Deleting the rows one by one may come first; the emptying itself ends with a reload.
            while (reload.kind() != org.koppel.store.client.TableEvent.Kind.RELOAD) {
                reload = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertNotNull(reload, "no RELOAD after emptying");
            }
        }
    }

    private static void expect(java.util.concurrent.BlockingQueue<org.koppel.store.client.TableEvent> events,
            org.koppel.store.client.TableEvent.Kind kind, EntryId row, String subject) throws InterruptedException {
        var e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(e, "no " + kind);
        assertEquals(kind, e.kind());
        assertEquals(Optional.of(row), e.row());
        if (subject != null) {
            assertEquals(subject, e.values().orElseThrow().values().get(0).javaValue());
        }
    }
}
