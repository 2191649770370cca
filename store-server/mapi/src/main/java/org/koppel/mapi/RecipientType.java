package org.koppel.mapi;

/** The values of PR_RECIPIENT_TYPE ([MS-OXOMSG] 2.2.3.1). */
public enum RecipientType {
    MAPI_ORIG(0),
    MAPI_TO(1),
    MAPI_CC(2),
    MAPI_BCC(3);

    /** Flag ORed into PR_RECIPIENT_TYPE for a recipient that was resent (P1 envelope only). */
    public static final int MAPI_P1 = 0x10000000;
    /** Flag ORed into PR_RECIPIENT_TYPE once the recipient has been submitted. */
    public static final int MAPI_SUBMITTED = 0x80000000;

    private final int code;

    RecipientType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type of a PR_RECIPIENT_TYPE value, ignoring the MAPI_P1 and MAPI_SUBMITTED flags. */
    public static RecipientType fromCode(int code) {
        int plain = code & ~(MAPI_P1 | MAPI_SUBMITTED);
        for (RecipientType t : values()) {
            if (t.code == plain) {
                return t;
            }
        }
        throw new MapiException.InvalidParameter(String.format("unknown recipient type 0x%X", code));
    }
}
