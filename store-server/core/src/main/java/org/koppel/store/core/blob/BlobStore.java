package org.koppel.store.core.blob;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where attachment data lives. Writing is two-phase so that no transaction ever has to re-read a
 * client's stream: {@link #put} stores the bytes durably first (unreferenced), then the message's
 * transaction records a reference with {@link #addReference}. Unreferenced data is removed by
 * {@link #purge} only after a grace period, so a crash between any two steps leaves at worst an orphan,
 * never a message without its data.
 */
public interface BlobStore {

    /**
     * Stores the stream's bytes, reading at most {@code maxBytes} (more is MAPI_E_TOO_BIG and nothing is
     * kept); the stream is read to its end but not closed.
     */
    BlobRef put(InputStream data, long maxBytes);

    /** Records one more reference to the blob, inside the caller's transaction. */
    void addReference(Connection tx, BlobRef blob) throws SQLException;

    /** Drops one reference, inside the caller's transaction; the data goes at the next purge. */
    void removeReference(Connection tx, BlobRef blob) throws SQLException;

    /** Opens the blob's data for streaming; a missing blob is MAPI_E_NOT_FOUND. */
    InputStream open(String key);

    /** Removes data that has had no reference for longer than {@code grace}, and orphaned files. */
    PurgeReport purge(Duration grace);
}
