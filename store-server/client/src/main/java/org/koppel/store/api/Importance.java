package org.koppel.store.api;

/** The values of PR_IMPORTANCE ([MS-OXCMSG] 2.2.1.11). */
public enum Importance {
    LOW(0),
    NORMAL(1),
    HIGH(2);

    private final int code;

    Importance(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The importance a PR_IMPORTANCE value stands for; unknown values count as normal. */
    public static Importance fromCode(int code) {
        for (Importance i : values()) {
            if (i.code == code) {
                return i;
            }
        }
        return NORMAL;
    }
}
