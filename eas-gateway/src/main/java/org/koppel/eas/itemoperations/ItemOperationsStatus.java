package org.koppel.eas.itemoperations;

import org.koppel.eas.codec.StatusCode;

/** Status of an ItemOperations response and of each of its operations ([MS-ASCMD] 2.2.3.177.8). */
public enum ItemOperationsStatus implements StatusCode {
    SUCCESS(1),
    /** Protocol error: a protocol violation or XML validation error. */
    PROTOCOL_ERROR(2),
    SERVER_ERROR(3),
    /** Document library: the specified URI is bad. */
    BAD_URI(4),
    /** Document library: access denied. */
    DOCUMENT_LIBRARY_ACCESS_DENIED(5),
    /** The object was not found or access denied. */
    OBJECT_NOT_FOUND(6),
    /** Document library: failed to connect to the server. */
    DOCUMENT_LIBRARY_UNREACHABLE(7),
    /** The byte range is invalid or too large. */
    INVALID_RANGE(8),
    /** The store is unknown or unsupported. */
    UNKNOWN_STORE(9),
    /** The file is empty. */
    FILE_EMPTY(10),
    /** The requested data size is too large. */
    DATA_TOO_LARGE(11),
    /** Failed to download the file because of an input/output failure. */
    IO_FAILURE(12),
    /** Mailbox fetch provider: the item failed conversion. */
    CONVERSION_FAILED(14),
    /** Attachment fetch provider: the attachment or attachment id is invalid. */
    INVALID_ATTACHMENT(15),
    /** Access to the resource is denied. */
    ACCESS_DENIED(16),
    /** Partial success: the command completed partially. */
    PARTIAL_SUCCESS(17),
    /** Credentials required. */
    CREDENTIALS_REQUIRED(18),

    // Common status codes of [MS-ASCMD] 2.2.2 this command can return (14.0 and later).
    INVALID_CONTENT(101),
    INVALID_WBXML(102),
    INVALID_XML(103),
    DEVICE_ID_MISSING_OR_INVALID(108),
    DEVICE_TYPE_MISSING_OR_INVALID(109),
    COMMON_SERVER_ERROR(110),
    SERVER_ERROR_RETRY_LATER(111),
    MAILBOX_SERVER_OFFLINE(114),
    USER_DISABLED_FOR_SYNC(126),
    DEVICE_IS_BLOCKED_FOR_THIS_USER(129),
    ACCESS_DENIED_COMMON(130),
    ACCOUNT_DISABLED(131),
    COMMAND_NOT_SUPPORTED(137),
    VERSION_NOT_SUPPORTED(138),
    REMOTE_WIPE_REQUESTED(140),
    LEGACY_DEVICE_ON_STRICT_POLICY(141),
    DEVICE_NOT_PROVISIONED(142),
    POLICY_REFRESH(143),
    INVALID_POLICY_KEY(144),
    EXTERNALLY_MANAGED_DEVICES_NOT_ALLOWED(145),
    /** The action is not supported (ItemOperations Move: MoveAlways, or no conversations in the backend). */
    ACTION_NOT_SUPPORTED(156),
    MAXIMUM_DEVICES_REACHED(177);

    private final int code;

    ItemOperationsStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
