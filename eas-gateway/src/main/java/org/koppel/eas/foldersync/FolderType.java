package org.koppel.eas.foldersync;

import java.util.Optional;

/** The folder types of FolderSync and FolderCreate ([MS-ASCMD] 2.2.3.186.3). */
public enum FolderType {
    USER_CREATED_GENERIC(1),
    DEFAULT_INBOX(2),
    DEFAULT_DRAFTS(3),
    DEFAULT_DELETED_ITEMS(4),
    DEFAULT_SENT_ITEMS(5),
    DEFAULT_OUTBOX(6),
    DEFAULT_TASKS(7),
    DEFAULT_CALENDAR(8),
    DEFAULT_CONTACTS(9),
    DEFAULT_NOTES(10),
    DEFAULT_JOURNAL(11),
    USER_CREATED_MAIL(12),
    USER_CREATED_CALENDAR(13),
    USER_CREATED_CONTACTS(14),
    USER_CREATED_TASKS(15),
    USER_CREATED_JOURNAL(16),
    USER_CREATED_NOTES(17),
    UNKNOWN(18),
    RECIPIENT_INFORMATION_CACHE(19);

    private final int code;

    FolderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<FolderType> of(int code) {
        return code >= 1 && code <= values().length ? Optional.of(values()[code - 1]) : Optional.empty();
    }
}
