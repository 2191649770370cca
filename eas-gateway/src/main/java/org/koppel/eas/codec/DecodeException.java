package org.koppel.eas.codec;

/**
 * A request or response body that is well-formed WBXML (or not even that) but is not a valid
 * document of its command: an element in the wrong place or repeated, a required element
 * missing, a value out of range, an element the negotiated protocol version does not have.
 * The gateway answers it with the command's protocol-error status; it never escapes as a
 * RuntimeException.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of mistake the document makes; the mapping to statuses may depend on it. */
    public enum Reason {
        /** Broken WBXML: the reader's own refusal (truncation, unknown token, limits). */
        MALFORMED,
        /** An element, text or opaque data where the command does not allow it. */
        UNEXPECTED,
        /** An element that may appear once appears again. */
        DUPLICATE,
        /** A required element is absent. */
        MISSING,
        /** A value that is not a number, or out of the allowed range or set. */
        BAD_VALUE,
        /** An element that does not exist in the protocol version of the request. */
        NOT_IN_VERSION
    }

    private final Reason reason;
    private final long offset;

    public DecodeException(Reason reason, String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.reason = reason;
        this.offset = offset;
    }

    public DecodeException(Reason reason, String message, long offset, Throwable cause) {
        this(reason, message, offset);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }

    /** Byte offset in the document where the problem was found. */
    public long offset() {
        return offset;
    }
}
