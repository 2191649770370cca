package org.koppel.store.core.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * Small data written inside the referencing transaction, next to a file store for everything streamed:
 * it is durable exactly when that transaction commits, and open, references and purge find each blob in the
 * store that holds it.
 */
class TieredBlobStoreTest {

    private static final int CHUNK = 16 * 1024;
    private static final int SMALL_MAX = 64 * 1024;
    private static final String BOTH = "org.koppel.store.core.testsupport.TestDatabases#both";

    private static TieredBlobStore tiered(Database db, Path dir) {
        return new TieredBlobStore(new FileBlobStore(db, dir), new DatabaseBlobStore(db, CHUNK), SMALL_MAX);
    }

    private static byte[] bytes(long seed, int length) throws IOException {
        try (InputStream in = new SeededContent(seed, length)) {
            return in.readAllBytes();
        }
    }

    private static BlobRef insertCommitted(Database db, TieredBlobStore store, byte[] data) {
        return db.transaction(c -> store.insertReferenced(c, data));
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void smallDataIsReadableOnceItsTransactionCommits(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            TieredBlobStore store = tiered(t.database(), dir);
            byte[] data = bytes(1, 2 * CHUNK + CHUNK / 2);
            BlobRef ref = insertCommitted(t.database(), store, data);
            assertTrue(ref.key().startsWith("db:"), ref.key());
            assertEquals(data.length, ref.sizeBytes());
            try (InputStream in = store.open(ref.key())) {
                assertArrayEquals(data, in.readAllBytes());
            }
            assertEquals(1, BlobStoreContract.referenceCounts(t.database()).get(ref.key()));
            assertEquals(3, BlobStoreContract.count(t.database(), "SELECT COUNT(*) FROM blob_chunks"));
            try (var files = Files.walk(dir)) {
                assertEquals(0, files.filter(Files::isRegularFile).count(), "no file for small data");
            }
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void emptyDataHasNoChunks(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            TieredBlobStore store = tiered(t.database(), dir);
            BlobRef ref = insertCommitted(t.database(), store, new byte[0]);
            try (InputStream in = store.open(ref.key())) {
                assertEquals(-1, in.read());
            }
            assertEquals(0, BlobStoreContract.count(t.database(), "SELECT COUNT(*) FROM blob_chunks"));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aRolledBackTransactionLeavesNothing(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            TieredBlobStore store = tiered(t.database(), dir);
            byte[] data = bytes(2, 1000);
            assertThrows(IllegalStateException.class, () -> t.database().transaction(c -> {
                store.insertReferenced(c, data);
                throw new IllegalStateException("the message could not be saved");
            }));
            assertEquals(0, BlobStoreContract.count(t.database(), "SELECT COUNT(*) FROM blobs"));
            assertEquals(0, BlobStoreContract.count(t.database(), "SELECT COUNT(*) FROM blob_chunks"));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void dataAboveTheSmallLimitIsRefused(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            TieredBlobStore store = tiered(t.database(), dir);
            byte[] data = new byte[SMALL_MAX + 1];
            assertThrows(IllegalArgumentException.class, () -> insertCommitted(t.database(), store, data));
            assertEquals(0, BlobStoreContract.count(t.database(), "SELECT COUNT(*) FROM blobs"));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void putStreamsToTheLargeStore(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            TieredBlobStore store = tiered(t.database(), dir);
            BlobRef ref = store.put(new SeededContent(3, 100), 100);
            assertTrue(ref.key().startsWith("sha256:"), ref.key());
            assertEquals(SeededContent.sha256(3, 100), SeededContent.sha256(store.open(ref.key())));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void referencesAndPurgeReachBothStores(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            Database db = t.database();
            TieredBlobStore store = tiered(db, dir);
            BlobRef small = insertCommitted(db, store, bytes(4, 700));
            BlobRef large = store.put(new SeededContent(5, 300), 300);
            db.transaction(c -> {
                store.addReference(c, small);
                store.addReference(c, large);
                return null;
            });
            assertEquals(2, BlobStoreContract.referenceCounts(db).get(small.key()));
            assertEquals(1, BlobStoreContract.referenceCounts(db).get(large.key()));
            for (int i = 0; i < 2; i++) {
                db.transaction(c -> {
                    store.removeReference(c, small);
                    return null;
                });
            }
            db.transaction(c -> {
                store.removeReference(c, large);
                return null;
            });
            assertEquals(new PurgeReport(0, 0, 0), store.purge(Duration.ofHours(1)), "still in their grace");
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE blobs SET touched_ms = touched_ms - ?")) {
                    ps.setLong(1, Duration.ofHours(2).toMillis());
                    ps.executeUpdate();
                }
                return null;
            });
            assertEquals(new PurgeReport(2, 1000, 0), store.purge(Duration.ofHours(1)));
            assertThrows(MapiException.NotFound.class, () -> store.open(small.key()));
            assertThrows(MapiException.NotFound.class, () -> store.open(large.key()));
            assertEquals(0, BlobStoreContract.count(db, "SELECT COUNT(*) FROM blob_chunks"));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aDatabaseStoreServesBothTiersAndIsPurgedOnce(DatabaseKind kind) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            Database db = t.database();
            DatabaseBlobStore blobs = new DatabaseBlobStore(db, CHUNK);
            TieredBlobStore store = new TieredBlobStore(blobs, blobs, SMALL_MAX);
            BlobRef small = insertCommitted(db, store, bytes(6, 10));
            BlobRef large = store.put(new SeededContent(7, 20), 20);
            db.transaction(c -> {
                store.removeReference(c, small);
                return null;
            });
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE blobs SET touched_ms = touched_ms - ?")) {
                    ps.setLong(1, Duration.ofHours(2).toMillis());
                    ps.executeUpdate();
                }
                return null;
            });
            assertEquals(new PurgeReport(2, 30, 0), store.purge(Duration.ofHours(1)));
            assertThrows(MapiException.NotFound.class, () -> store.open(large.key()));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void theLimitIsBounded(DatabaseKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind)) {
            Database db = t.database();
            FileBlobStore files = new FileBlobStore(db, dir);
            DatabaseBlobStore small = new DatabaseBlobStore(db, CHUNK);
            assertThrows(IllegalArgumentException.class,
                    () -> new TieredBlobStore(files, small, TieredBlobStore.SMALL_MAX_LIMIT + 1));
            assertThrows(IllegalArgumentException.class, () -> new TieredBlobStore(files, small, -1));
            TieredBlobStore off = new TieredBlobStore(files, small, 0);
            assertThrows(IllegalArgumentException.class, () -> insertCommitted(db, off, new byte[1]));
        }
    }
}
