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
    private final boolean sizeLimit;

    public WbxmlException(String message, long offset) {
        this(message, offset, false);
    }

    private WbxmlException(String message, long offset, boolean sizeLimit) {
        super(message + " at byte " + offset);
        this.offset = offset;
        this.sizeLimit = sizeLimit;
    }

    /** A document refused for its size alone (a string, opaque data or the whole past the reader's limits). */
    public static WbxmlException tooLarge(String message, long offset) {
        return new WbxmlException(message, offset, true);
    }

    /** Whether only the size was wrong: a command may answer that as "too large" rather than "malformed". */
    public boolean isSizeLimit() {
        return sizeLimit;
    }

    public long offset() {
        return offset;
    }
}
