package org.koppel.backend;

import java.util.Objects;

/**
 * An attachment's data for ItemOperations Fetch or GetAttachment: its MIME type, its exact size in bytes, and
 * the bytes as a source opened when they are sent (each {@code open()} gives a new stream the caller closes),
 * so a large attachment is streamed to the client and never held in memory, and nothing stays open when the
 * response is not sent.
 */
public record AttachmentData(String contentType, long size, ContentSource data) {
    public AttachmentData {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
