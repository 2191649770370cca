package org.koppel.store.core.blob;

import java.util.Objects;

/** A stored blob: its key in the blob store (recorded on the attachment row) and its size. */
public record BlobRef(String key, long sizeBytes) {
    public BlobRef {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > 80) {
            throw new IllegalArgumentException("blob key must have 1 to 80 characters");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative blob size");
        }
    }
}
