package org.koppel.eas.resolve;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of a ResolveRecipients response ([MS-ASCMD] 2.2.3.177.12): overall (1, 5, 6), per To (1-4), of a
 * recipient's certificates (1, 7, 8) and of its availability (1, 160-163).
 */
public enum ResolveRecipientsStatus implements StatusCode {
    SUCCESS(1),
    /** The To matched several entries; all of them are suggested. */
    AMBIGUOUS(2),
    /** The To matched more entries than MaxAmbiguousRecipients; some of them are suggested. */
    AMBIGUOUS_PARTIAL(3),
    /** The To matched no contact or GAL entry. */
    NOT_RESOLVED(4),
    /** The request could not be read. */
    PROTOCOL_ERROR(5),
    SERVER_ERROR(6),
    /** The recipient has no valid S/MIME certificate. */
    NO_VALID_CERTIFICATE(7),
    /** The global certificate limit was reached. */
    CERTIFICATE_LIMIT(8),
    /** Free/busy: the distribution group has more than 100 members. */
    GROUP_TOO_LARGE(160),
    /** Free/busy: the distribution group has more than 20 members. */
    GROUP_TOO_LARGE_FOR_MERGE(161),
    /** Free/busy: ask again for fewer people. */
    REISSUE(162),
    /** Free/busy data could not be retrieved for the recipient. */
    FREE_BUSY_UNAVAILABLE(163);

    private final int code;

    ResolveRecipientsStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
