package org.koppel.backend;

/** The body types of MS-ASAIRS 2.2.2.22 (Type in Body and BodyPreference). */
public enum BodyType {
    PLAIN_TEXT(1),
    HTML(2),
    RTF(3),
    MIME(4);

    private final int code;

    BodyType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static BodyType fromCode(int code) {
        for (BodyType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("no body type " + code);
    }
}
