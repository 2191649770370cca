package org.koppel.eas.ping;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of a Ping response ([MS-ASCMD] 2.2.3.177.10).
 */
public enum PingStatus implements StatusCode {
    /** The heartbeat interval passed without changes in the watched folders. */
    EXPIRED(1),
    /** Changes occurred in at least one watched folder; the response lists them. */
    CHANGES(2),
    /** The request lacked the heartbeat interval or the folders and none were cached. */
    MISSING_PARAMETERS(3),
    /** Syntax error in the request. */
    PROTOCOL_ERROR(4),
    /** The heartbeat interval is outside the server's range; HeartbeatInterval gives the limit. */
    HEARTBEAT_OUT_OF_RANGE(5),
    /** More folders than the server watches; MaxFolders gives the limit. */
    TOO_MANY_FOLDERS(6),
    /** The folder hierarchy changed; the client must FolderSync. */
    FOLDER_SYNC_REQUIRED(7),
    /** An error occurred on the server; retry. */
    SERVER_ERROR(8),

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
    ACCESS_DENIED(130),
    ACCOUNT_DISABLED(131),
    COMMAND_NOT_SUPPORTED(137),
    VERSION_NOT_SUPPORTED(138),
    REMOTE_WIPE_REQUESTED(140),
    LEGACY_DEVICE_ON_STRICT_POLICY(141),
    DEVICE_NOT_PROVISIONED(142),
    POLICY_REFRESH(143),
    INVALID_POLICY_KEY(144),
    EXTERNALLY_MANAGED_DEVICES_NOT_ALLOWED(145),
    MAXIMUM_DEVICES_REACHED(177);

    private final int code;

    PingStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
