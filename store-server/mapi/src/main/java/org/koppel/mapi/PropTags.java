package org.koppel.mapi;

import static org.koppel.mapi.PropType.*;

/**
 * Well-known MAPI property tags ([MS-OXPROPS]) used by mail, calendar, contacts, tasks, notes, folders,
 * recipients, attachments and stores. Names follow MAPI (PR_SUBJECT is PidTagSubject as PT_UNICODE).
 */
public final class PropTags {

    private PropTags() {
    }

    private static PropTag t(int id, PropType type) {
        return new PropTag(id, type);
    }

    // --- common to all objects
    public static final PropTag PR_ENTRYID = t(0x0FFF, PT_BINARY);
    public static final PropTag PR_OBJECT_TYPE = t(0x0FFE, PT_LONG);
    public static final PropTag PR_RECORD_KEY = t(0x0FF9, PT_BINARY);
    public static final PropTag PR_STORE_ENTRYID = t(0x0FFB, PT_BINARY);
    public static final PropTag PR_STORE_RECORD_KEY = t(0x0FFA, PT_BINARY);
    public static final PropTag PR_PARENT_ENTRYID = t(0x0E09, PT_BINARY);
    public static final PropTag PR_ACCESS = t(0x0FF4, PT_LONG);
    public static final PropTag PR_ACCESS_LEVEL = t(0x0FF7, PT_LONG);
    public static final PropTag PR_DISPLAY_NAME = t(0x3001, PT_UNICODE);
    public static final PropTag PR_COMMENT = t(0x3004, PT_UNICODE);
    public static final PropTag PR_CREATION_TIME = t(0x3007, PT_SYSTIME);
    public static final PropTag PR_LAST_MODIFICATION_TIME = t(0x3008, PT_SYSTIME);
    public static final PropTag PR_SOURCE_KEY = t(0x65E0, PT_BINARY);
    public static final PropTag PR_PARENT_SOURCE_KEY = t(0x65E1, PT_BINARY);
    public static final PropTag PR_CHANGE_KEY = t(0x65E2, PT_BINARY);
    public static final PropTag PR_PREDECESSOR_CHANGE_LIST = t(0x65E3, PT_BINARY);
    public static final PropTag PR_CHANGE_NUMBER = t(0x67A4, PT_I8);
    public static final PropTag PR_INSTANCE_KEY = t(0x0FF6, PT_BINARY);

