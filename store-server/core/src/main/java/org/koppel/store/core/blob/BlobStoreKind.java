package org.koppel.store.core.blob;

/** Where the store keeps attachment data; chosen in the server configuration. */
public enum BlobStoreKind {
    /** In the store database's blob_chunks table ({@link DatabaseBlobStore}): one thing to back up. */
    DATABASE,
    /** As content-addressed files under a directory ({@link FileBlobStore}): deduplicated, off the database. */
    FILES
}
