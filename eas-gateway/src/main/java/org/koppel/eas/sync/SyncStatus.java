package org.koppel.eas.sync;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of a Sync response, its collections and per-item responses ([MS-ASCMD] 2.2.3.177.17).
 */
public enum SyncStatus implements StatusCode {
    SUCCESS(1),
    /** Invalid or mismatched synchronization key; the client returns to sync key 0. */
    INVALID_SYNC_KEY(3),
    /** Syntax or semantic error in the request. */
    PROTOCOL_ERROR(4),
    /** Transient server error; retry. */
    SERVER_ERROR(5),
    /** Error in client/server conversion: the item the client sent is invalid. */
    CONVERSION_ERROR(6),
    /** The client changed an item that the server changed too; the server's version wins. */
    CONFLICT(7),
    /** The item or folder was not found. */
    OBJECT_NOT_FOUND(8),
    /** The user's account could be out of disk space; the command cannot be completed. */
    OUT_OF_SPACE(9),
    /** The folder hierarchy changed; the client must FolderSync. */
    FOLDER_HIERARCHY_CHANGED(12),
    /** An empty or partial Sync request the server has no cached request for. */
    INCOMPLETE_REQUEST(13),
    /** Wait or HeartbeatInterval out of range; Limit gives the bound. */
    INVALID_WAIT_OR_HEARTBEAT(14),
    /** More collections than the server accepts in one request. */
    TOO_MANY_COLLECTIONS(15),
    /** Transient problem; resend the request. */
    RETRY(16),

    // Common status codes of [MS-ASCMD] 2.2.2 this command can return (14.0 and later).
    INVALID_CONTENT(101),
    INVALID_WBXML(102),
    INVALID_XML(103),
    DEVICE_ID_MISSING_OR_INVALID(108),
    DEVICE_TYPE_MISSING_OR_INVALID(109),
    COMMON_SERVER_ERROR(110),
    SERVER_ERROR_RETRY_LATER(111),
    MAILBOX_QUOTA_EXCEEDED(113),
    MAILBOX_SERVER_OFFLINE(114),
    USER_DISABLED_FOR_SYNC(126),
    DEVICE_IS_BLOCKED_FOR_THIS_USER(129),
    ACCESS_DENIED(130),
    ACCOUNT_DISABLED(131),
    SYNC_STATE_NOT_FOUND(132),
    SYNC_STATE_LOCKED(133),
    SYNC_STATE_CORRUPT(134),
    SYNC_STATE_ALREADY_EXISTS(135),
    SYNC_STATE_VERSION_INVALID(136),
    COMMAND_NOT_SUPPORTED(137),
    VERSION_NOT_SUPPORTED(138),
    REMOTE_WIPE_REQUESTED(140),
    LEGACY_DEVICE_ON_STRICT_POLICY(141),
    DEVICE_NOT_PROVISIONED(142),
    POLICY_REFRESH(143),
    INVALID_POLICY_KEY(144),
    EXTERNALLY_MANAGED_DEVICES_NOT_ALLOWED(145),
    UNEXPECTED_ITEM_CLASS(147),
    BODY_PART_PREFERENCE_TYPE_NOT_SUPPORTED(164),
    MAXIMUM_DEVICES_REACHED(177);

    private final int code;

    SyncStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
