package org.koppel.mapi;

/** The values of PR_FOLDER_TYPE ([MS-OXCFOLD] 2.2.2.2.1.3). */
public enum FolderType {
    FOLDER_ROOT(0),
    FOLDER_GENERIC(1),
    FOLDER_SEARCH(2);

    private final int code;

    FolderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FolderType fromCode(int code) {
        for (FolderType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new MapiException.InvalidParameter("unknown folder type " + code);
    }
}
