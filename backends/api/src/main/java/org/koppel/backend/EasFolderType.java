package org.koppel.backend;

/** The folder types of MS-ASCMD 2.2.3.186.3 (FolderSync Type), with their protocol values. */
public enum EasFolderType {
    USER_GENERIC(1),
    INBOX(2),
    DRAFTS(3),
    DELETED_ITEMS(4),
    SENT_ITEMS(5),
    OUTBOX(6),
    TASKS(7),
    CALENDAR(8),
    CONTACTS(9),
    NOTES(10),
    JOURNAL(11),
    USER_MAIL(12),
    USER_CALENDAR(13),
    USER_CONTACTS(14),
    USER_TASKS(15),
    USER_JOURNAL(16),
    USER_NOTES(17),
    UNKNOWN(18),
    RECIPIENT_INFORMATION_CACHE(19);

    private final int code;

    EasFolderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EasFolderType fromCode(int code) {
        for (EasFolderType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("no EAS folder type " + code);
    }

    /** Whether the folder holds mail (the only class this issue syncs). */
    public boolean isMail() {
        return switch (this) {
            case INBOX, DRAFTS, DELETED_ITEMS, SENT_ITEMS, OUTBOX, USER_MAIL -> true;
            default -> false;
        };
    }
}
