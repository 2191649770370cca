package org.koppel.backend;

/** MS-ASEMAIL Importance: 0 low, 1 normal, 2 high. */
public enum Importance {
    LOW, NORMAL, HIGH;

    public int code() {
        return ordinal();
    }

    public static Importance fromCode(int code) {
        return code <= 0 ? LOW : code >= 2 ? HIGH : NORMAL;
    }
}
