package org.koppel.eas.provision;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of the Provision element of a response ([MS-ASPROV] 2.2.2.54.2, 3.1.5.2).
 */
public enum ProvisionStatus implements StatusCode {
    SUCCESS(1),
    /** Syntax error in the request. */
    PROTOCOL_ERROR(2),
    /** General server error; retry. */
    SERVER_ERROR(3),

    // Common status codes of [MS-ASCMD] 2.2.2 this command can return (14.0 and later).
    INVALID_CONTENT(101),
    INVALID_WBXML(102),
    INVALID_XML(103),
    DEVICE_ID_MISSING_OR_INVALID(108),
    DEVICE_TYPE_MISSING_OR_INVALID(109),
    COMMON_SERVER_ERROR(110),
    SERVER_ERROR_RETRY_LATER(111),
    USER_DISABLED_FOR_SYNC(126),
    DEVICE_IS_BLOCKED_FOR_THIS_USER(129),
    ACCESS_DENIED(130),
    ACCOUNT_DISABLED(131),
    COMMAND_NOT_SUPPORTED(137),
    VERSION_NOT_SUPPORTED(138),
    DEVICE_NOT_FULLY_PROVISIONABLE(139),
    LEGACY_DEVICE_ON_STRICT_POLICY(141),
    EXTERNALLY_MANAGED_DEVICES_NOT_ALLOWED(145),
    DEVICE_INFORMATION_REQUIRED(165),
    MAXIMUM_DEVICES_REACHED(177);

    private final int code;

    ProvisionStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
