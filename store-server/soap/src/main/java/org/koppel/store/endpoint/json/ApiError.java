package org.koppel.store.endpoint.json;

import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;

/** How a MAPI error travels over HTTP: its name and code in the body, and a fitting status. */
record ApiError(int status, String error, String code, String message) {

    static ApiError of(MapiException e) {
        return new ApiError(status(e.error()), "MAPI_E_" + e.error().name(), String.format("0x%08X", e.hresult()),
                e.getMessage());
    }

    static int status(MapiError error) {
        return switch (error) {
            case NOT_FOUND, UNKNOWN_ENTRYID, INVALID_ENTRYID -> 404;
            case NO_ACCESS -> 403;
            case LOGON_FAILED, END_OF_SESSION -> 401;
            case INVALID_PARAMETER, INVALID_TYPE, BAD_VALUE, TOO_COMPLEX, STRING_TOO_LONG, UNKNOWN_FLAGS,
                    NO_RECIPIENTS -> 400;
            case COLLISION, OBJECT_CHANGED, OBJECT_DELETED, HAS_FOLDERS, HAS_MESSAGES, FOLDER_CYCLE,
                    SYNC_INVALID_STATE, SUBMITTED -> 409;
            case TOO_BIG -> 413;
            case STORE_FULL, NAMED_PROP_QUOTA_EXCEEDED -> 507;
            case NO_SUPPORT, TYPE_NO_SUPPORT -> 501;
            case TIMEOUT -> 504;
            default -> 500;
        };
    }
}
