package org.koppel.eas.wbxml;

import java.io.IOException;

/**
 * A WBXML document that breaks the format, the ActiveSync code pages or the reader's limits, or
 * a document the writer refuses to produce. {@link #offset()} is the byte offset (from the start
 * of the document, header included) where the problem was found.
 *
 * <p>It is an {@link IOException} so that streaming code has one failure path; callers that must
 * tell a bad request from a broken connection catch this type first.
 */
public final class WbxmlException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public WbxmlException(String message, long offset) {
        super(message + " at byte " + offset);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
