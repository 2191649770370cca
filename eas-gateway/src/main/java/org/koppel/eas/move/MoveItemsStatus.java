package org.koppel.eas.move;

import org.koppel.eas.codec.StatusCode;

/** Status of one Response in a MoveItems response ([MS-ASCMD] 2.2.3.177.10). */
public enum MoveItemsStatus implements StatusCode {
    /** Invalid source collection id or invalid source item id. */
    INVALID_SOURCE(1),
    /** Invalid destination collection id. */
    INVALID_DESTINATION(2),
    SUCCESS(3),
    /** Source and destination collection ids are the same. */
    SAME_FOLDER(4),
    /** A server error (the item cannot be moved to more than one item at a time, or was locked). */
    SERVER_ERROR(5),
    /** The source or destination item was locked. */
    LOCKED(7),

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

    MoveItemsStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
