package org.koppel.eas.composemail;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of a SendMail, SmartReply or SmartForward response ([MS-ASCMD] 2.2.3.177.14-16): these commands have no
 * statuses of their own, only the common ones of 2.2.2, sent in 14.0 and later in {@code <Status>} of the
 * command's root (success is an empty response). Before 14.0 a client gets {@link #httpBefore14()} instead.
 */
public enum ComposeMailStatus implements StatusCode {
    INVALID_CONTENT(101, 400),
    INVALID_WBXML(102, 400),
    INVALID_XML(103, 400),
    /** Source names an item twice (LongId beside FolderId/ItemId) or not at all. */
    INVALID_COMBINATION_OF_IDS(105, 400),
    /** The MIME is not a message (Exchange 2007 answered SendMail's errors with 500). */
    INVALID_MIME(107, 500),
    SERVER_ERROR(110, 500),
    SERVER_ERROR_RETRY_LATER(111, 503),
    MAILBOX_QUOTA_EXCEEDED(113, 507),
    SEND_QUOTA_EXCEEDED(115, 507),
    /** The request repeats a ClientId whose message was sent already (14.0+; 12.x clients get an empty 200). */
    MESSAGE_PREVIOUSLY_SENT(118, 200),
    MESSAGE_HAS_NO_RECIPIENT(119, 500),
    MAIL_SUBMISSION_FAILED(120, 500),
    ACCESS_DENIED(130, 403),
    /** SmartReply/SmartForward: the source item is not there (any more). */
    ITEM_NOT_FOUND(150, 500),
    /** The client named an account (AccountId) the user does not have: this server offers only the user's own. */
    INVALID_ACCOUNT_ID(166, 400);

    private final int code;
    private final int httpBefore14;

    ComposeMailStatus(int code, int httpBefore14) {
        this.code = code;
        this.httpBefore14 = httpBefore14;
    }

    @Override
    public int code() {
        return code;
    }

    /** The HTTP status a 12.x client gets, which has no Status element to read. */
    public int httpBefore14() {
        return httpBefore14;
    }
}
