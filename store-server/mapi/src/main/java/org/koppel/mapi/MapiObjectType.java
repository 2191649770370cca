package org.koppel.mapi;

/** MAPI object types, the values of PR_OBJECT_TYPE, with their codes. */
public enum MapiObjectType {
    MAPI_STORE(1),
    MAPI_ADDRBOOK(2),
    MAPI_FOLDER(3),
    MAPI_ABCONT(4),
    MAPI_MESSAGE(5),
    MAPI_MAILUSER(6),
    MAPI_ATTACH(7),
    MAPI_DISTLIST(8);

    private final int code;

    MapiObjectType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static boolean isKnown(int code) {
        return code >= 1 && code <= values().length;
    }

    public static MapiObjectType fromCode(int code) {
        for (MapiObjectType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new MapiException.InvalidParameter("unknown MAPI object type " + code);
    }
}
