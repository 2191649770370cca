package org.koppel.backend;

/**
 * Why a backend call failed, as a small closed set the gateway maps to protocol statuses in one place.
 * Backends translate their own errors (MAPI codes, IMAP NO replies, I/O errors) into these.
 */
public abstract sealed class BackendException extends RuntimeException {

    protected BackendException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wrong user or password (HTTP 401). */
    public static final class AuthenticationFailed extends BackendException {
        public AuthenticationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The user may not do this (folder rights, a standard folder that cannot be renamed). */
    public static final class AccessDenied extends BackendException {
        public AccessDenied(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The folder, item or attachment does not exist (any more). */
    public static final class NotFound extends BackendException {
        public NotFound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A folder of that name exists already under that parent. */
    public static final class AlreadyExists extends BackendException {
        public AlreadyExists(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The opaque state is corrupt, foreign or too old: the client must start over (sync key 0). */
    public static final class InvalidState extends BackendException {
        public InvalidState(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The backend does not offer this. */
    public static final class NotSupported extends BackendException {
        public NotSupported(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The mail source cannot be reached or is overloaded; retry later (HTTP 503). */
    public static final class Unavailable extends BackendException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A message to send that cannot be sent as it is: the gateway answers with the command's status for the
     * {@link Problem}, and nothing was queued.
     */
    public static final class InvalidMessage extends BackendException {

        /** What is wrong with the message. */
        public enum Problem {
            /** Neither the MIME nor the request names a recipient. */
            NO_RECIPIENTS,
            /** The MIME is not a message that can be read (it would only go out as an attachment of itself). */
            MALFORMED
        }

        private final Problem problem;

        public InvalidMessage(Problem problem, String message, Throwable cause) {
            super(message, cause);
            this.problem = java.util.Objects.requireNonNull(problem, "problem");
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The mailbox is over its quota. */
    public static final class QuotaExceeded extends BackendException {
        public QuotaExceeded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Anything else: a server error, details in the backend's log. */
    public static final class Failed extends BackendException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
