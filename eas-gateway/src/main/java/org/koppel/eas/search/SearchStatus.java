package org.koppel.eas.search;

import org.koppel.eas.codec.StatusCode;

/**
 * Status of a Search response ([MS-ASCMD] 2.2.3.177.13): as a child of Search only {@link #SUCCESS} and
 * {@link #SERVER_ERROR}; as a child of Store all of them.
 */
public enum SearchStatus implements StatusCode {
    SUCCESS(1),
    /** One or more of the search parameters was invalid. */
    INVALID_REQUEST(2),
    SERVER_ERROR(3),
    /** A document library link was bad. */
    BAD_LINK(4),
    ACCESS_DENIED(5),
    NOT_FOUND(6),
    /** The server could not reach the store searched. */
    CONNECTION_FAILED(7),
    /** The query was too complex. */
    TOO_COMPLEX(8),
    /** The search took longer than the server allows. */
    TIMED_OUT(10),
    /** The folder hierarchy is out of date: FolderSync, then search again. */
    FOLDER_SYNC_REQUIRED(11),
    /** The range asked for is beyond what the server can return. */
    END_OF_RETRIEVABLE_RANGE(12),
    /** The server does not give access to the store (here: document libraries). */
    ACCESS_BLOCKED(13),
    CREDENTIALS_REQUIRED(14);

    private final int code;

    SearchStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
