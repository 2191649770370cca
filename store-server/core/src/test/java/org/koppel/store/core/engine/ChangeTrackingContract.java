package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.ChangeKey;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PredecessorChangeList;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.FolderChange;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.HierarchyExport;
import org.koppel.store.client.ImapFolderState;
import org.koppel.store.client.ImportOutcome;
import org.koppel.store.client.ImportResult;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.WellKnownFolder;

/**
 * The change-tracking contract every transport must pass: random histories replayed through the exporter
 * into an in-test replica always reproduce the folder, incrementally or from scratch, in batches of any
 * size, with and without a time window; imports are not echoed; conflicts resolve as asked; bad states are
 * refused.
 */
public abstract class ChangeTrackingContract {

    protected abstract StoreServer server();

    protected abstract Session admin();

    private Session alice;
    private StoreInfo store;
    private EntryId folderA;
    private EntryId folderB;

    @BeforeEach
    void user() {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of("ics" + suffix, "Ics", "ics" + suffix + "@example.org", "pw" + suffix));
        alice = server().logon(new Credentials.Password("ics" + suffix, "pw" + suffix));
        store = alice.stores().openOwn();
        EntryId top = store.folder(WellKnownFolder.IPM_SUBTREE);
        folderA = alice.folders().create(top, "A", "IPF.Note", CollisionPolicy.FAIL);
        folderB = alice.folders().create(top, "B", "IPF.Note", CollisionPolicy.FAIL);
    }

    // ---- the replica

    /** What a client holds of one message. */
    private record Item(String subject, boolean read, boolean associated) {
    }

    /** A client's copy of a folder, fed only by exports. */
    private static final class Replica {
        final Map<SourceKey, Item> items = new HashMap<>();
        SyncState state = SyncState.initial();
        int spuriousRemovals;
        /** Whether removals of unknown objects are tolerated (writes raced the batches of one run). */
        boolean tolerant;
        /** Whether a modification of an unknown object counts as an addition (restricted exports). */
        boolean upsert;

        void apply(ContentChange ch) {
            SourceKey k = ch.sourceKey();
            if (ch.kind().isAddition()) {
                assertFalse(items.containsKey(k), () -> ch.kind() + " of an object the client has: " + k);
                items.put(k, item(ch));
            } else if (ch.kind() == ChangeKind.MODIFIED) {
                if (!upsert) {
                    assertTrue(items.containsKey(k), () -> "MODIFIED of an object the client lacks: " + k);
                }
                items.put(k, item(ch));
            } else if (ch.kind() == ChangeKind.READ_STATE) {
                Item old = items.get(k);
                assertNotNull(old, () -> "READ_STATE of an object the client lacks: " + k);
                items.put(k, new Item(old.subject(), ch.read(), old.associated()));
            } else {
                if (items.remove(k) == null) {
                    spuriousRemovals++;
                    assertTrue(tolerant, () -> ch.kind() + " of an object the client never had: " + k);
                }
            }
        }

        private static Item item(ContentChange ch) {
            String subject = ch.properties().stream().filter(p -> p.tag().equals(PR_SUBJECT))
                    .map(p -> (String) p.javaValue()).findFirst().orElse(null);
            return new Item(subject, ch.read(), ch.associated());
        }
    }

    private static final List<PropTag> COLUMNS = List.of(PR_SUBJECT);

    /** Exports until complete; returns how many batches it took. */
    private int sync(Replica r, EntryId folder, ContentsSyncOptions options) {
        int batches = 0;
        while (true) {
            ContentsExport e = alice.changes().exportContents(folder, r.state, options);
            batches++;
            assertTrue(e.changes().size() <= options.batchSize(),
                    "a batch of " + e.changes().size() + " for batch size " + options.batchSize());
            e.changes().forEach(r::apply);
            r.state = e.state();
            if (e.complete()) {
                return batches;
            }
            assertTrue(batches < 100_000, "the export never completes");
        }
    }

    /** The folder as its contents table shows it. */
    private Map<SourceKey, Item> truth(EntryId folder, boolean associated, Optional<Instant> since) {
        Map<SourceKey, Item> out = new HashMap<>();
        for (boolean fai : associated ? new boolean[] {false, true} : new boolean[] {false}) {
            List<TableRow> rows = alice.contents().query(folder, new TableQuery(List.of(PR_SOURCE_KEY, PR_SUBJECT,
                    PR_MESSAGE_FLAGS, PR_MESSAGE_DELIVERY_TIME), Optional.empty(), SortOrderSet.none(), 0, 100_000,
                    fai)).rows();
            for (TableRow row : rows) {
                if (!fai && since.isPresent() && ((Instant) row.values().get(3).javaValue()).isBefore(since.get())) {
                    continue;
                }
                int flags = (Integer) row.values().get(2).javaValue();
                out.put(SourceKey.parse((byte[]) row.values().get(0).javaValue()), new Item(
                        (String) row.values().get(1).javaValue(), (flags & MessageFlags.MSGFLAG_READ.value()) != 0, fai));
            }
        }
        return out;
    }

    // ---- a random history

    private static final Instant BASE = Instant.parse("2026-06-01T00:00:00Z");

    /** Drives random operations on folders A and B, remembering where each message is. */
    private final class History {
        final Random random;
        final List<EntryId> inA = new ArrayList<>();
        final List<EntryId> inB = new ArrayList<>();
        final List<EntryId> softDeleted = new ArrayList<>();
        int counter;

        History(long seed) {
            this.random = new Random(seed);
        }

        MessageContent content(boolean associated) {
            String subject = "m" + (counter++);
            return new MessageContent(List.of(PropValue.of(PR_SUBJECT, subject),
                    PropValue.of(PR_MESSAGE_DELIVERY_TIME, BASE.plusSeconds(3600L * random.nextInt(240))),
                    PropValue.of(PR_MESSAGE_FLAGS, random.nextBoolean() ? MessageFlags.MSGFLAG_READ.value() : 0)),
                    List.of(), List.of(), associated);
        }

        void step() {
            int op = random.nextInt(100);
            if (op < 30 || inA.isEmpty()) {
                EntryId target = random.nextInt(4) == 0 ? folderB : folderA;
                if (random.nextInt(5) == 0) {
                    List<MessageContent> batch = new ArrayList<>();
                    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                        batch.add(content(random.nextInt(6) == 0));
                    }
                    (target == folderA ? inA : inB).addAll(alice.messages().createAll(target, batch));
                } else {
                    (target == folderA ? inA : inB).add(alice.messages().create(target, content(random.nextInt(6) == 0)));
                }
            } else if (op < 45) {
                EntryId m = pick(inA);
                alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "u" + (counter++))), List.of());
            } else if (op < 60) {
                EntryId m = pick(inA);
                alice.messages().setReadFlags(folderA, List.of(m), random.nextBoolean());
            } else if (op < 68) {
                EntryId m = pick(inA);
                inA.remove(m);
                alice.messages().delete(List.of(m), false);
                softDeleted.add(m);
            } else if (op < 76) {
                EntryId m = pick(inA);
                inA.remove(m);
                alice.messages().delete(List.of(m), true);
            } else if (op < 82 && !softDeleted.isEmpty()) {
                EntryId m = pick(softDeleted);
                softDeleted.remove(m);
                alice.messages().restore(List.of(m));
                inA.add(m);
            } else if (op < 91) {
                EntryId m = pick(inA);
                inA.remove(m);
                alice.messages().move(List.of(m), folderB);
                inB.add(m);
            } else if (!inB.isEmpty()) {
                EntryId m = pick(inB);
                inB.remove(m);
                alice.messages().move(List.of(m), folderA);
                inA.add(m);
            }
        }

        private EntryId pick(List<EntryId> from) {
            return from.get(random.nextInt(from.size()));
        }
    }

    // ---- contents export

    @Test
    void randomHistoriesReplayIntoAnExactReplica() {
        for (long seed = 1; seed <= 4; seed++) {
            History h = new History(seed);
            ContentsSyncOptions options = ContentsSyncOptions.defaults().withAssociated(true, seed % 2 == 0)
                    .withColumns(COLUMNS);
            Replica incremental = new Replica();
            for (int round = 0; round < 12; round++) {
                for (int i = 0, n = h.random.nextInt(25); i < n; i++) {
                    h.step();
                }
                int batch = 1 + h.random.nextInt(7);
                sync(incremental, folderA, options.withBatchSize(batch));
                assertEquals(truth(folderA, options.associated(), Optional.empty()), incremental.items,
                        "seed " + seed + " round " + round + " batch " + batch);
                if (round % 4 == 3) {
                    Replica scratch = new Replica();
                    sync(scratch, folderA, options.withBatchSize(1 + h.random.nextInt(50)));
                    assertEquals(incremental.items, scratch.items, "from scratch, seed " + seed);
                }
            }
            assertEquals(0, incremental.spuriousRemovals);
            // A fresh folder per seed keeps the histories apart.
            user();
        }
    }

    @Test
    void writesBetweenBatchesNeverLoseOrDuplicateAnything() {
        History h = new History(42);
        for (int i = 0; i < 60; i++) {
            h.step();
        }
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS).withBatchSize(3);
        Replica r = new Replica();
        r.tolerant = true;
        for (int round = 0; round < 30; round++) {
            ContentsExport e = alice.changes().exportContents(folderA, r.state, options);
            e.changes().forEach(r::apply);
            r.state = e.state();
            for (int i = 0, n = h.random.nextInt(4); i < n; i++) {
                h.step();
            }
        }
        sync(r, folderA, options);
        assertEquals(truth(folderA, false, Optional.empty()), r.items);
    }

    @Test
    void exportingAgainFromAnOldStateRepeatsTheSameChanges() {
        History h = new History(7);
        for (int i = 0; i < 40; i++) {
            h.step();
        }
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS).withBatchSize(5);
        Replica r = new Replica();
        sync(r, folderA, options);
        SyncState before = r.state;
        for (int i = 0; i < 20; i++) {
            h.step();
        }
        ContentsExport first = alice.changes().exportContents(folderA, before, options);
        ContentsExport again = alice.changes().exportContents(folderA, before, options);
        assertEquals(kinds(first), kinds(again));
        assertEquals(first.complete(), again.complete());
    }

    private static List<String> kinds(ContentsExport e) {
        return e.changes().stream().map(c -> c.kind() + ":" + c.sourceKey()).toList();
    }

    @Test
    void aMovingTimeWindowAddsAndRemovesWhatCrossesIt() {
        History h = new History(11);
        for (int i = 0; i < 120; i++) {
            h.step();
        }
        Replica r = new Replica();
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS);
        for (int hours : new int[] {100, 150, 150, 40, 200, 0, 239, 60}) {
            Instant since = BASE.plusSeconds(3600L * hours);
            for (int i = 0, n = h.random.nextInt(15); i < n; i++) {
                h.step();
            }
            sync(r, folderA, options.withReceivedSince(since).withBatchSize(1 + h.random.nextInt(6)));
            assertEquals(truth(folderA, false, Optional.of(since)), r.items, "window from hour " + hours);
        }
        assertEquals(0, r.spuriousRemovals);
    }

    @Test
    void aRestrictionExportsOnlyMatchingMessagesAndReportsThoseThatLeaveIt() {
        History h = new History(5);
        for (int i = 0; i < 50; i++) {
            h.step();
        }
        Restriction unread = new Restriction.Bitmask(org.koppel.mapi.BitmaskOp.BMR_EQZ, PR_MESSAGE_FLAGS,
                MessageFlags.MSGFLAG_READ.value());
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS).withRestriction(unread)
                .withBatchSize(4);
        Replica r = new Replica();
        r.tolerant = true;
        r.upsert = true;
        for (int round = 0; round < 8; round++) {
            for (int i = 0, n = h.random.nextInt(20); i < n; i++) {
                h.step();
            }
            sync(r, folderA, options);
            Map<SourceKey, Item> expected = new HashMap<>(truth(folderA, false, Optional.empty()));
            expected.values().removeIf(Item::read);
            assertEquals(expected, r.items, "round " + round);
        }
        assertThrows(MapiException.InvalidSyncState.class, () -> alice.changes().exportContents(folderA, r.state,
                ContentsSyncOptions.defaults()));
    }

    @Test
    void readStateOnlyReportsJustReadChanges() {
        EntryId m1 = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "one"))));
        EntryId m2 = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "two"))));
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withReadStateOnly(true);
        SyncState state = drain(folderA, SyncState.initial(), options).state();
        alice.messages().setReadFlags(folderA, List.of(m1), true);
        alice.messages().update(m2, List.of(PropValue.of(PR_SUBJECT, "two again")), List.of());
        alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "three"))));
        ContentsExport e = alice.changes().exportContents(folderA, state, options);
        assertEquals(1, e.changes().size());
        assertEquals(ChangeKind.READ_STATE, e.changes().get(0).kind());
        assertTrue(e.changes().get(0).read());
        assertEquals(keyOf(m1), e.changes().get(0).sourceKey());
    }

    private ContentsExport drain(EntryId folder, SyncState state, ContentsSyncOptions options) {
        List<ContentChange> all = new ArrayList<>();
        while (true) {
            ContentsExport e = alice.changes().exportContents(folder, state, options);
            all.addAll(e.changes());
            state = e.state();
            if (e.complete()) {
                return new ContentsExport(all, state, true);
            }
        }
    }

    @Test
    void movesAndRestoresAreReportedAsSuch() {
        EntryId m = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "x"))));
        ContentsSyncOptions options = ContentsSyncOptions.defaults();
        SyncState a = drain(folderA, SyncState.initial(), options).state();
        SyncState b = drain(folderB, SyncState.initial(), options).state();
        alice.messages().move(List.of(m), folderB);
        ContentsExport outOfA = alice.changes().exportContents(folderA, a, options);
        assertEquals(List.of(ChangeKind.MOVED_OUT), outOfA.changes().stream().map(ContentChange::kind).toList());
        assertEquals(Optional.of(alice.folders().info(folderB).sourceKey()), outOfA.changes().get(0).otherFolder());
        ContentsExport intoB = alice.changes().exportContents(folderB, b, options);
        assertEquals(List.of(ChangeKind.MOVED_IN), intoB.changes().stream().map(ContentChange::kind).toList());
        alice.messages().delete(List.of(m), false);
        alice.messages().restore(List.of(m));
        ContentsExport again = alice.changes().exportContents(folderB, intoB.state(), options);
        assertEquals(List.of(ChangeKind.SOFT_DELETED, ChangeKind.RESTORED),
                again.changes().stream().map(ContentChange::kind).toList());
    }

    // ---- imports

    @Test
    void importedChangesAreNotExportedBackToTheirState() {
        EntryId kept = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "kept"))));
        EntryId gone = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "gone"))));
        EntryId away = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "away"))));
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS);
        Replica client = new Replica();
        sync(client, folderA, options);
        Replica other = new Replica();
        sync(other, folderA, options);
        SourceKey keptKey = keyOf(kept);
        SourceKey goneKey = keyOf(gone);
        SourceKey awayKey = keyOf(away);
        ImportOutcome out = alice.changes().importContents(folderA, client.state, List.of(
                new ContentImport.Save(Optional.empty(), MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "new"))),
                        PredecessorChangeList.empty()),
                new ContentImport.ReadState(keptKey, true),
                new ContentImport.Save(Optional.of(keptKey), MessageContent.of(List.of(PropValue.of(PR_SUBJECT,
                        "kept, edited"))), pclOf(kept)),
                new ContentImport.Delete(goneKey, true),
                new ContentImport.Move(awayKey, folderB),
                new ContentImport.Delete(goneKey, true)), ConflictPolicy.SERVER_WINS);
        assertEquals(List.of(ImportResult.Outcome.APPLIED, ImportResult.Outcome.APPLIED, ImportResult.Outcome.APPLIED,
                ImportResult.Outcome.APPLIED, ImportResult.Outcome.APPLIED, ImportResult.Outcome.NOT_FOUND),
                out.results().stream().map(ImportResult::outcome).toList());
        // The client applies its own changes locally, as a client does.
        client.items.put(out.results().get(0).sourceKey().orElseThrow(), new Item("new", false, false));
        client.items.put(keptKey, new Item("kept, edited", true, false));
        client.items.remove(goneKey);
        client.items.remove(awayKey);
        client.state = out.state();
        ContentsExport echo = alice.changes().exportContents(folderA, client.state, options);
        assertEquals(List.of(), echo.changes(), "imported changes come back to the importing client");
        assertEquals(truth(folderA, false, Optional.empty()), client.items);
        sync(other, folderA, options);
        assertEquals(truth(folderA, false, Optional.empty()), other.items, "another client sees the imports");
        // A change by someone else after the import still reaches the importer.
        alice.messages().update(kept, List.of(PropValue.of(PR_SUBJECT, "server edit")), List.of());
        sync(client, folderA, options);
        assertEquals("server edit", client.items.get(keptKey).subject());
    }

    @Test
    void conflictsResolveAsTheCallerChooses() {
        EntryId m = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "v1"))));
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS);
        Replica client = new Replica();
        sync(client, folderA, options);
        PredecessorChangeList seen = pclOf(m);
        SourceKey key = keyOf(m);
        alice.messages().update(m, List.of(PropValue.of(PR_SUBJECT, "server v2")), List.of());

        ImportOutcome serverWins = alice.changes().importContents(folderA, client.state, List.of(
                new ContentImport.Save(Optional.of(key), MessageContent.of(List.of(PropValue.of(PR_SUBJECT,
                        "client v2"))), seen)), ConflictPolicy.SERVER_WINS);
        assertEquals(ImportResult.Outcome.CONFLICT_SERVER_WON, serverWins.results().get(0).outcome());
        assertEquals("server v2", subjectOf(m));
        sync(client, folderA, options);
        assertEquals("server v2", client.items.get(key).subject(), "the server's version goes back to the client");

        ImportOutcome clientWins = alice.changes().importContents(folderA, client.state, List.of(
                new ContentImport.Save(Optional.of(key), MessageContent.of(List.of(PropValue.of(PR_SUBJECT,
                        "client v3"))), seen)), ConflictPolicy.CLIENT_WINS);
        assertEquals(ImportResult.Outcome.CONFLICT_CLIENT_WON, clientWins.results().get(0).outcome());
        assertEquals("client v3", subjectOf(m));
        PredecessorChangeList merged = pclOf(m);
        assertTrue(merged.includesAll(seen), "the winner's history keeps the loser's");

        // A clean change made from the current version by a client with a replica of its own applies; sent
        // twice, the second is a repeat and ignored.
        PredecessorChangeList current = pclOf(m).with(ChangeKey.of(org.koppel.mapi.Guid.random(), 1));
        List<ContentImport> edit = List.of(new ContentImport.Save(Optional.of(key),
                MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "client v4"))), current));
        assertEquals(ImportResult.Outcome.APPLIED, alice.changes().importContents(folderA, clientWins.state(), edit,
                ConflictPolicy.SERVER_WINS).results().get(0).outcome());
        assertEquals(ImportResult.Outcome.IGNORED, alice.changes().importContents(folderA, clientWins.state(), edit,
                ConflictPolicy.SERVER_WINS).results().get(0).outcome());
        assertEquals("client v4", subjectOf(m));

        // Such a client's change made from an old version is a conflict, not a repeat.
        PredecessorChangeList stale = seen.with(ChangeKey.of(org.koppel.mapi.Guid.random(), 9));
        assertEquals(ImportResult.Outcome.CONFLICT_SERVER_WON, alice.changes().importContents(folderA,
                clientWins.state(), List.of(new ContentImport.Save(Optional.of(key), MessageContent.of(List.of(
                        PropValue.of(PR_SUBJECT, "client stale"))), stale)), ConflictPolicy.SERVER_WINS)
                .results().get(0).outcome());
        assertEquals("client v4", subjectOf(m));
    }

    @Test
    void aClientChosenSourceKeyIsKeptAndMustBeUnique() {
        SourceKey mine = SourceKey.of(org.koppel.mapi.Guid.random(), 77);
        ImportOutcome out = alice.changes().importContents(folderA, SyncState.initial(), List.of(
                new ContentImport.Save(Optional.of(mine), MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "c"))),
                        PredecessorChangeList.of(ChangeKey.of(mine.replica(), 1)))), ConflictPolicy.CLIENT_WINS);
        assertEquals(ImportResult.Outcome.APPLIED, out.results().get(0).outcome());
        assertEquals(mine, keyOf(out.results().get(0).entryId().orElseThrow()));
        // The same key again is the same message: a change, not a second message.
        ImportOutcome again = alice.changes().importContents(folderA, out.state(), List.of(
                new ContentImport.Save(Optional.of(mine), MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "c2"))),
                        pclOf(out.results().get(0).entryId().orElseThrow()))), ConflictPolicy.CLIENT_WINS);
        assertEquals(ImportResult.Outcome.APPLIED, again.results().get(0).outcome());
        assertEquals(1, alice.folders().info(folderA).contentCount());
    }

    private SourceKey keyOf(EntryId m) {
        return SourceKey.parse((byte[]) alice.messages().properties(m, List.of(PR_SOURCE_KEY)).get(0).javaValue());
    }

    private PredecessorChangeList pclOf(EntryId m) {
        return PredecessorChangeList.parse((byte[]) alice.messages().properties(m,
                List.of(PR_PREDECESSOR_CHANGE_LIST)).get(0).javaValue());
    }

    private String subjectOf(EntryId m) {
        return (String) alice.messages().properties(m, List.of(PR_SUBJECT)).get(0).javaValue();
    }

    // ---- bad states

    @Test
    void corruptOrForeignStatesAreRefused() {
        alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "s"))));
        ContentsSyncOptions options = ContentsSyncOptions.defaults();
        SyncState good = drain(folderA, SyncState.initial(), options).state();
        byte[] bytes = good.bytes();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] bad = bytes.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            assertThrows(MapiException.InvalidSyncState.class,
                    () -> alice.changes().exportContents(folderA, new SyncState(bad), options));
        }
        for (int len : new int[] {1, 10, bytes.length - 1, bytes.length + 1, 400}) {
            byte[] junk = new byte[len];
            random.nextBytes(junk);
            assertThrows(MapiException.InvalidSyncState.class,
                    () -> alice.changes().exportContents(folderA, new SyncState(junk), options));
        }
        assertThrows(MapiException.InvalidSyncState.class,
                () -> alice.changes().exportContents(folderB, good, options), "another folder's state");
        assertThrows(MapiException.InvalidSyncState.class,
                () -> alice.changes().exportHierarchy(folderA, good), "a contents state for a hierarchy");
        assertThrows(MapiException.InvalidSyncState.class, () -> SyncState.fromBase64("not base64!"));
        assertEquals(good, SyncState.fromBase64(good.toBase64()));
    }

    @Test
    void anotherUsersFolderCannotBeExported() {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of("eve" + suffix, "Eve", "eve" + suffix + "@example.org", "pw"));
        try (Session eve = server().logon(new Credentials.Password("eve" + suffix, "pw"))) {
            assertThrows(MapiException.NoAccess.class, () -> eve.changes().exportContents(folderA,
                    SyncState.initial(), ContentsSyncOptions.defaults()));
            assertThrows(MapiException.NoAccess.class, () -> eve.changes().importContents(folderA,
                    SyncState.initial(), List.of(new ContentImport.Save(Optional.empty(),
                            MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "x"))), PredecessorChangeList.empty())),
                    ConflictPolicy.CLIENT_WINS));
        }
    }

    // ---- hierarchy

    @Test
    void hierarchyExportsFollowCreationsRenamesMovesAndDeletions() {
        EntryId top = store.folder(WellKnownFolder.IPM_SUBTREE);
        Map<SourceKey, FolderInfo> replica = new HashMap<>();
        SyncState state = applyHierarchy(replica, alice.changes().exportHierarchy(top, SyncState.initial()));
        assertEquals(hierarchyTruth(top), replica.keySet());

        EntryId x = alice.folders().create(top, "X", "IPF.Note", CollisionPolicy.FAIL);
        EntryId y = alice.folders().create(x, "Y", "IPF.Note", CollisionPolicy.FAIL);
        state = applyHierarchy(replica, alice.changes().exportHierarchy(top, state));
        assertEquals(hierarchyTruth(top), replica.keySet());
        assertEquals("Y", replica.get(alice.folders().info(y).sourceKey()).name());

        alice.folders().rename(y, "Y2");
        alice.folders().move(y, folderA, CollisionPolicy.FAIL);
        alice.folders().delete(x, new FolderDeletion(true, true));
        EntryId z = alice.folders().create(folderB, "Z", "IPF.Note", CollisionPolicy.FAIL);
        HierarchyExport e = alice.changes().exportHierarchy(top, state);
        assertEquals(ChangeKind.HARD_DELETED, e.changes().get(0).kind());
        state = applyHierarchy(replica, e);
        assertEquals(hierarchyTruth(top), replica.keySet());
        FolderInfo y2 = replica.get(alice.folders().info(y).sourceKey());
        assertEquals("Y2", y2.name());
        assertEquals(alice.folders().info(folderA).entryId(), y2.parent().orElseThrow());
        assertTrue(replica.containsKey(alice.folders().info(z).sourceKey()));
        assertEquals(List.of(), alice.changes().exportHierarchy(top, state).changes());
    }

    private SyncState applyHierarchy(Map<SourceKey, FolderInfo> replica, HierarchyExport e) {
        Set<SourceKey> before = new HashSet<>(replica.keySet());
        for (FolderChange ch : e.changes()) {
            switch (ch.kind()) {
                case NEW -> {
                    assertFalse(before.contains(ch.sourceKey()) && replica.containsKey(ch.sourceKey()));
                    ch.parentSourceKey().ifPresent(p -> assertTrue(replica.containsKey(p)
                            || p.equals(alice.folders().info(store.folder(WellKnownFolder.IPM_SUBTREE)).sourceKey()),
                            "a parent comes before its children"));
                    replica.put(ch.sourceKey(), ch.folder().orElseThrow());
                }
                case MODIFIED -> {
                    assertTrue(replica.containsKey(ch.sourceKey()), "MODIFIED of an unknown folder");
                    replica.put(ch.sourceKey(), ch.folder().orElseThrow());
                }
                default -> replica.remove(ch.sourceKey());
            }
        }
        return e.state();
    }

    private Set<SourceKey> hierarchyTruth(EntryId top) {
        Set<SourceKey> out = new HashSet<>();
        alice.folders().children(top, true).forEach(f -> out.add(f.sourceKey()));
        return out;
    }

    // ---- IMAP identifiers

    @Test
    void imapIdentifiersFollowTheRules() {
        ImapFolderState empty = alice.changes().imapState(folderA);
        EntryId m1 = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "1"))));
        EntryId m2 = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "2"))));
        ContentsExport all = drain(folderA, SyncState.initial(), ContentsSyncOptions.defaults());
        long uid1 = all.changes().get(0).uid();
        long uid2 = all.changes().get(1).uid();
        assertTrue(uid1 >= empty.uidNext(), "UIDs are at least the UIDNEXT announced before");
        assertTrue(uid2 > uid1);
        ImapFolderState two = alice.changes().imapState(folderA);
        assertEquals(empty.uidValidity(), two.uidValidity());
        assertEquals(uid2 + 1, two.uidNext());
        assertEquals(2, two.exists());
        alice.messages().setReadFlags(folderA, List.of(m1), true);
        ImapFolderState flagged = alice.changes().imapState(folderA);
        assertTrue(flagged.highestModSeq() > two.highestModSeq());
        assertEquals(two.uidNext(), flagged.uidNext(), "a flag change adds no UID");
        alice.messages().delete(List.of(m2), true);
        ImapFolderState expunged = alice.changes().imapState(folderA);
        assertTrue(expunged.highestModSeq() > flagged.highestModSeq(), "an expunge raises HIGHESTMODSEQ");
        assertEquals(two.uidNext(), expunged.uidNext(), "UIDNEXT never goes back");
        alice.messages().move(List.of(m1), folderB);
        alice.messages().move(List.of(m1), folderA);
        ContentsExport back = drain(folderA, SyncState.initial(), ContentsSyncOptions.defaults());
        assertTrue(back.changes().get(0).uid() >= expunged.uidNext(), "a message that comes back gets a new UID");
    }

    // ---- cost

    @Test
    void anIncrementalExportReadsOnlyTheChanges() {
        List<MessageContent> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "bulk " + i))));
        }
        alice.messages().createAll(folderA, many);
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withBatchSize(1000);
        SyncState state = drain(folderA, SyncState.initial(), options).state();
        EntryId late = alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "late"))));
        ContentsExport e = alice.changes().exportContents(folderA, state, options);
        assertEquals(List.of(ChangeKind.NEW), e.changes().stream().map(ContentChange::kind).toList());
        assertEquals(keyOf(late), e.changes().get(0).sourceKey());
        assertTrue(state.bytes().length < 128, "the state stays small");
    }

    @Test
    void aBatchOfNewMessagesHoldsAsManyAsAsked() {
        for (int i = 0; i < 12; i++) { // one by one: each message has change numbers of its own
            alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "one " + i))));
        }
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS).withBatchSize(5);
        ContentsExport first = alice.changes().exportContents(folderA, SyncState.initial(), options);
        assertEquals(5, first.changes().size(), "a new message is one object, though several scans find it");
        ContentsExport second = alice.changes().exportContents(folderA, first.state(), options);
        assertEquals(5, second.changes().size());
        ContentsExport third = alice.changes().exportContents(folderA, second.state(), options);
        assertEquals(2, third.changes().size());
        assertTrue(third.complete());
    }

    @Test
    void objectsSharingOneChangeNumberAreGivenABatchAtATime() {
        List<MessageContent> many = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            many.add(MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "full " + i))));
        }
        alice.messages().createAll(folderA, many);
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS).withBatchSize(4);
        Replica r = new Replica();
        sync(r, folderA, options);
        assertEquals(23, r.items.size());

        // Two new messages, then emptying the folder: 25 deletions at one change number.
        alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "new 1"))));
        alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "new 2"))));
        alice.folders().empty(folderA, false, false);
        ContentsExport first = alice.changes().exportContents(folderA, r.state, options);
        assertEquals(4, first.changes().size(), "no more than the batch size, though 25 objects share the number");
        assertFalse(first.complete());
        first.changes().forEach(r::apply);
        r.state = first.state();
        // Written between two batches inside the shared number: found after it.
        alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "after"))));
        int batches = sync(r, folderA, options);
        assertTrue(batches >= 6, "the 23 removals and the new message a batch of 4 at a time: " + batches);
        assertEquals(truth(folderA, false, Optional.empty()), r.items);
        assertEquals(Set.of("after"), r.items.values().stream().map(Item::subject).collect(java.util.stream.Collectors.toSet()));

        // An older state still exports the same changes, a batch at a time (the state holds the position).
        ContentsExport again = alice.changes().exportContents(folderA, first.state(), options);
        assertTrue(again.changes().size() <= 4);
    }

    @Test
    void aContentChangeIsNotHiddenByALaterReadChangeAcrossABatchBoundary() {
        List<EntryId> ms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ms.add(alice.messages().create(folderA, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "m" + i)))));
        }
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withColumns(COLUMNS).withBatchSize(2);
        Replica r = new Replica();
        sync(r, folderA, options);
        // Content changes of the first two, then a read change of the first: its content change comes first in
        // change-number order, its greatest change number last.
        alice.messages().update(ms.get(0), List.of(PropValue.of(PR_SUBJECT, "m0 edited")), List.of());
        alice.messages().update(ms.get(1), List.of(PropValue.of(PR_SUBJECT, "m1 edited")), List.of());
        alice.messages().update(ms.get(2), List.of(PropValue.of(PR_SUBJECT, "m2 edited")), List.of());
        alice.messages().setReadFlags(folderA, List.of(ms.get(0)), true);
        sync(r, folderA, options.withBatchSize(1));
        assertEquals(truth(folderA, false, Optional.empty()), r.items);
    }
}
