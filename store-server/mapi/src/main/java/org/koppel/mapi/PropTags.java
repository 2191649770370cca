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

    // --- message sub-objects and content tables (PT_OBJECT: opened, never read as values)
    public static final PropTag PR_MESSAGE_RECIPIENTS = t(0x0E12, PT_OBJECT);
    public static final PropTag PR_MESSAGE_ATTACHMENTS = t(0x0E13, PT_OBJECT);
    public static final PropTag PR_CONTAINER_HIERARCHY = t(0x360E, PT_OBJECT);
    public static final PropTag PR_CONTAINER_CONTENTS = t(0x360F, PT_OBJECT);
    public static final PropTag PR_FOLDER_ASSOCIATED_CONTENTS = t(0x3610, PT_OBJECT);

    // --- more message properties
    public static final PropTag PR_AUTO_FORWARDED = t(0x0005, PT_BOOLEAN);
    public static final PropTag PR_DEFERRED_DELIVERY_TIME = t(0x000F, PT_SYSTIME);
    public static final PropTag PR_EXPIRY_TIME = t(0x0015, PT_SYSTIME);
    public static final PropTag PR_ORIGINAL_SENSITIVITY = t(0x002E, PT_LONG);
    public static final PropTag PR_REPLY_TIME = t(0x0030, PT_SYSTIME);
    public static final PropTag PR_RECEIVED_BY_ENTRYID = t(0x003F, PT_BINARY);
    public static final PropTag PR_RCVD_REPRESENTING_ENTRYID = t(0x0043, PT_BINARY);
    public static final PropTag PR_RCVD_REPRESENTING_NAME = t(0x0044, PT_UNICODE);
    public static final PropTag PR_READ_RECEIPT_ENTRYID = t(0x0046, PT_BINARY);
    public static final PropTag PR_ORIGINAL_SUBJECT = t(0x0049, PT_UNICODE);
    public static final PropTag PR_ORIGINAL_MESSAGE_CLASS = t(0x004B, PT_UNICODE);
    public static final PropTag PR_ORIGINAL_SUBMIT_TIME = t(0x004E, PT_SYSTIME);
    public static final PropTag PR_REPLY_RECIPIENT_ENTRIES = t(0x004F, PT_BINARY);
    public static final PropTag PR_REPLY_RECIPIENT_NAMES = t(0x0050, PT_UNICODE);
    public static final PropTag PR_RECEIVED_BY_SEARCH_KEY = t(0x0051, PT_BINARY);
    public static final PropTag PR_RCVD_REPRESENTING_SEARCH_KEY = t(0x0052, PT_BINARY);
    public static final PropTag PR_MESSAGE_TO_ME = t(0x0057, PT_BOOLEAN);
    public static final PropTag PR_MESSAGE_CC_ME = t(0x0058, PT_BOOLEAN);
    public static final PropTag PR_MESSAGE_RECIP_ME = t(0x0059, PT_BOOLEAN);
    public static final PropTag PR_OWNER_APPT_ID = t(0x0062, PT_LONG);
    public static final PropTag PR_RESPONSE_REQUESTED = t(0x0063, PT_BOOLEAN);
    public static final PropTag PR_RECEIVED_BY_ADDRTYPE = t(0x0075, PT_UNICODE);
    public static final PropTag PR_RCVD_REPRESENTING_ADDRTYPE = t(0x0077, PT_UNICODE);
    public static final PropTag PR_RCVD_REPRESENTING_EMAIL_ADDRESS = t(0x0078, PT_UNICODE);
    public static final PropTag PR_NON_RECEIPT_NOTIFICATION_REQUESTED = t(0x0C06, PT_BOOLEAN);
    public static final PropTag PR_REPLY_REQUESTED = t(0x0C17, PT_BOOLEAN);
    public static final PropTag PR_DELETE_AFTER_SUBMIT = t(0x0E01, PT_BOOLEAN);
    public static final PropTag PR_PARENT_DISPLAY = t(0x0E05, PT_UNICODE);
    public static final PropTag PR_SENTMAIL_ENTRYID = t(0x0E0A, PT_BINARY);
    public static final PropTag PR_RESPONSIBILITY = t(0x0E0F, PT_BOOLEAN);
    public static final PropTag PR_RTF_IN_SYNC = t(0x0E1F, PT_BOOLEAN);
    public static final PropTag PR_INTERNET_ARTICLE_NUMBER = t(0x0E23, PT_LONG);
    public static final PropTag PR_TODO_ITEM_FLAGS = t(0x0E2B, PT_LONG);
    public static final PropTag PR_BODY_CONTENT_LOCATION = t(0x1014, PT_UNICODE);
    public static final PropTag PR_BODY_CONTENT_ID = t(0x1015, PT_UNICODE);
    public static final PropTag PR_LIST_HELP = t(0x1043, PT_UNICODE);
    public static final PropTag PR_LIST_SUBSCRIBE = t(0x1044, PT_UNICODE);
    public static final PropTag PR_LIST_UNSUBSCRIBE = t(0x1045, PT_UNICODE);
    public static final PropTag PR_FLAG_COMPLETE_TIME = t(0x1091, PT_SYSTIME);
    public static final PropTag PR_FOLLOWUP_ICON = t(0x1095, PT_LONG);
    public static final PropTag PR_BLOCK_STATUS = t(0x1096, PT_LONG);
    public static final PropTag PR_ATTR_HIDDEN = t(0x10F4, PT_BOOLEAN);
    public static final PropTag PR_ATTR_SYSTEM = t(0x10F5, PT_BOOLEAN);
    public static final PropTag PR_ATTR_READONLY = t(0x10F6, PT_BOOLEAN);
    public static final PropTag PR_CONVERSATION_ID = t(0x3013, PT_BINARY);
    public static final PropTag PR_ORIGINAL_ENTRYID = t(0x3A12, PT_BINARY);
    public static final PropTag PR_MESSAGE_LOCALE_ID = t(0x3FF1, PT_LONG);
    public static final PropTag PR_CREATOR_NAME = t(0x3FF8, PT_UNICODE);
    public static final PropTag PR_CREATOR_ENTRYID = t(0x3FF9, PT_BINARY);
    public static final PropTag PR_LAST_MODIFIER_NAME = t(0x3FFA, PT_UNICODE);
    public static final PropTag PR_LAST_MODIFIER_ENTRYID = t(0x3FFB, PT_BINARY);
    public static final PropTag PR_MESSAGE_CODEPAGE = t(0x3FFD, PT_LONG);
    public static final PropTag PR_INTERNET_MAIL_OVERRIDE_FORMAT = t(0x5902, PT_LONG);
    public static final PropTag PR_MESSAGE_EDITOR_FORMAT = t(0x5909, PT_LONG);
    public static final PropTag PR_SENDER_SMTP_ADDRESS = t(0x5D01, PT_UNICODE);
    public static final PropTag PR_SENT_REPRESENTING_SMTP_ADDRESS = t(0x5D02, PT_UNICODE);
    public static final PropTag PR_LOCAL_COMMIT_TIME = t(0x6709, PT_SYSTIME);
    public static final PropTag PR_LOCAL_COMMIT_TIME_MAX = t(0x670A, PT_SYSTIME);
    public static final PropTag PR_FID = t(0x6748, PT_I8);
    public static final PropTag PR_PARENT_FID = t(0x6749, PT_I8);
    public static final PropTag PR_MID = t(0x674A, PT_I8);

    // --- more recipient properties
    public static final PropTag PR_DISPLAY_TYPE = t(0x3900, PT_LONG);
    public static final PropTag PR_DISPLAY_TYPE_EX = t(0x3905, PT_LONG);
    public static final PropTag PR_TRANSMITTABLE_DISPLAY_NAME = t(0x3A20, PT_UNICODE);
    public static final PropTag PR_SEND_RICH_INFO = t(0x3A40, PT_BOOLEAN);
    public static final PropTag PR_SEND_INTERNET_ENCODING = t(0x3A71, PT_LONG);
    public static final PropTag PR_RECIPIENT_ORDER = t(0x5FDF, PT_LONG);
    public static final PropTag PR_RECIPIENT_DISPLAY_NAME = t(0x5FF6, PT_UNICODE);
    public static final PropTag PR_RECIPIENT_ENTRYID = t(0x5FF7, PT_BINARY);
    public static final PropTag PR_RECIPIENT_TRACK_STATUS_TIME = t(0x5FFB, PT_SYSTIME);

    // --- more attachment properties
    public static final PropTag PR_ATTACH_ENCODING = t(0x3702, PT_BINARY);
    public static final PropTag PR_ATTACH_PATHNAME = t(0x3708, PT_UNICODE);
    public static final PropTag PR_ATTACH_RENDERING = t(0x3709, PT_BINARY);
    public static final PropTag PR_ATTACH_TAG = t(0x370A, PT_BINARY);
    public static final PropTag PR_ATTACH_TRANSPORT_NAME = t(0x370C, PT_UNICODE);
    public static final PropTag PR_ATTACH_LONG_PATHNAME = t(0x370D, PT_UNICODE);
    public static final PropTag PR_ATTACH_ADDITIONAL_INFO = t(0x370F, PT_BINARY);
    public static final PropTag PR_ATTACH_CONTENT_BASE = t(0x3711, PT_UNICODE);
    public static final PropTag PR_ATTACHMENT_LINKID = t(0x7FFA, PT_LONG);
    public static final PropTag PR_EXCEPTION_STARTTIME = t(0x7FFB, PT_SYSTIME);
    public static final PropTag PR_EXCEPTION_ENDTIME = t(0x7FFC, PT_SYSTIME);
    public static final PropTag PR_ATTACHMENT_FLAGS = t(0x7FFD, PT_LONG);
    public static final PropTag PR_ATTACHMENT_CONTACT_PHOTO = t(0x7FFF, PT_BOOLEAN);

    // --- more folder and store properties
    public static final PropTag PR_EXTENDED_FOLDER_FLAGS = t(0x36DA, PT_BINARY);
    public static final PropTag PR_FREEBUSY_ENTRYIDS = t(0x36E4, PT_MV_BINARY);
    public static final PropTag PR_HIERARCHY_CHANGE_NUM = t(0x663E, PT_LONG);
    public static final PropTag PR_STORE_STATE = t(0x340E, PT_LONG);
    public static final PropTag PR_VALID_FOLDER_MASK = t(0x35DF, PT_LONG);
    public static final PropTag PR_USER_ENTRYID = t(0x6619, PT_BINARY);
    public static final PropTag PR_USER_NAME = t(0x661A, PT_UNICODE);

    // --- contacts (and address book entries)
    public static final PropTag PR_ACCOUNT = t(0x3A00, PT_UNICODE);
    public static final PropTag PR_CALLBACK_TELEPHONE_NUMBER = t(0x3A02, PT_UNICODE);
    public static final PropTag PR_GENERATION = t(0x3A05, PT_UNICODE);
    public static final PropTag PR_GIVEN_NAME = t(0x3A06, PT_UNICODE);
    public static final PropTag PR_GOVERNMENT_ID_NUMBER = t(0x3A07, PT_UNICODE);
    public static final PropTag PR_BUSINESS_TELEPHONE_NUMBER = t(0x3A08, PT_UNICODE);
    public static final PropTag PR_HOME_TELEPHONE_NUMBER = t(0x3A09, PT_UNICODE);
    public static final PropTag PR_INITIALS = t(0x3A0A, PT_UNICODE);
    public static final PropTag PR_LANGUAGE = t(0x3A0C, PT_UNICODE);
    public static final PropTag PR_LOCATION = t(0x3A0D, PT_UNICODE);
    public static final PropTag PR_ORGANIZATIONAL_ID_NUMBER = t(0x3A10, PT_UNICODE);
    public static final PropTag PR_SURNAME = t(0x3A11, PT_UNICODE);
    public static final PropTag PR_POSTAL_ADDRESS = t(0x3A15, PT_UNICODE);
    public static final PropTag PR_COMPANY_NAME = t(0x3A16, PT_UNICODE);
    public static final PropTag PR_TITLE = t(0x3A17, PT_UNICODE);
    public static final PropTag PR_DEPARTMENT_NAME = t(0x3A18, PT_UNICODE);
    public static final PropTag PR_OFFICE_LOCATION = t(0x3A19, PT_UNICODE);
    public static final PropTag PR_PRIMARY_TELEPHONE_NUMBER = t(0x3A1A, PT_UNICODE);
    public static final PropTag PR_BUSINESS2_TELEPHONE_NUMBER = t(0x3A1B, PT_UNICODE);
    public static final PropTag PR_MOBILE_TELEPHONE_NUMBER = t(0x3A1C, PT_UNICODE);
    public static final PropTag PR_RADIO_TELEPHONE_NUMBER = t(0x3A1D, PT_UNICODE);
    public static final PropTag PR_CAR_TELEPHONE_NUMBER = t(0x3A1E, PT_UNICODE);
    public static final PropTag PR_OTHER_TELEPHONE_NUMBER = t(0x3A1F, PT_UNICODE);
    public static final PropTag PR_PAGER_TELEPHONE_NUMBER = t(0x3A21, PT_UNICODE);
    public static final PropTag PR_PRIMARY_FAX_NUMBER = t(0x3A23, PT_UNICODE);
    public static final PropTag PR_BUSINESS_FAX_NUMBER = t(0x3A24, PT_UNICODE);
    public static final PropTag PR_HOME_FAX_NUMBER = t(0x3A25, PT_UNICODE);
    public static final PropTag PR_BUSINESS_ADDRESS_COUNTRY = t(0x3A26, PT_UNICODE);
    public static final PropTag PR_BUSINESS_ADDRESS_CITY = t(0x3A27, PT_UNICODE);
    public static final PropTag PR_BUSINESS_ADDRESS_STATE_OR_PROVINCE = t(0x3A28, PT_UNICODE);
    public static final PropTag PR_BUSINESS_ADDRESS_STREET = t(0x3A29, PT_UNICODE);
    public static final PropTag PR_BUSINESS_ADDRESS_POSTAL_CODE = t(0x3A2A, PT_UNICODE);
    public static final PropTag PR_BUSINESS_ADDRESS_POST_OFFICE_BOX = t(0x3A2B, PT_UNICODE);
    public static final PropTag PR_TELEX_NUMBER = t(0x3A2C, PT_UNICODE);
    public static final PropTag PR_ISDN_NUMBER = t(0x3A2D, PT_UNICODE);
    public static final PropTag PR_ASSISTANT_TELEPHONE_NUMBER = t(0x3A2E, PT_UNICODE);
    public static final PropTag PR_HOME2_TELEPHONE_NUMBER = t(0x3A2F, PT_UNICODE);
    public static final PropTag PR_ASSISTANT = t(0x3A30, PT_UNICODE);
    public static final PropTag PR_WEDDING_ANNIVERSARY = t(0x3A41, PT_SYSTIME);
    public static final PropTag PR_BIRTHDAY = t(0x3A42, PT_SYSTIME);
    public static final PropTag PR_HOBBIES = t(0x3A43, PT_UNICODE);
    public static final PropTag PR_MIDDLE_NAME = t(0x3A44, PT_UNICODE);
    public static final PropTag PR_DISPLAY_NAME_PREFIX = t(0x3A45, PT_UNICODE);
    public static final PropTag PR_PROFESSION = t(0x3A46, PT_UNICODE);
    public static final PropTag PR_REFERRED_BY_NAME = t(0x3A47, PT_UNICODE);
    public static final PropTag PR_SPOUSE_NAME = t(0x3A48, PT_UNICODE);
    public static final PropTag PR_CUSTOMER_ID = t(0x3A4A, PT_UNICODE);
    public static final PropTag PR_TTYTDD_PHONE_NUMBER = t(0x3A4B, PT_UNICODE);
    public static final PropTag PR_FTP_SITE = t(0x3A4C, PT_UNICODE);
    public static final PropTag PR_GENDER = t(0x3A4D, PT_I2);
    public static final PropTag PR_MANAGER_NAME = t(0x3A4E, PT_UNICODE);
    public static final PropTag PR_NICKNAME = t(0x3A4F, PT_UNICODE);
    public static final PropTag PR_PERSONAL_HOME_PAGE = t(0x3A50, PT_UNICODE);
    public static final PropTag PR_BUSINESS_HOME_PAGE = t(0x3A51, PT_UNICODE);
    public static final PropTag PR_COMPANY_MAIN_PHONE_NUMBER = t(0x3A57, PT_UNICODE);
    public static final PropTag PR_CHILDRENS_NAMES = t(0x3A58, PT_MV_UNICODE);
    public static final PropTag PR_HOME_ADDRESS_CITY = t(0x3A59, PT_UNICODE);
    public static final PropTag PR_HOME_ADDRESS_COUNTRY = t(0x3A5A, PT_UNICODE);
    public static final PropTag PR_HOME_ADDRESS_POSTAL_CODE = t(0x3A5B, PT_UNICODE);
    public static final PropTag PR_HOME_ADDRESS_STATE_OR_PROVINCE = t(0x3A5C, PT_UNICODE);
    public static final PropTag PR_HOME_ADDRESS_STREET = t(0x3A5D, PT_UNICODE);
    public static final PropTag PR_HOME_ADDRESS_POST_OFFICE_BOX = t(0x3A5E, PT_UNICODE);
    public static final PropTag PR_OTHER_ADDRESS_CITY = t(0x3A5F, PT_UNICODE);
    public static final PropTag PR_OTHER_ADDRESS_COUNTRY = t(0x3A60, PT_UNICODE);
    public static final PropTag PR_OTHER_ADDRESS_POSTAL_CODE = t(0x3A61, PT_UNICODE);
    public static final PropTag PR_OTHER_ADDRESS_STATE_OR_PROVINCE = t(0x3A62, PT_UNICODE);
    public static final PropTag PR_OTHER_ADDRESS_STREET = t(0x3A63, PT_UNICODE);
    public static final PropTag PR_OTHER_ADDRESS_POST_OFFICE_BOX = t(0x3A64, PT_UNICODE);
}
