package org.koppel.store.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.StatementBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachment data kept in the store database itself ({@code blob_chunks}), for installations that want
 * one thing to back up. Every put is a blob of its own ({@code "db:" + UUID}); nothing is deduplicated.
 *
 * <p>Protocol, chosen so that a crash between any two steps leaves at worst an unreferenced row for a
 * later purge:
 * <ol>
 * <li>put commits the {@code blobs} row first: refcount 0, size -1 ("still being written");</li>
 * <li>then each chunk in its own short transaction, which also refreshes touched_ms on the row. The row
 *     update locks the row, so a chunk never outlives its row, a purge cannot remove a blob while a chunk
 *     of it is being added, and a slow upload is never mistaken for an abandoned one;</li>
 * <li>then the final size (and touched_ms) in one more transaction; only now can the blob be opened or
 *     referenced.</li>
 * </ol>
 * Neither the whole blob nor a whole upload transaction is ever held: memory per put or open is one
 * chunk, and {@link #open} fetches one chunk per short query as the reader advances.
 *
 * <p>{@link #removeReference} only decrements (and restarts the grace period); the chunks go at the next
 * {@link #purge} like the file store's, because deleting up to the whole attachment inside the caller's
 * message transaction would make deletes slow and lock-heavy, and a reference dropped by a move that
 * re-adds it in a later transaction must not lose the data in between.
 */
public final class DatabaseBlobStore implements BlobStore {

    /** Small enough to be one cheap row and query, large enough that a 50 MB attachment is 200 rows. */
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;

    /** Below MariaDB's default max_allowed_packet (16 MiB) with room for the statement around it. */
    static final int MAX_CHUNK_SIZE = 8 * 1024 * 1024;

    static final String KEY_PREFIX = "db:";

    /** Whether the key names a blob of this store (whichever store instance wrote it). */
    static boolean owns(String key) {
        return key != null && key.startsWith(KEY_PREFIX);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBlobStore.class);
    private static final int PURGE_BATCH = 500;

    private final Database db;
    private final int chunkSize;
    private final BlobTable table = new BlobTable();

    public DatabaseBlobStore(Database db) {
        this(db, DEFAULT_CHUNK_SIZE);
    }

    public DatabaseBlobStore(Database db, int chunkSize) {
        this.db = Objects.requireNonNull(db, "db");
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1 to " + MAX_CHUNK_SIZE + " bytes");
        }
        this.chunkSize = chunkSize;
    }

    @Override
    public BlobRef put(InputStream data, long maxBytes) {
        Objects.requireNonNull(data, "data");
        if (maxBytes < 0) {
            throw new MapiException.InvalidParameter("negative maximum blob size");
        }
        String key = KEY_PREFIX + UUID.randomUUID();
        db.transaction(c -> {
            table.insert(c, key, -1, System.currentTimeMillis());
            return null;
        });
        boolean complete = false;
        try {
            byte[] chunk = new byte[chunkSize];
            long total = 0;
            int seq = 0;
            while (true) {
                // Ask for one byte beyond the limit, never more, so an oversized stream is detected
                // without reading (much of) the excess.
                long room = maxBytes - total;
                int want = room >= chunkSize ? chunkSize : (int) room + 1;
                int n = data.readNBytes(chunk, 0, want);
                total += n;
                if (total > maxBytes) {
                    throw new MapiException.TooBig("attachment data exceeds " + maxBytes + " bytes");
                }
                if (n > 0) {
                    writeChunk(key, seq++, n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                }
                if (n < want) {
                    break;
                }
            }
            long size = total;
            boolean present = db.transaction(c -> table.complete(c, key, size, System.currentTimeMillis()));
            if (!present) {
                throw new MapiException.CallFailed("blob " + key + " was purged while being written");
            }
            complete = true;
            return new BlobRef(key, size);
        } catch (IOException e) {
            throw new MapiException.CallFailed("reading attachment data failed: " + e.getMessage(), e);
        } finally {
            if (!complete) {
                discard(key);
            }
        }
    }

    /**
     * Writes a blob already held in memory inside the caller's transaction, with its one reference: the
     * data becomes durable with the commit that references it, or not at all, so there is nothing to purge
     * after a rollback or a crash. For small data only, since the whole blob is in memory and in the
     * transaction.
     */
    public BlobRef insertReferenced(Connection tx, byte[] data) throws SQLException {
        Objects.requireNonNull(data, "data");
        String key = KEY_PREFIX + UUID.randomUUID();
        table.insertReferenced(tx, key, data.length, System.currentTimeMillis());
        if (data.length > 0) {
            try (PreparedStatement ps = tx.prepareStatement(
                    "INSERT INTO blob_chunks (blob_key, seq, data) VALUES (?, ?, ?)")) {
                int seq = 0;
                StatementBatch batch = new StatementBatch(ps, (data.length + chunkSize - 1) / chunkSize);
                for (int from = 0; from < data.length; from += chunkSize) {
                    ps.setString(1, key);
                    ps.setInt(2, seq++);
                    ps.setBytes(3, from == 0 && data.length <= chunkSize ? data
                            : Arrays.copyOfRange(data, from, Math.min(data.length, from + chunkSize)));
                    batch.add();
                }
                batch.execute();
            }
        }
        return new BlobRef(key, data.length);
    }

    private void writeChunk(String key, int seq, byte[] bytes) {
        db.transaction(c -> {
            if (!table.touch(c, key, System.currentTimeMillis())) {
                throw new MapiException.CallFailed("blob " + key + " was purged while being written");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO blob_chunks (blob_key, seq, data) VALUES (?, ?, ?)")) {
                ps.setString(1, key);
                ps.setInt(2, seq);
                ps.setBytes(3, bytes);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a failed put at once; if even that fails, the unreferenced row waits for purge. */
    private void discard(String key) {
        try {
            db.transaction(c -> {
                deleteBlob(c, key);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the failed upload {}; purge will: {}", key, e.getMessage());
        }
    }

    private void deleteBlob(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM blob_chunks WHERE blob_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
        table.delete(c, key);
    }

    @Override
    public void addReference(Connection tx, BlobRef blob) throws SQLException {
        if (!table.addReference(tx, blob.key())) {
            throw new MapiException.NotFound("blob " + blob.key() + " does not exist (purged?)");
        }
    }

    @Override
    public void removeReference(Connection tx, BlobRef blob) throws SQLException {
        if (!table.removeReference(tx, blob.key(), System.currentTimeMillis())) {
            LOG.warn("Dropping a reference to blob {} that has none; reference counting is off", blob.key());
        }
    }

    @Override
    public InputStream open(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            throw new MapiException.NotFound("no such blob: " + key);
        }
        BlobTable.Row row = db.transaction(c -> table.find(c, key));
        if (row == null || row.sizeBytes() < 0) {
            throw new MapiException.NotFound("no such blob: " + key);
        }
        return new ChunkStream(key, row.sizeBytes());
    }

    @Override
    public PurgeReport purge(Duration grace) {
        if (grace.isNegative()) {
            throw new MapiException.InvalidParameter("negative grace period");
        }
        long cutoff = System.currentTimeMillis() - grace.toMillis();
        int removed = 0;
        int incomplete = 0;
        long freed = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> keys = db.transaction(c -> table.unreferenced(c, KEY_PREFIX, cutoff, from, PURGE_BATCH));
            for (String key : keys) {
                try {
                    BlobTable.Row gone = db.transaction(c -> {
                        BlobTable.Row row = table.lock(c, key);
                        if (!BlobTable.purgeable(row, cutoff)) {
                            return null;
                        }
                        deleteBlob(c, key);
                        return row;
                    });
                    if (gone == null) {
                        continue;
                    }
                    if (gone.sizeBytes() < 0) {
                        incomplete++;
                    } else {
                        removed++;
                        freed += gone.sizeBytes();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not purge blob {}: {}", key, e.getMessage());
                }
            }
            if (keys.size() < PURGE_BATCH) {
                break;
            }
            after = keys.getLast();
        }
        return new PurgeReport(removed, freed, incomplete);
    }

    /**
     * The blob's bytes, one chunk query at a time, so neither the blob nor a connection is held while a
     * slow client reads.
     */
    private final class ChunkStream extends InputStream {
        private final String key;
        private long remaining;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int pos;

        ChunkStream(String key, long size) {
            this.key = key;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            remaining--;
            return chunk[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            remaining -= n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - pos;
        }

        private boolean fill() throws IOException {
            if (pos < chunk.length) {
                return true;
            }
            if (remaining == 0) {
                return false;
            }
            int seq = nextSeq;
            byte[] next;
            try {
                next = db.transaction(c -> readChunk(c, seq));
            } catch (MapiException e) {
                throw new IOException("reading blob " + key + " failed: " + e.getMessage(), e);
            }
            if (next == null || next.length == 0 || next.length > remaining) {
                // The row said how long the blob is; anything else means it was purged or damaged.
                throw new IOException("blob " + key + " is missing or damaged at chunk " + seq);
            }
            chunk = next;
            pos = 0;
            nextSeq++;
            return true;
        }

        private byte[] readChunk(Connection c, int seq) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM blob_chunks WHERE blob_key = ? AND seq = ?")) {
                ps.setString(1, key);
                ps.setInt(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        }
    }
}
