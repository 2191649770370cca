package org.koppel.gateway.imap.syntax;

import java.util.Optional;

/**
 * A client command that could not be read. The reader has already consumed the offending command (the rest of
 * its line, and any non-synchronizing literals on it), so the session answers and reads the next one, unless
 * {@link #disconnect()} says the stream can no longer be trusted.
 */
public final class CommandException extends Exception {

    /** Why the command was refused; each maps onto one response. */
    public enum Reason {
        /** Malformed: {@code tag BAD}. */
        SYNTAX,
        /**
         * A literal above the configured limit. A synchronizing one was refused before its continuation:
         * {@code tag NO [TOOBIG]}. A non-synchronizing one ({@link #disconnect()} is then true): {@code tag BAD
         * [TOOBIG]} and close (RFC 7888 section 4).
         */
        TOO_BIG,
        /** The command text exceeded the line limit: {@code * BYE}, then close. */
        LINE_TOO_LONG,
        /** SEARCH/SORT/THREAD named a charset the JVM does not know: {@code tag NO [BADCHARSET]}. */
        BAD_CHARSET
    }

    private final String tag;
    private final Reason reason;
    private final boolean disconnect;

    public CommandException(String tag, Reason reason, String message, boolean disconnect) {
        super(message, null, false, false);
        this.tag = tag;
        this.reason = reason;
        this.disconnect = disconnect;
    }

    static CommandException syntax(String message) {
        return new CommandException(null, Reason.SYNTAX, message, false);
    }

    CommandException withTag(String newTag) {
        return tag != null || newTag == null ? this : new CommandException(newTag, reason, getMessage(), disconnect);
    }

    /** The command's tag, if it was read before the error; untagged errors are answered {@code * BAD}. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Whether the session must close the connection after answering: the line limit was exceeded, or a
     * non-synchronizing literal above the limit was announced. For the latter RFC 7888 section 4 allows reading and
     * discarding; we close instead so a client cannot make us read up to its announced size for nothing.
     */
    public boolean disconnect() {
        return disconnect;
    }
}
