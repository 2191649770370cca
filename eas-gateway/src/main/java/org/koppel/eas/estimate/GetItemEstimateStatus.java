package org.koppel.eas.estimate;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of one Response in a GetItemEstimate response ([MS-ASCMD] Status (GetItemEstimate)).
 */
public enum GetItemEstimateStatus implements StatusCode {
    SUCCESS(1),
    /** A collection is invalid or was not specified. */
    INVALID_COLLECTION(2),
    /** The collection has not been synchronized yet (sync key 0); Sync first. */
    SYNC_STATE_NOT_PRIMED(3),
    /** Mismatched or invalid synchronization key. */
    INVALID_SYNC_KEY(4),

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
    MAXIMUM_DEVICES_REACHED(177);

    private final int code;

    GetItemEstimateStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
