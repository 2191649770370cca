package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.PR_MESSAGE_FLAGS;
import static org.koppel.mapi.PropTags.PR_SUBJECT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.SearchCriteria;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** Search folders survive a restart, and a build a shutdown interrupted finishes after it. */
class SearchFolderRestartTest {

    private static final Restriction UNREAD = new Restriction.Bitmask(BitmaskOp.BMR_EQZ, PR_MESSAGE_FLAGS,
            MessageFlags.MSGFLAG_READ.value());

    @ParameterizedTest
    @MethodSource("org.koppel.store.core.testsupport.TestDatabases#both")
    void criteriaAndResultsSurviveARestartAndAnInterruptedBuildResumes(DatabaseKind kind) throws Exception {
        Path files = Files.createTempDirectory("koppel-search");
        DatabaseConfig config = TestDatabases.freshConfig(kind);
        EntryId search;
        Set<EntryId> expected = new HashSet<>();
        try (Database db = Database.open(config);
                Engine engine = Engine.start(db, new FileBlobStore(db, files), InProcessSessionTest.CONFIG)) {
            try (Session admin = engine.systemSession()) {
                admin.directory().createUser(NewUser.of("restart", "R", "restart@example.org", "pw"));
            }
            try (Session s = engine.logon(new Credentials.Password("restart", "pw"))) {
                var store = s.stores().openOwn();
                EntryId inbox = store.folder(WellKnownFolder.INBOX);
                for (int i = 0; i < 450; i++) {
                    EntryId m = s.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "m" + i),
                            PropValue.of(PR_MESSAGE_FLAGS, i % 3 == 0 ? 0 : MessageFlags.MSGFLAG_READ.value()))));
                    if (i % 3 == 0) {
                        expected.add(m);
                    }
                }
                search = s.folders().createSearchFolder(store.folder(WellKnownFolder.SEARCH_ROOT), "Unread",
                        CollisionPolicy.FAIL);
                s.folders().setSearchCriteria(search, new SearchCriteria(UNREAD, List.of(inbox), false));
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (s.folders().searchState(search).running()) {
                    assertTrue(System.nanoTime() < deadline);
                    Thread.sleep(10);
                }
                assertEquals(expected, shown(s, search));
            }
            // As if the server had stopped in the middle of a build.
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE search_criteria SET state = 1")) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_results")) {
                    ps.executeUpdate();
                }
                return null;
            });
        }
        try (TestDatabase db = TestDatabases.open(config);
                Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                        InProcessSessionTest.CONFIG);
                Session s = engine.logon(new Credentials.Password("restart", "pw"))) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (s.folders().searchState(search).running()) {
                assertTrue(System.nanoTime() < deadline, "the interrupted build never finished");
                Thread.sleep(10);
            }
            assertEquals(expected, shown(s, search));
            assertEquals(UNREAD, s.folders().searchState(search).criteria().restriction());
            assertEquals(expected.size(), s.folders().info(search).contentCount());
        } finally {
            try (var walk = Files.walk(files)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Set<EntryId> shown(Session s, EntryId folder) {
        return new HashSet<>(s.contents().query(folder, new TableQuery(List.of(), Optional.empty(), SortOrderSet.none(),
                0, 10_000, false)).rows().stream().map(r -> r.entryId()).toList());
    }
}
