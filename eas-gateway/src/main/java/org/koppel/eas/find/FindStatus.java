package org.koppel.eas.find;

import org.koppel.eas.codec.StatusCode;

/** Status of a Find response ([MS-ASCMD] 2.2.3.177.2), of the Find element and of its Response. */
public enum FindStatus implements StatusCode {
    SUCCESS(1),
    /** The request did not validate. */
    INVALID_REQUEST(2),
    /** The folder hierarchy is out of date: FolderSync, then Find again. */
    FOLDER_SYNC_REQUIRED(3),
    /** The Range must start at 0. */
    START_WITH_RANGE_ZERO(4),
    /** Common status 137 ([MS-ASCMD] 2.2.2): here, a GAL Find, which is not served yet. */
    COMMAND_NOT_SUPPORTED(137);

    private final int code;

    FindStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
