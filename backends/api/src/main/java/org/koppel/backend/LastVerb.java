package org.koppel.backend;

/** MS-ASEMAIL2 LastVerbExecuted: what the user last did with the message. */
public enum LastVerb {
    UNKNOWN(0), REPLY_TO_SENDER(1), REPLY_TO_ALL(2), FORWARD(3);

    private final int code;

    LastVerb(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
