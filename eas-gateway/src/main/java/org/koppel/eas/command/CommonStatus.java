package org.koppel.eas.command;

/**
 * The status values MS-ASCMD 2.2.2 defines for every command (the 1xx range), which protocol version 14.0 and
 * later carry in the command's own Status element. Clients before 14.0 do not know them; each has the HTTP
 * status those clients get instead.
 */
public enum CommonStatus {
    INVALID_CONTENT(101, 400),
    INVALID_WBXML(102, 400),
    /** The document decodes but breaks the schema's rules (a value out of its range, an element where not allowed). */
    INVALID_XML(103, 400),
    SERVER_ERROR(110, 500),
    SERVER_ERROR_RETRY_LATER(111, 503),
    USER_DISABLED_FOR_SYNC(126, 403),
    DEVICE_BLOCKED_FOR_USER(129, 403),
    ACCESS_DENIED(130, 403),
    COMMAND_NOT_SUPPORTED(137, 501),
    VERSION_NOT_SUPPORTED(138, 400),
    REMOTE_WIPE_REQUESTED(140, 449),
    DEVICE_NOT_PROVISIONED(142, 449),
    POLICY_REFRESH(143, 449),
    INVALID_POLICY_KEY(144, 449);

    private final int code;
    private final int httpBefore14;

    CommonStatus(int code, int httpBefore14) {
        this.code = code;
        this.httpBefore14 = httpBefore14;
    }

    /** The value of the Status element. */
    public int code() {
        return code;
    }

    /** The HTTP status a 12.x client gets instead (449 "Retry after sending a Provision command" and the like). */
    public int httpBefore14() {
        return httpBefore14;
    }
}