    // --- messages
    public static final PropTag PR_MESSAGE_CLASS = t(0x001A, PT_UNICODE);
    public static final PropTag PR_SUBJECT = t(0x0037, PT_UNICODE);
    public static final PropTag PR_SUBJECT_PREFIX = t(0x003D, PT_UNICODE);
    public static final PropTag PR_NORMALIZED_SUBJECT = t(0x0E1D, PT_UNICODE);
    public static final PropTag PR_CONVERSATION_TOPIC = t(0x0070, PT_UNICODE);
    public static final PropTag PR_CONVERSATION_INDEX = t(0x0071, PT_BINARY);
    public static final PropTag PR_BODY = t(0x1000, PT_UNICODE);
    public static final PropTag PR_HTML = t(0x1013, PT_BINARY);
    public static final PropTag PR_RTF_COMPRESSED = t(0x1009, PT_BINARY);
    public static final PropTag PR_NATIVE_BODY_INFO = t(0x1016, PT_LONG);
    public static final PropTag PR_INTERNET_CPID = t(0x3FDE, PT_LONG);
    public static final PropTag PR_MESSAGE_DELIVERY_TIME = t(0x0E06, PT_SYSTIME);
    public static final PropTag PR_CLIENT_SUBMIT_TIME = t(0x0039, PT_SYSTIME);
    public static final PropTag PR_MESSAGE_FLAGS = t(0x0E07, PT_LONG);
    public static final PropTag PR_MESSAGE_SIZE = t(0x0E08, PT_LONG);
    public static final PropTag PR_MESSAGE_SIZE_EXTENDED = t(0x0E08, PT_I8);
    public static final PropTag PR_HASATTACH = t(0x0E1B, PT_BOOLEAN);
    public static final PropTag PR_IMPORTANCE = t(0x0017, PT_LONG);
    public static final PropTag PR_PRIORITY = t(0x0026, PT_LONG);
    public static final PropTag PR_SENSITIVITY = t(0x0036, PT_LONG);
    public static final PropTag PR_DISPLAY_TO = t(0x0E04, PT_UNICODE);
    public static final PropTag PR_DISPLAY_CC = t(0x0E03, PT_UNICODE);
    public static final PropTag PR_DISPLAY_BCC = t(0x0E02, PT_UNICODE);
    public static final PropTag PR_SENDER_NAME = t(0x0C1A, PT_UNICODE);
    public static final PropTag PR_SENDER_EMAIL_ADDRESS = t(0x0C1F, PT_UNICODE);
    public static final PropTag PR_SENDER_ADDRTYPE = t(0x0C1E, PT_UNICODE);
    public static final PropTag PR_SENDER_ENTRYID = t(0x0C19, PT_BINARY);
    public static final PropTag PR_SENDER_SEARCH_KEY = t(0x0C1D, PT_BINARY);
    public static final PropTag PR_SENT_REPRESENTING_NAME = t(0x0042, PT_UNICODE);
    public static final PropTag PR_SENT_REPRESENTING_EMAIL_ADDRESS = t(0x0065, PT_UNICODE);
    public static final PropTag PR_SENT_REPRESENTING_ADDRTYPE = t(0x0064, PT_UNICODE);
    public static final PropTag PR_SENT_REPRESENTING_ENTRYID = t(0x0041, PT_BINARY);
    public static final PropTag PR_SENT_REPRESENTING_SEARCH_KEY = t(0x003B, PT_BINARY);
    public static final PropTag PR_RECEIVED_BY_NAME = t(0x0040, PT_UNICODE);
    public static final PropTag PR_RECEIVED_BY_EMAIL_ADDRESS = t(0x0076, PT_UNICODE);
    public static final PropTag PR_INTERNET_MESSAGE_ID = t(0x1035, PT_UNICODE);
    public static final PropTag PR_IN_REPLY_TO_ID = t(0x1042, PT_UNICODE);
    public static final PropTag PR_INTERNET_REFERENCES = t(0x1039, PT_UNICODE);
    public static final PropTag PR_TRANSPORT_MESSAGE_HEADERS = t(0x007D, PT_UNICODE);
    public static final PropTag PR_READ_RECEIPT_REQUESTED = t(0x0029, PT_BOOLEAN);
    public static final PropTag PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED = t(0x0023, PT_BOOLEAN);
    public static final PropTag PR_LAST_VERB_EXECUTED = t(0x1081, PT_LONG);
    public static final PropTag PR_LAST_VERB_EXECUTION_TIME = t(0x1082, PT_SYSTIME);
    public static final PropTag PR_ICON_INDEX = t(0x1080, PT_LONG);
    public static final PropTag PR_FLAG_STATUS = t(0x1090, PT_LONG);
    public static final PropTag PR_MSG_STATUS = t(0x0E17, PT_LONG);
    public static final PropTag PR_ASSOCIATED = t(0x67AA, PT_BOOLEAN);
    public static final PropTag PR_DELETED_ON = t(0x668F, PT_SYSTIME);
    public static final PropTag PR_START_DATE = t(0x0060, PT_SYSTIME);
    public static final PropTag PR_END_DATE = t(0x0061, PT_SYSTIME);

    // --- recipients
    public static final PropTag PR_RECIPIENT_TYPE = t(0x0C15, PT_LONG);
    public static final PropTag PR_ROWID = t(0x3000, PT_LONG);
    public static final PropTag PR_EMAIL_ADDRESS = t(0x3003, PT_UNICODE);
    public static final PropTag PR_ADDRTYPE = t(0x3002, PT_UNICODE);
    public static final PropTag PR_SMTP_ADDRESS = t(0x39FE, PT_UNICODE);
    public static final PropTag PR_SEARCH_KEY = t(0x300B, PT_BINARY);
    public static final PropTag PR_RECIPIENT_FLAGS = t(0x5FFD, PT_LONG);
    public static final PropTag PR_RECIPIENT_TRACK_STATUS = t(0x5FFF, PT_LONG);

