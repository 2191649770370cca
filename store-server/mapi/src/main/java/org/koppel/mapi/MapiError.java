package org.koppel.mapi;

/** MAPI error codes (HRESULTs) as returned by the store and carried across the wire. */
public enum MapiError {
    CALL_FAILED(0x80004005),
    NOT_ENOUGH_MEMORY(0x8007000E),
    INVALID_PARAMETER(0x80070057),
    NO_ACCESS(0x80070005),
    NO_SUPPORT(0x80040102),
    BAD_CHARWIDTH(0x80040103),
    STRING_TOO_LONG(0x80040105),
    INVALID_ENTRYID(0x80040107),
    INVALID_OBJECT(0x80040108),
    OBJECT_CHANGED(0x80040109),
    OBJECT_DELETED(0x8004010A),
    NOT_FOUND(0x8004010F),
    LOGON_FAILED(0x80040111),
    NETWORK_ERROR(0x80040115),
    END_OF_SESSION(0x80040200),
    DISK_ERROR(0x80040116),
    CORRUPT_DATA(0x8004011B),
    UNKNOWN_ENTRYID(0x80040201),
    BAD_VALUE(0x80040301),
    INVALID_TYPE(0x80040302),
    TYPE_NO_SUPPORT(0x80040303),
    TOO_BIG(0x80040305),
    TOO_COMPLEX(0x80040117),
    UNABLE_TO_COMPLETE(0x80040400),
    TIMEOUT(0x80040401),
    FOLDER_CYCLE(0x8004060B),
    STORE_FULL(0x8004060C),
    COLLISION(0x80040604),
    HAS_FOLDERS(0x80040609),
    HAS_MESSAGES(0x8004060A),
    NAMED_PROP_QUOTA_EXCEEDED(0x80040900),
    NOT_IN_QUEUE(0x80040601),
    NO_RECIPIENTS(0x80040607),
    SUBMITTED(0x80040608),
    UNKNOWN_FLAGS(0x80040106),
    SYNC_INVALID_STATE(0x80040820);

    private final int hresult;

    MapiError(int hresult) {
        this.hresult = hresult;
    }

    public int hresult() {
        return hresult;
    }

    /** The conventional MAPI name, e.g. MAPI_E_NOT_FOUND. */
    public String mapiName() {
        return "MAPI_E_" + name();
    }

    public static MapiError fromHresult(int hresult) {
        for (MapiError e : values()) {
            if (e.hresult == hresult) {
                return e;
            }
        }
        return CALL_FAILED;
    }
}
