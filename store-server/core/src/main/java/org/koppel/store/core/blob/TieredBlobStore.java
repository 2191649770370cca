package org.koppel.store.core.blob;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * The engine's view of attachment data: the configured store for streamed data, and small data (up to
 * {@link #smallMaxBytes()}) written into the database inside the transaction of the message that
 * references it. A delivered 10 KB message thereby costs one durable commit instead of a file written and
 * fsynced with its directory plus a transaction of its own before the message's commit. Keys say which
 * store holds a blob ({@code db:} or the large store's own), so open, references and purge go to the
 * right one whatever the configuration was when the blob was written.
 */
public final class TieredBlobStore implements BlobStore {

    /** The most a {@link #smallMaxBytes()} may be: the data of each small attachment is held in memory. */
    public static final long SMALL_MAX_LIMIT = 1024 * 1024;

    private final BlobStore large;
    private final DatabaseBlobStore small;
    private final long smallMaxBytes;

    /**
     * @param large         where streamed data goes (files, or the database in chunks)
     * @param small         the database store that holds small data; the same object as {@code large} when
     *                      attachments are kept in the database anyway
     * @param smallMaxBytes data up to this size is written in the referencing transaction; 0 never
     */
    public TieredBlobStore(BlobStore large, DatabaseBlobStore small, long smallMaxBytes) {
        this.large = Objects.requireNonNull(large, "large");
        this.small = Objects.requireNonNull(small, "small");
        if (smallMaxBytes < 0 || smallMaxBytes > SMALL_MAX_LIMIT) {
            throw new IllegalArgumentException("the small attachment limit must be 0 to " + SMALL_MAX_LIMIT + " bytes");
        }
        this.smallMaxBytes = smallMaxBytes;
    }

    /** Data up to this size may go through {@link #insertReferenced} instead of {@link #put}. */
    public long smallMaxBytes() {
        return smallMaxBytes;
    }

    /** Streams to the large store: durable before this returns, as {@link BlobStore#put} promises. */
    @Override
    public BlobRef put(InputStream data, long maxBytes) {
        return large.put(data, maxBytes);
    }

    /**
     * Writes small data with its one reference inside the caller's transaction (see
     * {@link DatabaseBlobStore#insertReferenced}).
     */
    public BlobRef insertReferenced(Connection tx, byte[] data) throws SQLException {
        if (data.length > smallMaxBytes) {
            throw new IllegalArgumentException(data.length + " bytes is above the small attachment limit");
        }
        return small.insertReferenced(tx, data);
    }

    @Override
    public void addReference(Connection tx, BlobRef blob) throws SQLException {
        holder(blob.key()).addReference(tx, blob);
    }

    @Override
    public void removeReference(Connection tx, BlobRef blob) throws SQLException {
        holder(blob.key()).removeReference(tx, blob);
    }

    @Override
    public InputStream open(String key) {
        return holder(key).open(key);
    }

    @Override
    public PurgeReport purge(Duration grace) {
        PurgeReport first = large.purge(grace);
        if (large == small) {
            return first;
        }
        PurgeReport second = small.purge(grace);
        return new PurgeReport(first.blobsRemoved() + second.blobsRemoved(), first.bytesFreed() + second.bytesFreed(),
                first.orphansRemoved() + second.orphansRemoved());
    }

    private BlobStore holder(String key) {
        return DatabaseBlobStore.owns(key) ? small : large;
    }
}
