package org.koppel.eas.search;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of a contact picture in Search (gal:Picture), ResolveRecipients and Find responses (14.1+,
 * [MS-ASCMD] 2.2.3.177.12 and 2.2.3.177.13).
 */
public enum PictureStatus implements StatusCode {
    SUCCESS(1),
    /** The person has no picture. */
    NO_PICTURE(173),
    /** The picture is larger than MaxSize. */
    TOO_LARGE(174),
    /** More pictures than MaxPictures were asked for. */
    TOO_MANY(175);

    private final int code;

    PictureStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
