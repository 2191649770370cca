package org.koppel.mapi;

/** The values of PR_ATTACH_METHOD ([MS-OXCMSG] 2.2.2.9). */
public enum AttachMethod {
    NO_ATTACHMENT(0),
    ATTACH_BY_VALUE(1),
    ATTACH_BY_REFERENCE(2),
    ATTACH_BY_REF_RESOLVE(3),
    ATTACH_BY_REF_ONLY(4),
    ATTACH_EMBEDDED_MSG(5),
    ATTACH_OLE(6);

    private final int code;

    AttachMethod(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AttachMethod fromCode(int code) {
        for (AttachMethod m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new MapiException.InvalidParameter("unknown attach method " + code);
    }
}
