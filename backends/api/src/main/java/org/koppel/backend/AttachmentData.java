package org.koppel.backend;

import java.io.InputStream;

/** An attachment's data for ItemOperations Fetch or GetAttachment: the caller closes the stream. */
public record AttachmentData(String contentType, long size, InputStream data) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
        data.close();
    }
}
