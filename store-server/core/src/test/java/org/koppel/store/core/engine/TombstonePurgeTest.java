package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.PR_SUBJECT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** Expired deletions are purged, and sync states that might have missed one are refused. */
class TombstonePurgeTest {

    @ParameterizedTest
    @MethodSource("org.koppel.store.core.testsupport.TestDatabases#both")
    void purgedDeletionsInvalidateOlderStatesOnly(DatabaseKind kind) throws Exception {
        Path files = Files.createTempDirectory("koppel-purge");
        try (TestDatabase db = TestDatabases.open(kind);
                Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                        InProcessSessionTest.CONFIG)) {
            try (Session admin = engine.systemSession()) {
                admin.directory().createUser(NewUser.of("purge", "P", "purge@example.org", "pw"));
            }
            try (Session s = engine.logon(new Credentials.Password("purge", "pw"))) {
                EntryId inbox = s.stores().openOwn().folder(WellKnownFolder.INBOX);
                EntryId a = s.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "a"))));
                s.messages().create(inbox, MessageContent.of(List.of(PropValue.of(PR_SUBJECT, "b"))));
                ContentsSyncOptions options = ContentsSyncOptions.defaults();
                SyncState before = s.changes().exportContents(inbox, SyncState.initial(), options).state();
                s.messages().delete(List.of(a), true);
                SyncState after = s.changes().exportContents(inbox, before, options).state();

                TombstonePurge now = new TombstonePurge(db.database(), Clock.systemUTC());
                assertEquals(0, now.purge(Duration.ofDays(90)), "nothing is old enough yet");
                assertEquals(List.of(ChangeKind.HARD_DELETED), s.changes().exportContents(inbox, before, options)
                        .changes().stream().map(c -> c.kind()).toList());

                Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(91)), ZoneOffset.UTC);
                assertEquals(1, new TombstonePurge(db.database(), later).purge(Duration.ofDays(90)));
                assertThrows(MapiException.InvalidSyncState.class,
                        () -> s.changes().exportContents(inbox, before, options), "a state that never saw the deletion");
                ContentsExport current = s.changes().exportContents(inbox, after, options);
                assertEquals(List.of(), current.changes(), "a state that saw it goes on");
                assertEquals(1, s.changes().exportContents(inbox, SyncState.initial(), options).changes().size());
            }
        } finally {
            try (var walk = Files.walk(files)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
