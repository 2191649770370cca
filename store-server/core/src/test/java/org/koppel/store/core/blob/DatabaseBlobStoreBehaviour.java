package org.koppel.store.core.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.Database;

/** The database store: the contract, plus how it lays out chunks and survives interrupted uploads. */
abstract class DatabaseBlobStoreBehaviour extends BlobStoreContract {

    private static final int CHUNK = 16 * 1024;

    @Override
    BlobStoreKind storeKind() {
        return BlobStoreKind.DATABASE;
    }

    @Override
    BlobStore newStore(Database db, Path dir) {
        return new DatabaseBlobStore(db, CHUNK);
    }

    @Override
    int chunkSize() {
        return CHUNK;
    }

    @Override
    List<String> unreferencedLeftovers(Database db, Path dir) {
        List<String> leftovers = new ArrayList<>(strings(db,
                "SELECT CONCAT('row ', blob_key, ' size ', size_bytes) FROM blobs WHERE refcount = 0"));
        leftovers.addAll(strings(db, "SELECT CONCAT('chunk ', blob_key, ' #', seq) FROM blob_chunks c"
                + " WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.blob_key = c.blob_key AND b.refcount > 0)"));
        return leftovers;
    }

    @Test
    void dataIsStoredInChunksOfTheConfiguredSize() {
        BlobRef ref = store.put(new SeededContent(20, 2 * CHUNK + CHUNK / 2), Long.MAX_VALUE);
        assertEquals(List.of(CHUNK, CHUNK, CHUNK / 2), chunkLengths(ref.key()));
        assertEquals(2 * CHUNK + CHUNK / 2, ref.sizeBytes());
        assertTrue(ref.key().startsWith("db:"), ref.key());
    }

    @Test
    void everyPutIsABlobOfItsOwn() {
        BlobRef a = store.put(new SeededContent(21, 10), 10);
        BlobRef b = store.put(new SeededContent(21, 10), 10);
        assertNotEquals(a.key(), b.key());
    }

    @Test
    void aFailingSourceLeavesNothing() {
        InputStream failing = new InputStream() {
            private final SeededContent content = new SeededContent(22, 10L * CHUNK);

            @Override
            public int read() throws IOException {
                if (content.produced() > CHUNK + CHUNK / 2) {
                    throw new IOException("client went away");
                }
                return content.read();
            }
        };
        assertThrows(MapiException.CallFailed.class, () -> store.put(failing, Long.MAX_VALUE));
        assertEquals(List.of(), unreferencedLeftovers(db, dir));
    }

    @Test
    void anUploadCutShortByACrashIsInvisibleAndPurgedAfterTheGracePeriod() throws Exception {
        // What a put leaves when the process dies between two chunks: the row, still sized -1, and a chunk.
        String key = "db:crashed-upload";
        long now = System.currentTimeMillis();
        db.transaction(c -> {
            new BlobTable().insert(c, key, -1, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO blob_chunks VALUES (?, 0, ?)")) {
                ps.setString(1, key);
                ps.setBytes(2, new byte[CHUNK]);
                ps.executeUpdate();
            }
            return null;
        });
        BlobRef ref = new BlobRef(key, 0);
        assertThrows(MapiException.NotFound.class, () -> store.open(key));
        assertThrows(MapiException.NotFound.class, () -> reference(ref));
        assertEquals(new PurgeReport(0, 0, 0), store.purge(Duration.ofHours(1)), "may still be uploading");
        age(ref, Duration.ofHours(2));
        assertEquals(new PurgeReport(0, 0, 1), store.purge(Duration.ofHours(1)));
        assertEquals(0, count("SELECT COUNT(*) FROM blob_chunks"));
    }

    @Test
    void readingDataPurgedMidwayFailsCleanly() throws Exception {
        BlobRef ref = store.put(new SeededContent(23, 3L * CHUNK), Long.MAX_VALUE);
        try (InputStream in = store.open(ref.key())) {
            assertEquals(CHUNK, in.readNBytes(CHUNK).length);
            age(ref, Duration.ofHours(2));
            assertEquals(1, store.purge(Duration.ofHours(1)).blobsRemoved());
            assertThrows(IOException.class, in::readAllBytes);
        }
    }

    @Test
    void purgeLeavesTheOtherStoresRowsAlone() {
        String foreign = "sha256:" + "ab".repeat(32);
        db.transaction(c -> {
            new BlobTable().insert(c, foreign, 10, 0);
            return null;
        });
        store.purge(Duration.ZERO);
        assertEquals(1, count("SELECT COUNT(*) FROM blobs"));
    }

    @Test
    void theFirstChunkReadsBackExactly() throws IOException {
        BlobRef ref = store.put(new SeededContent(24, CHUNK), CHUNK);
        byte[] expected = new SeededContent(24, CHUNK).readAllBytes();
        try (InputStream in = store.open(ref.key())) {
            assertArrayEquals(expected, in.readAllBytes());
        }
    }

    private List<Integer> chunkLengths(String key) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM blob_chunks WHERE blob_key = ? ORDER BY seq")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Integer> lengths = new ArrayList<>();
                    while (rs.next()) {
                        lengths.add(rs.getBytes(1).length);
                    }
                    return lengths;
                }
            }
        });
    }
}
