package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SortOrderSet;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.ServerChange;
import org.koppel.store.client.ServerExport;
import org.koppel.store.client.ServerSyncState;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.db.DatabaseKind;

/**
 * The server-wide export feeds a replica of every message of every store (what a search index or a
 * backup keeps) that always equals the stores, over random histories in two mailboxes, in batches of any
 * size, from scratch or incrementally.
 */
class ServerExportTest {

    /** What the replica keeps per message: the folder it is in. */
    private record Key(EntryId store, SourceKey sourceKey) {
    }

    private static final class Replica {
        final Map<Key, EntryId> messages = new HashMap<>();
        ServerSyncState state = ServerSyncState.initial();

        void apply(ServerChange ch) {
            switch (ch.kind()) {
                case STORE_REMOVED, RESYNC_STORE -> messages.keySet().removeIf(k -> k.store().equals(ch.store()));
                case SAVED -> {
                    if (ch.objectType() == MapiObjectType.MAPI_MESSAGE) {
                        messages.put(new Key(ch.store(), ch.sourceKey().orElseThrow()), ch.folder().orElseThrow());
                    }
                }
                case REMOVED -> {
                    if (ch.objectType() == MapiObjectType.MAPI_MESSAGE) {
                        messages.remove(new Key(ch.store(), ch.sourceKey().orElseThrow()));
                    } else {
                        // A removed folder takes its messages with it.
                        EntryId folder = ch.folder().orElseThrow();
                        messages.values().removeIf(folder::equals);
                    }
                }
            }
        }
    }

    private static void sync(Session admin, Replica r, Random random) {
        for (int calls = 0; ; calls++) {
            ServerExport e = admin.changes().exportServer(r.state, 1 + random.nextInt(25));
            e.changes().forEach(r::apply);
            r.state = e.state();
            if (e.complete()) {
                return;
            }
            assertTrue(calls < 10_000, "the export never completes");
        }
    }

    private static Map<Key, EntryId> truth(Session s) {
        Map<Key, EntryId> out = new HashMap<>();
        var store = s.stores().openOwn();
        EntryId root = store.folder(WellKnownFolder.ROOT);
        List<EntryId> folders = new ArrayList<>();
        folders.add(root);
        s.folders().children(root, true).forEach(f -> folders.add(f.entryId()));
        for (EntryId f : folders) {
            for (boolean fai : new boolean[] {false, true}) {
                for (var row : s.contents().query(f, new TableQuery(List.of(PR_SOURCE_KEY), Optional.empty(),
                        SortOrderSet.none(), 0, 100_000, fai)).rows()) {
                    out.put(new Key(store.entryId(), SourceKey.parse((byte[]) row.values().get(0).javaValue())), f);
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("org.koppel.store.core.testsupport.TestDatabases#both")
    void aReplicaOfEveryStoreStaysExact(DatabaseKind kind) throws Exception {
        try (EngineFixture fx = EngineFixture.start(kind)) {
            List<Session> users = new ArrayList<>();
            for (String name : List.of("idx1", "idx2")) {
                fx.admin.directory().createUser(NewUser.of(name, name, name + "@example.org", "pw"));
                users.add(fx.engine.logon(new Credentials.Password(name, "pw")));
            }
            Random random = new Random(3);
            List<List<EntryId>> folders = new ArrayList<>();
            List<List<EntryId>> messages = new ArrayList<>();
            for (Session u : users) {
                var store = u.stores().openOwn();
                folders.add(new ArrayList<>(List.of(store.folder(WellKnownFolder.INBOX),
                        store.folder(WellKnownFolder.SENT_ITEMS))));
                messages.add(new ArrayList<>());
            }
            Replica fromStart = new Replica();
            for (int round = 0; round < 10; round++) {
                for (int step = 0; step < 30; step++) {
                    int who = random.nextInt(users.size());
                    Session u = users.get(who);
                    List<EntryId> fs = folders.get(who);
                    List<EntryId> ms = messages.get(who);
                    int op = random.nextInt(100);
                    if (op < 35 || ms.isEmpty()) {
                        ms.add(u.messages().create(fs.get(random.nextInt(fs.size())), new MessageContent(
                                List.of(PropValue.of(PR_SUBJECT, "s" + step)), List.of(), List.of(),
                                random.nextInt(8) == 0)));
                    } else if (op < 50) {
                        u.messages().update(ms.get(random.nextInt(ms.size())),
                                List.of(PropValue.of(PR_SUBJECT, "edit")), List.of());
                    } else if (op < 62) {
                        EntryId m = ms.remove(random.nextInt(ms.size()));
                        u.messages().delete(List.of(m), random.nextBoolean());
                    } else if (op < 80) {
                        EntryId m = ms.get(random.nextInt(ms.size()));
                        try {
                            u.messages().move(List.of(m), fs.get(random.nextInt(fs.size())));
                        } catch (MapiException.NotFound associatedOrGone) {
                            ms.remove(m);
                        }
                    } else if (op < 90) {
                        fs.add(u.folders().create(fs.get(0), "F" + round + "-" + step, "IPF.Note",
                                CollisionPolicy.RENAME));
                    } else if (fs.size() > 2) {
                        EntryId f = fs.remove(fs.size() - 1);
                        u.folders().delete(f, FolderDeletion.EVERYTHING);
                        ms.removeIf(m -> {
                            try {
                                u.messages().properties(m, List.of(PR_SUBJECT));
                                return false;
                            } catch (MapiException.NotFound gone) {
                                return true;
                            }
                        });
                    }
                }
                sync(fx.admin, fromStart, random);
                Map<Key, EntryId> expected = new HashMap<>();
                users.forEach(u -> expected.putAll(truth(u)));
                Map<Key, EntryId> mine = new HashMap<>(fromStart.messages);
                mine.keySet().retainAll(expected.keySet());
                assertEquals(expected, mine, "round " + round);
                // Only the test's stores may add extra keys (other stores of the server are empty).
                assertEquals(expected.size(), fromStart.messages.keySet().stream()
                        .filter(k -> users.stream().anyMatch(u -> u.stores().openOwn().entryId().equals(k.store())))
                        .count());
            }
            Replica scratch = new Replica();
            sync(fx.admin, scratch, random);
            assertEquals(fromStart.messages, scratch.messages, "from scratch");
            try (Session u = users.get(0)) {
                assertThrows(MapiException.NoAccess.class, () -> u.changes().exportServer(ServerSyncState.initial(), 10));
            }
            assertThrows(MapiException.InvalidSyncState.class, () -> fx.admin.changes().exportServer(
                    new ServerSyncState(new byte[] {1, 2, 3}), 10));
            users.get(1).close();
        }
    }
}