    // --- attachments
    public static final PropTag PR_ATTACH_NUM = t(0x0E21, PT_LONG);
    public static final PropTag PR_ATTACH_METHOD = t(0x3705, PT_LONG);
    public static final PropTag PR_ATTACH_SIZE = t(0x0E20, PT_LONG);
    public static final PropTag PR_ATTACH_FILENAME = t(0x3704, PT_UNICODE);
    public static final PropTag PR_ATTACH_LONG_FILENAME = t(0x3707, PT_UNICODE);
    public static final PropTag PR_ATTACH_EXTENSION = t(0x3703, PT_UNICODE);
    public static final PropTag PR_ATTACH_MIME_TAG = t(0x370E, PT_UNICODE);
    public static final PropTag PR_ATTACH_CONTENT_ID = t(0x3712, PT_UNICODE);
    public static final PropTag PR_ATTACH_CONTENT_LOCATION = t(0x3713, PT_UNICODE);
    public static final PropTag PR_ATTACH_FLAGS = t(0x3714, PT_LONG);
    public static final PropTag PR_ATTACH_DATA_BIN = t(0x3701, PT_BINARY);
    public static final PropTag PR_ATTACH_DATA_OBJ = t(0x3701, PT_OBJECT);
    public static final PropTag PR_ATTACHMENT_HIDDEN = t(0x7FFE, PT_BOOLEAN);
    public static final PropTag PR_RENDERING_POSITION = t(0x370B, PT_LONG);

    // --- folders
    public static final PropTag PR_CONTAINER_CLASS = t(0x3613, PT_UNICODE);
    public static final PropTag PR_FOLDER_TYPE = t(0x3601, PT_LONG);
    public static final PropTag PR_CONTENT_COUNT = t(0x3602, PT_LONG);
    public static final PropTag PR_CONTENT_UNREAD = t(0x3603, PT_LONG);
    public static final PropTag PR_ASSOC_CONTENT_COUNT = t(0x3617, PT_LONG);
    public static final PropTag PR_DELETED_MSG_COUNT = t(0x6640, PT_LONG);
    public static final PropTag PR_SUBFOLDERS = t(0x360A, PT_BOOLEAN);
    public static final PropTag PR_FOLDER_CHILD_COUNT = t(0x6638, PT_LONG);
    public static final PropTag PR_MESSAGE_SIZE_FOLDER = t(0x0E08, PT_I8);
    public static final PropTag PR_RIGHTS = t(0x6639, PT_LONG);
    public static final PropTag PR_DEPTH = t(0x3005, PT_LONG);

    // --- stores
    public static final PropTag PR_STORE_SUPPORT_MASK = t(0x340D, PT_LONG);
    public static final PropTag PR_MDB_PROVIDER = t(0x3414, PT_BINARY);
    public static final PropTag PR_IPM_SUBTREE_ENTRYID = t(0x35E0, PT_BINARY);
    public static final PropTag PR_IPM_OUTBOX_ENTRYID = t(0x35E2, PT_BINARY);
    public static final PropTag PR_IPM_WASTEBASKET_ENTRYID = t(0x35E3, PT_BINARY);
    public static final PropTag PR_IPM_SENTMAIL_ENTRYID = t(0x35E4, PT_BINARY);
    public static final PropTag PR_VIEWS_ENTRYID = t(0x35E5, PT_BINARY);
    public static final PropTag PR_COMMON_VIEWS_ENTRYID = t(0x35E6, PT_BINARY);
    public static final PropTag PR_FINDER_ENTRYID = t(0x35E7, PT_BINARY);
    public static final PropTag PR_IPM_APPOINTMENT_ENTRYID = t(0x36D0, PT_BINARY);
    public static final PropTag PR_IPM_CONTACT_ENTRYID = t(0x36D1, PT_BINARY);
    public static final PropTag PR_IPM_JOURNAL_ENTRYID = t(0x36D2, PT_BINARY);
    public static final PropTag PR_IPM_NOTE_ENTRYID = t(0x36D3, PT_BINARY);
    public static final PropTag PR_IPM_TASK_ENTRYID = t(0x36D4, PT_BINARY);
    public static final PropTag PR_IPM_DRAFTS_ENTRYID = t(0x36D7, PT_BINARY);
    public static final PropTag PR_ADDITIONAL_REN_ENTRYIDS = t(0x36D8, PT_MV_BINARY);
    public static final PropTag PR_MESSAGE_SIZE_STORE = t(0x0E08, PT_I8);
    public static final PropTag PR_QUOTA_WARNING_THRESHOLD = t(0x6721, PT_LONG);
    public static final PropTag PR_QUOTA_SEND_THRESHOLD = t(0x6722, PT_LONG);
    public static final PropTag PR_QUOTA_RECEIVE_THRESHOLD = t(0x6723, PT_LONG);
    public static final PropTag PR_MAILBOX_OWNER_NAME = t(0x661C, PT_UNICODE);
    public static final PropTag PR_MAILBOX_OWNER_ENTRYID = t(0x661B, PT_BINARY);
}
