package org.koppel.mapi;

/**
 * The MAPI errors as a closed set of unchecked exceptions: each subclass carries its {@link MapiError}
 * code, so a transport can map any store failure to a protocol status in one place.
 */
public abstract sealed class MapiException extends RuntimeException
        permits MapiException.NotFound, MapiException.NoAccess, MapiException.InvalidParameter, MapiException.InvalidType, MapiException.InvalidEntryId, MapiException.Collision, MapiException.FolderCycle, MapiException.StoreFull, MapiException.TooBig, MapiException.NoSupport, MapiException.LogonFailed, MapiException.ObjectChanged, MapiException.ObjectDeleted, MapiException.HasFolders, MapiException.HasMessages, MapiException.NamedPropQuotaExceeded, MapiException.TooComplex, MapiException.CorruptData, MapiException.InvalidSyncState, MapiException.NoRecipients, MapiException.Submitted, MapiException.EndOfSession, MapiException.CallFailed {

    private final MapiError error;

    protected MapiException(MapiError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public MapiError error() {
        return error;
    }

    public int hresult() {
        return error.hresult();
    }

    /** Rebuilds the exception for a code received from a peer (the SOAP/JSON transports use this). */
    public static MapiException of(MapiError error, String message) {
        return switch (error) {
            case NOT_FOUND -> new NotFound(message);
            case NO_ACCESS -> new NoAccess(message);
            case INVALID_PARAMETER -> new InvalidParameter(message);
            case INVALID_TYPE -> new InvalidType(message);
            case INVALID_ENTRYID -> new InvalidEntryId(message);
            case COLLISION -> new Collision(message);
            case FOLDER_CYCLE -> new FolderCycle(message);
            case STORE_FULL -> new StoreFull(message);
            case TOO_BIG -> new TooBig(message);
            case NO_SUPPORT -> new NoSupport(message);
            case LOGON_FAILED -> new LogonFailed(message);
            case OBJECT_CHANGED -> new ObjectChanged(message);
            case OBJECT_DELETED -> new ObjectDeleted(message);
            case HAS_FOLDERS -> new HasFolders(message);
            case HAS_MESSAGES -> new HasMessages(message);
            case NAMED_PROP_QUOTA_EXCEEDED -> new NamedPropQuotaExceeded(message);
            case TOO_COMPLEX -> new TooComplex(message);
            case CORRUPT_DATA -> new CorruptData(message);
            case SYNC_INVALID_STATE -> new InvalidSyncState(message);
            case NO_RECIPIENTS -> new NoRecipients(message);
            case SUBMITTED -> new Submitted(message);
            case END_OF_SESSION -> new EndOfSession(message);
            case CALL_FAILED -> new CallFailed(message);
            // Codes without a subclass keep their code: a peer's MAPI_E_TIMEOUT must not turn into CALL_FAILED.
            default -> new CallFailed(error, error.mapiName() + ": " + message);
        };
    }

    /** MAPI_E_NOT_FOUND: the object or property does not exist. */
    public static final class NotFound extends MapiException {
        public NotFound(String message) {
            super(MapiError.NOT_FOUND, message, null);
        }

        public NotFound(String message, Throwable cause) {
            super(MapiError.NOT_FOUND, message, cause);
        }
    }

    /** MAPI_E_NO_ACCESS: the caller lacks the rights for the operation. */
    public static final class NoAccess extends MapiException {
        public NoAccess(String message) {
            super(MapiError.NO_ACCESS, message, null);
        }

        public NoAccess(String message, Throwable cause) {
            super(MapiError.NO_ACCESS, message, cause);
        }
    }

    /** MAPI_E_INVALID_PARAMETER: an argument is malformed or out of range. */
    public static final class InvalidParameter extends MapiException {
        public InvalidParameter(String message) {
            super(MapiError.INVALID_PARAMETER, message, null);
        }

        public InvalidParameter(String message, Throwable cause) {
            super(MapiError.INVALID_PARAMETER, message, cause);
        }
    }

    /** MAPI_E_INVALID_TYPE: a property type is unknown or does not fit. */
    public static final class InvalidType extends MapiException {
        public InvalidType(String message) {
            super(MapiError.INVALID_TYPE, message, null);
        }

        public InvalidType(String message, Throwable cause) {
            super(MapiError.INVALID_TYPE, message, cause);
        }
    }

    /** MAPI_E_INVALID_ENTRYID: an entry id is malformed or names another store. */
    public static final class InvalidEntryId extends MapiException {
        public InvalidEntryId(String message) {
            super(MapiError.INVALID_ENTRYID, message, null);
        }

        public InvalidEntryId(String message, Throwable cause) {
            super(MapiError.INVALID_ENTRYID, message, cause);
        }
    }

    /** MAPI_E_COLLISION: a sibling with the same name exists. */
    public static final class Collision extends MapiException {
        public Collision(String message) {
            super(MapiError.COLLISION, message, null);
        }

        public Collision(String message, Throwable cause) {
            super(MapiError.COLLISION, message, cause);
        }
    }

    /** MAPI_E_FOLDER_CYCLE: a folder would be moved or copied into its own subtree. */
    public static final class FolderCycle extends MapiException {
        public FolderCycle(String message) {
            super(MapiError.FOLDER_CYCLE, message, null);
        }

        public FolderCycle(String message, Throwable cause) {
            super(MapiError.FOLDER_CYCLE, message, cause);
        }
    }

    /** MAPI_E_STORE_FULL: the store is over its hard quota. */
    public static final class StoreFull extends MapiException {
        public StoreFull(String message) {
            super(MapiError.STORE_FULL, message, null);
        }

        public StoreFull(String message, Throwable cause) {
            super(MapiError.STORE_FULL, message, cause);
        }
    }

    /** MAPI_E_TOO_BIG: a value or object exceeds a configured size limit. */
    public static final class TooBig extends MapiException {
        public TooBig(String message) {
            super(MapiError.TOO_BIG, message, null);
        }

        public TooBig(String message, Throwable cause) {
            super(MapiError.TOO_BIG, message, cause);
        }
    }

    /** MAPI_E_NO_SUPPORT: the operation is not supported. */
    public static final class NoSupport extends MapiException {
        public NoSupport(String message) {
            super(MapiError.NO_SUPPORT, message, null);
        }

        public NoSupport(String message, Throwable cause) {
            super(MapiError.NO_SUPPORT, message, cause);
        }
    }

    /** MAPI_E_LOGON_FAILED: credentials were refused. */
    public static final class LogonFailed extends MapiException {
        public LogonFailed(String message) {
            super(MapiError.LOGON_FAILED, message, null);
        }

        public LogonFailed(String message, Throwable cause) {
            super(MapiError.LOGON_FAILED, message, cause);
        }
    }

    /** MAPI_E_OBJECT_CHANGED: the object was changed by another session since it was read. */
    public static final class ObjectChanged extends MapiException {
        public ObjectChanged(String message) {
            super(MapiError.OBJECT_CHANGED, message, null);
        }

        public ObjectChanged(String message, Throwable cause) {
            super(MapiError.OBJECT_CHANGED, message, cause);
        }
    }

    /** MAPI_E_OBJECT_DELETED: the object was deleted. */
    public static final class ObjectDeleted extends MapiException {
        public ObjectDeleted(String message) {
            super(MapiError.OBJECT_DELETED, message, null);
        }

        public ObjectDeleted(String message, Throwable cause) {
            super(MapiError.OBJECT_DELETED, message, cause);
        }
    }

    /** MAPI_E_HAS_FOLDERS: the folder still has subfolders. */
    public static final class HasFolders extends MapiException {
        public HasFolders(String message) {
            super(MapiError.HAS_FOLDERS, message, null);
        }

        public HasFolders(String message, Throwable cause) {
            super(MapiError.HAS_FOLDERS, message, cause);
        }
    }

    /** MAPI_E_HAS_MESSAGES: the folder still has messages. */
    public static final class HasMessages extends MapiException {
        public HasMessages(String message) {
            super(MapiError.HAS_MESSAGES, message, null);
        }

        public HasMessages(String message, Throwable cause) {
            super(MapiError.HAS_MESSAGES, message, cause);
        }
    }

    /** MAPI_E_NAMED_PROP_QUOTA_EXCEEDED: the store has no named-property ids left. */
    public static final class NamedPropQuotaExceeded extends MapiException {
        public NamedPropQuotaExceeded(String message) {
            super(MapiError.NAMED_PROP_QUOTA_EXCEEDED, message, null);
        }

        public NamedPropQuotaExceeded(String message, Throwable cause) {
            super(MapiError.NAMED_PROP_QUOTA_EXCEEDED, message, cause);
        }
    }

    /** MAPI_E_TOO_COMPLEX: a restriction or sort is deeper or larger than allowed. */
    public static final class TooComplex extends MapiException {
        public TooComplex(String message) {
            super(MapiError.TOO_COMPLEX, message, null);
        }

        public TooComplex(String message, Throwable cause) {
            super(MapiError.TOO_COMPLEX, message, cause);
        }
    }

    /** MAPI_E_CORRUPT_DATA: stored or supplied data cannot be decoded. */
    public static final class CorruptData extends MapiException {
        public CorruptData(String message) {
            super(MapiError.CORRUPT_DATA, message, null);
        }

        public CorruptData(String message, Throwable cause) {
            super(MapiError.CORRUPT_DATA, message, cause);
        }
    }

    /** MAPI_E_END_OF_SESSION: the session was closed or has expired; log on again. */
    public static final class EndOfSession extends MapiException {
        public EndOfSession(String message) {
            super(MapiError.END_OF_SESSION, message, null);
        }

        public EndOfSession(String message, Throwable cause) {
            super(MapiError.END_OF_SESSION, message, cause);
        }
    }

    /** MAPI_E_SYNC_INVALID_STATE: a synchronisation state is corrupt or belongs to another folder. */
    public static final class InvalidSyncState extends MapiException {
        public InvalidSyncState(String message) {
            super(MapiError.SYNC_INVALID_STATE, message, null);
        }

        public InvalidSyncState(String message, Throwable cause) {
            super(MapiError.SYNC_INVALID_STATE, message, cause);
        }
    }

    /** MAPI_E_NO_RECIPIENTS: a message was submitted with an empty recipient table. */
    public static final class NoRecipients extends MapiException {
        public NoRecipients(String message) {
            super(MapiError.NO_RECIPIENTS, message, null);
        }

        public NoRecipients(String message, Throwable cause) {
            super(MapiError.NO_RECIPIENTS, message, cause);
        }
    }

    /**
     * MAPI_E_SUBMITTED: the message is in the outgoing queue; it cannot be submitted again or changed until
     * the submission is aborted or the spooler is done with it.
     */
    public static final class Submitted extends MapiException {
        public Submitted(String message) {
            super(MapiError.SUBMITTED, message, null);
        }

        public Submitted(String message, Throwable cause) {
            super(MapiError.SUBMITTED, message, cause);
        }
    }

    /** MAPI_E_CALL_FAILED: an unexpected failure; details are in the server log. */
    public static final class CallFailed extends MapiException {
        public CallFailed(String message) {
            super(MapiError.CALL_FAILED, message, null);
        }

        public CallFailed(String message, Throwable cause) {
            super(MapiError.CALL_FAILED, message, cause);
        }

        /** A failure with a code that has no subclass of its own (MAPI_E_TIMEOUT, MAPI_E_NETWORK_ERROR, ...). */
        CallFailed(MapiError error, String message) {
            super(error, message, null);
        }
    }
}
