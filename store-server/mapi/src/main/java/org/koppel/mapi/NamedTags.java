package org.koppel.mapi;

import static org.koppel.mapi.PropType.*;

import java.util.List;

/**
 * Well-known named properties ([MS-OXPROPS] section 2, PidLid and PidName) with the types clients use them with.
 * Constant names are the canonical names without the PidLid prefix, in MAPI's upper-case style
 * (PidLidAppointmentStartWhole is APPOINTMENT_START_WHOLE).
 */
public final class NamedTags {

    private NamedTags() {
    }

    private static NamedPropTag lid(Guid set, int lid, PropType type) {
        return NamedPropTag.byId(set, lid, type);
    }

    // --- Calendar: appointments and meetings ([MS-OXOCAL]), PSETID_APPOINTMENT
    public static final NamedPropTag APPOINTMENT_SEQUENCE = lid(PropertySets.PSETID_APPOINTMENT, 0x8201, PT_LONG);
    public static final NamedPropTag APPOINTMENT_SEQUENCE_TIME = lid(PropertySets.PSETID_APPOINTMENT, 0x8202, PT_SYSTIME);
    public static final NamedPropTag APPOINTMENT_LAST_SEQUENCE = lid(PropertySets.PSETID_APPOINTMENT, 0x8203, PT_LONG);
    public static final NamedPropTag BUSY_STATUS = lid(PropertySets.PSETID_APPOINTMENT, 0x8205, PT_LONG);
    public static final NamedPropTag LOCATION = lid(PropertySets.PSETID_APPOINTMENT, 0x8208, PT_UNICODE);
    public static final NamedPropTag MEETING_WORKSPACE_URL = lid(PropertySets.PSETID_APPOINTMENT, 0x8209, PT_UNICODE);
    public static final NamedPropTag APPOINTMENT_START_WHOLE = lid(PropertySets.PSETID_APPOINTMENT, 0x820D, PT_SYSTIME);
    public static final NamedPropTag APPOINTMENT_END_WHOLE = lid(PropertySets.PSETID_APPOINTMENT, 0x820E, PT_SYSTIME);
    public static final NamedPropTag APPOINTMENT_DURATION = lid(PropertySets.PSETID_APPOINTMENT, 0x8213, PT_LONG);
    public static final NamedPropTag APPOINTMENT_COLOR = lid(PropertySets.PSETID_APPOINTMENT, 0x8214, PT_LONG);
    /** All-day event. */
    public static final NamedPropTag APPOINTMENT_SUB_TYPE = lid(PropertySets.PSETID_APPOINTMENT, 0x8215, PT_BOOLEAN);
    /** The recurrence blob ([MS-OXOCAL] 2.2.1.44). */
    public static final NamedPropTag APPOINTMENT_RECUR = lid(PropertySets.PSETID_APPOINTMENT, 0x8216, PT_BINARY);
    public static final NamedPropTag APPOINTMENT_STATE_FLAGS = lid(PropertySets.PSETID_APPOINTMENT, 0x8217, PT_LONG);
    public static final NamedPropTag RESPONSE_STATUS = lid(PropertySets.PSETID_APPOINTMENT, 0x8218, PT_LONG);
    public static final NamedPropTag APPOINTMENT_REPLY_TIME = lid(PropertySets.PSETID_APPOINTMENT, 0x8220, PT_SYSTIME);
    public static final NamedPropTag RECURRING = lid(PropertySets.PSETID_APPOINTMENT, 0x8223, PT_BOOLEAN);
    public static final NamedPropTag INTENDED_BUSY_STATUS = lid(PropertySets.PSETID_APPOINTMENT, 0x8224, PT_LONG);
    public static final NamedPropTag EXCEPTION_REPLACE_TIME = lid(PropertySets.PSETID_APPOINTMENT, 0x8228, PT_SYSTIME);
    public static final NamedPropTag FINVITED = lid(PropertySets.PSETID_APPOINTMENT, 0x8229, PT_BOOLEAN);
    public static final NamedPropTag APPOINTMENT_REPLY_NAME = lid(PropertySets.PSETID_APPOINTMENT, 0x8230, PT_UNICODE);
    public static final NamedPropTag RECURRENCE_TYPE = lid(PropertySets.PSETID_APPOINTMENT, 0x8231, PT_LONG);
    public static final NamedPropTag RECURRENCE_PATTERN = lid(PropertySets.PSETID_APPOINTMENT, 0x8232, PT_UNICODE);
    public static final NamedPropTag TIME_ZONE_STRUCT = lid(PropertySets.PSETID_APPOINTMENT, 0x8233, PT_BINARY);
    public static final NamedPropTag TIME_ZONE_DESCRIPTION = lid(PropertySets.PSETID_APPOINTMENT, 0x8234, PT_UNICODE);
    public static final NamedPropTag CLIP_START = lid(PropertySets.PSETID_APPOINTMENT, 0x8235, PT_SYSTIME);
    public static final NamedPropTag CLIP_END = lid(PropertySets.PSETID_APPOINTMENT, 0x8236, PT_SYSTIME);
    public static final NamedPropTag ALL_ATTENDEES_STRING = lid(PropertySets.PSETID_APPOINTMENT, 0x8238, PT_UNICODE);
    public static final NamedPropTag TO_ATTENDEES_STRING = lid(PropertySets.PSETID_APPOINTMENT, 0x823B, PT_UNICODE);
    public static final NamedPropTag CC_ATTENDEES_STRING = lid(PropertySets.PSETID_APPOINTMENT, 0x823C, PT_UNICODE);
    public static final NamedPropTag NET_SHOW_URL = lid(PropertySets.PSETID_APPOINTMENT, 0x8248, PT_UNICODE);
    public static final NamedPropTag APPOINTMENT_PROPOSED_START_WHOLE = lid(PropertySets.PSETID_APPOINTMENT, 0x8250, PT_SYSTIME);
    public static final NamedPropTag APPOINTMENT_PROPOSED_END_WHOLE = lid(PropertySets.PSETID_APPOINTMENT, 0x8251, PT_SYSTIME);
    public static final NamedPropTag APPOINTMENT_COUNTER_PROPOSAL = lid(PropertySets.PSETID_APPOINTMENT, 0x8257, PT_BOOLEAN);
    public static final NamedPropTag APPOINTMENT_NOT_ALLOW_PROPOSE = lid(PropertySets.PSETID_APPOINTMENT, 0x825A, PT_BOOLEAN);
    public static final NamedPropTag APPOINTMENT_TIME_ZONE_DEFINITION_START_DISPLAY = lid(PropertySets.PSETID_APPOINTMENT, 0x825E, PT_BINARY);
    public static final NamedPropTag APPOINTMENT_TIME_ZONE_DEFINITION_END_DISPLAY = lid(PropertySets.PSETID_APPOINTMENT, 0x825F, PT_BINARY);
    public static final NamedPropTag APPOINTMENT_TIME_ZONE_DEFINITION_RECUR = lid(PropertySets.PSETID_APPOINTMENT, 0x8260, PT_BINARY);

    // --- Meeting requests and responses ([MS-OXOCAL]), PSETID_MEETING
    public static final NamedPropTag ATTENDEE_CRITICAL_CHANGE = lid(PropertySets.PSETID_MEETING, 0x0001, PT_SYSTIME);
    public static final NamedPropTag WHERE = lid(PropertySets.PSETID_MEETING, 0x0002, PT_UNICODE);
    public static final NamedPropTag GLOBAL_OBJECT_ID = lid(PropertySets.PSETID_MEETING, 0x0003, PT_BINARY);
    public static final NamedPropTag IS_SILENT = lid(PropertySets.PSETID_MEETING, 0x0004, PT_BOOLEAN);
    public static final NamedPropTag IS_RECURRING = lid(PropertySets.PSETID_MEETING, 0x0005, PT_BOOLEAN);
    public static final NamedPropTag IS_EXCEPTION = lid(PropertySets.PSETID_MEETING, 0x000A, PT_BOOLEAN);
    public static final NamedPropTag TIME_ZONE = lid(PropertySets.PSETID_MEETING, 0x000C, PT_LONG);
    public static final NamedPropTag OWNER_CRITICAL_CHANGE = lid(PropertySets.PSETID_MEETING, 0x001A, PT_SYSTIME);
    public static final NamedPropTag CLEAN_GLOBAL_OBJECT_ID = lid(PropertySets.PSETID_MEETING, 0x0023, PT_BINARY);
    public static final NamedPropTag MEETING_TYPE = lid(PropertySets.PSETID_MEETING, 0x0026, PT_LONG);

    // --- Tasks ([MS-OXOTASK]), PSETID_TASK
    public static final NamedPropTag TASK_STATUS = lid(PropertySets.PSETID_TASK, 0x8101, PT_LONG);
    public static final NamedPropTag PERCENT_COMPLETE = lid(PropertySets.PSETID_TASK, 0x8102, PT_DOUBLE);
    public static final NamedPropTag TEAM_TASK = lid(PropertySets.PSETID_TASK, 0x8103, PT_BOOLEAN);
    public static final NamedPropTag TASK_START_DATE = lid(PropertySets.PSETID_TASK, 0x8104, PT_SYSTIME);
    public static final NamedPropTag TASK_DUE_DATE = lid(PropertySets.PSETID_TASK, 0x8105, PT_SYSTIME);
    public static final NamedPropTag TASK_RESET_REMINDER = lid(PropertySets.PSETID_TASK, 0x8107, PT_BOOLEAN);
    public static final NamedPropTag TASK_DEAD_OCCURRENCE = lid(PropertySets.PSETID_TASK, 0x8109, PT_BOOLEAN);
    public static final NamedPropTag TASK_DATE_COMPLETED = lid(PropertySets.PSETID_TASK, 0x810F, PT_SYSTIME);
    public static final NamedPropTag TASK_ACTUAL_EFFORT = lid(PropertySets.PSETID_TASK, 0x8110, PT_LONG);
    public static final NamedPropTag TASK_ESTIMATED_EFFORT = lid(PropertySets.PSETID_TASK, 0x8111, PT_LONG);
    public static final NamedPropTag TASK_STATE = lid(PropertySets.PSETID_TASK, 0x8113, PT_LONG);
    public static final NamedPropTag TASK_RECURRENCE = lid(PropertySets.PSETID_TASK, 0x8116, PT_BINARY);
    public static final NamedPropTag TASK_COMPLETE = lid(PropertySets.PSETID_TASK, 0x811C, PT_BOOLEAN);
    public static final NamedPropTag TASK_OWNER = lid(PropertySets.PSETID_TASK, 0x811F, PT_UNICODE);
    public static final NamedPropTag TASK_ASSIGNER = lid(PropertySets.PSETID_TASK, 0x8121, PT_BINARY);
    public static final NamedPropTag TASK_LAST_USER = lid(PropertySets.PSETID_TASK, 0x8122, PT_BINARY);
    public static final NamedPropTag TASK_ORDINAL = lid(PropertySets.PSETID_TASK, 0x8123, PT_LONG);
    public static final NamedPropTag TASK_FRECURRING = lid(PropertySets.PSETID_TASK, 0x8126, PT_BOOLEAN);
    public static final NamedPropTag TASK_OWNERSHIP = lid(PropertySets.PSETID_TASK, 0x8129, PT_LONG);
    public static final NamedPropTag TASK_ACCEPTANCE_STATE = lid(PropertySets.PSETID_TASK, 0x812A, PT_LONG);

    // --- Contacts and distribution lists ([MS-OXOCNTC]), PSETID_ADDRESS
    public static final NamedPropTag FILE_UNDER = lid(PropertySets.PSETID_ADDRESS, 0x8005, PT_UNICODE);
    public static final NamedPropTag FILE_UNDER_ID = lid(PropertySets.PSETID_ADDRESS, 0x8006, PT_LONG);
    public static final NamedPropTag CONTACT_ITEM_DATA = lid(PropertySets.PSETID_ADDRESS, 0x8007, PT_MV_LONG);
    public static final NamedPropTag HAS_PICTURE = lid(PropertySets.PSETID_ADDRESS, 0x8015, PT_BOOLEAN);
    public static final NamedPropTag HOME_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x801A, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x801B, PT_UNICODE);
    public static final NamedPropTag OTHER_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x801C, PT_UNICODE);
    public static final NamedPropTag POSTAL_ADDRESS_ID = lid(PropertySets.PSETID_ADDRESS, 0x8022, PT_LONG);
    public static final NamedPropTag ADDRESS_BOOK_PROVIDER_EMAIL_LIST = lid(PropertySets.PSETID_ADDRESS, 0x8028, PT_MV_LONG);
    public static final NamedPropTag ADDRESS_BOOK_PROVIDER_ARRAY_TYPE = lid(PropertySets.PSETID_ADDRESS, 0x8029, PT_LONG);
    /** The contact's web page (PidLidHtml). */
    public static final NamedPropTag HTML = lid(PropertySets.PSETID_ADDRESS, 0x802B, PT_UNICODE);
    public static final NamedPropTag YOMI_FIRST_NAME = lid(PropertySets.PSETID_ADDRESS, 0x802C, PT_UNICODE);
    public static final NamedPropTag YOMI_LAST_NAME = lid(PropertySets.PSETID_ADDRESS, 0x802D, PT_UNICODE);
    public static final NamedPropTag YOMI_COMPANY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x802E, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS_STREET = lid(PropertySets.PSETID_ADDRESS, 0x8045, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS_CITY = lid(PropertySets.PSETID_ADDRESS, 0x8046, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS_STATE = lid(PropertySets.PSETID_ADDRESS, 0x8047, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS_POSTAL_CODE = lid(PropertySets.PSETID_ADDRESS, 0x8048, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS_COUNTRY = lid(PropertySets.PSETID_ADDRESS, 0x8049, PT_UNICODE);
    public static final NamedPropTag WORK_ADDRESS_POST_OFFICE_BOX = lid(PropertySets.PSETID_ADDRESS, 0x804A, PT_UNICODE);
    public static final NamedPropTag DISTRIBUTION_LIST_CHECKSUM = lid(PropertySets.PSETID_ADDRESS, 0x804C, PT_LONG);
    public static final NamedPropTag DISTRIBUTION_LIST_NAME = lid(PropertySets.PSETID_ADDRESS, 0x8053, PT_UNICODE);
    public static final NamedPropTag DISTRIBUTION_LIST_ONE_OFF_MEMBERS = lid(PropertySets.PSETID_ADDRESS, 0x8054, PT_MV_BINARY);
    public static final NamedPropTag DISTRIBUTION_LIST_MEMBERS = lid(PropertySets.PSETID_ADDRESS, 0x8055, PT_MV_BINARY);
    public static final NamedPropTag INSTANT_MESSAGING_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x8062, PT_UNICODE);
    public static final NamedPropTag EMAIL1_DISPLAY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x8080, PT_UNICODE);
    public static final NamedPropTag EMAIL1_ADDRESS_TYPE = lid(PropertySets.PSETID_ADDRESS, 0x8082, PT_UNICODE);
    public static final NamedPropTag EMAIL1_EMAIL_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x8083, PT_UNICODE);
    public static final NamedPropTag EMAIL1_ORIGINAL_DISPLAY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x8084, PT_UNICODE);
    public static final NamedPropTag EMAIL1_ORIGINAL_ENTRY_ID = lid(PropertySets.PSETID_ADDRESS, 0x8085, PT_BINARY);
    public static final NamedPropTag EMAIL2_DISPLAY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x8090, PT_UNICODE);
    public static final NamedPropTag EMAIL2_ADDRESS_TYPE = lid(PropertySets.PSETID_ADDRESS, 0x8092, PT_UNICODE);
    public static final NamedPropTag EMAIL2_EMAIL_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x8093, PT_UNICODE);
    public static final NamedPropTag EMAIL2_ORIGINAL_DISPLAY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x8094, PT_UNICODE);
    public static final NamedPropTag EMAIL2_ORIGINAL_ENTRY_ID = lid(PropertySets.PSETID_ADDRESS, 0x8095, PT_BINARY);
    public static final NamedPropTag EMAIL3_DISPLAY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x80A0, PT_UNICODE);
    public static final NamedPropTag EMAIL3_ADDRESS_TYPE = lid(PropertySets.PSETID_ADDRESS, 0x80A2, PT_UNICODE);
    public static final NamedPropTag EMAIL3_EMAIL_ADDRESS = lid(PropertySets.PSETID_ADDRESS, 0x80A3, PT_UNICODE);
    public static final NamedPropTag EMAIL3_ORIGINAL_DISPLAY_NAME = lid(PropertySets.PSETID_ADDRESS, 0x80A4, PT_UNICODE);
    public static final NamedPropTag EMAIL3_ORIGINAL_ENTRY_ID = lid(PropertySets.PSETID_ADDRESS, 0x80A5, PT_BINARY);
    public static final NamedPropTag BIRTHDAY_LOCAL = lid(PropertySets.PSETID_ADDRESS, 0x80DE, PT_SYSTIME);
    public static final NamedPropTag WEDDING_ANNIVERSARY_LOCAL = lid(PropertySets.PSETID_ADDRESS, 0x80DF, PT_SYSTIME);

    // --- Common to all item kinds: reminders, flags, links ([MS-OXORMDR], [MS-OXOFLAG], [MS-OXCMSG]), PSETID_COMMON
    public static final NamedPropTag REMINDER_DELTA = lid(PropertySets.PSETID_COMMON, 0x8501, PT_LONG);
    public static final NamedPropTag REMINDER_TIME = lid(PropertySets.PSETID_COMMON, 0x8502, PT_SYSTIME);
    public static final NamedPropTag REMINDER_SET = lid(PropertySets.PSETID_COMMON, 0x8503, PT_BOOLEAN);
    public static final NamedPropTag PRIVATE = lid(PropertySets.PSETID_COMMON, 0x8506, PT_BOOLEAN);
    public static final NamedPropTag SIDE_EFFECTS = lid(PropertySets.PSETID_COMMON, 0x8510, PT_LONG);
    public static final NamedPropTag COMMON_START = lid(PropertySets.PSETID_COMMON, 0x8516, PT_SYSTIME);
    public static final NamedPropTag COMMON_END = lid(PropertySets.PSETID_COMMON, 0x8517, PT_SYSTIME);
    public static final NamedPropTag TASK_MODE = lid(PropertySets.PSETID_COMMON, 0x8518, PT_LONG);
    public static final NamedPropTag REMINDER_OVERRIDE = lid(PropertySets.PSETID_COMMON, 0x851C, PT_BOOLEAN);
    public static final NamedPropTag REMINDER_PLAY_SOUND = lid(PropertySets.PSETID_COMMON, 0x851E, PT_BOOLEAN);
    public static final NamedPropTag REMINDER_FILE_PARAMETER = lid(PropertySets.PSETID_COMMON, 0x851F, PT_UNICODE);
    public static final NamedPropTag FLAG_REQUEST = lid(PropertySets.PSETID_COMMON, 0x8530, PT_UNICODE);
    public static final NamedPropTag MILEAGE = lid(PropertySets.PSETID_COMMON, 0x8534, PT_UNICODE);
    public static final NamedPropTag BILLING = lid(PropertySets.PSETID_COMMON, 0x8535, PT_UNICODE);
    public static final NamedPropTag COMPANIES = lid(PropertySets.PSETID_COMMON, 0x8539, PT_MV_UNICODE);
    public static final NamedPropTag CONTACTS = lid(PropertySets.PSETID_COMMON, 0x853A, PT_MV_UNICODE);
    public static final NamedPropTag CURRENT_VERSION = lid(PropertySets.PSETID_COMMON, 0x8552, PT_LONG);
    public static final NamedPropTag CURRENT_VERSION_NAME = lid(PropertySets.PSETID_COMMON, 0x8554, PT_UNICODE);
    public static final NamedPropTag REMINDER_SIGNAL_TIME = lid(PropertySets.PSETID_COMMON, 0x8560, PT_SYSTIME);
    public static final NamedPropTag CONTACT_LINK_SEARCH_KEY = lid(PropertySets.PSETID_COMMON, 0x8584, PT_BINARY);
    public static final NamedPropTag CONTACT_LINK_ENTRY = lid(PropertySets.PSETID_COMMON, 0x8585, PT_BINARY);
    public static final NamedPropTag CONTACT_LINK_NAME = lid(PropertySets.PSETID_COMMON, 0x8586, PT_UNICODE);
    public static final NamedPropTag TO_DO_TITLE = lid(PropertySets.PSETID_COMMON, 0x85A4, PT_UNICODE);

    // --- Journal entries ([MS-OXOJRNL]), PSETID_LOG
    public static final NamedPropTag LOG_TYPE = lid(PropertySets.PSETID_LOG, 0x8700, PT_UNICODE);
    public static final NamedPropTag LOG_START = lid(PropertySets.PSETID_LOG, 0x8706, PT_SYSTIME);
    public static final NamedPropTag LOG_DURATION = lid(PropertySets.PSETID_LOG, 0x8707, PT_LONG);
    public static final NamedPropTag LOG_END = lid(PropertySets.PSETID_LOG, 0x8708, PT_SYSTIME);

    // --- Sticky notes ([MS-OXONOTE]), PSETID_NOTE
    public static final NamedPropTag NOTE_COLOR = lid(PropertySets.PSETID_NOTE, 0x8B00, PT_LONG);
    public static final NamedPropTag NOTE_WIDTH = lid(PropertySets.PSETID_NOTE, 0x8B02, PT_LONG);
    public static final NamedPropTag NOTE_HEIGHT = lid(PropertySets.PSETID_NOTE, 0x8B03, PT_LONG);
    public static final NamedPropTag NOTE_X = lid(PropertySets.PSETID_NOTE, 0x8B04, PT_LONG);
    public static final NamedPropTag NOTE_Y = lid(PropertySets.PSETID_NOTE, 0x8B05, PT_LONG);

    // --- PS_PUBLIC_STRINGS
    /** The categories of any item (PidNameKeywords). */
    public static final NamedPropTag KEYWORDS = NamedPropTag.byName(PropertySets.PS_PUBLIC_STRINGS, "Keywords", PT_MV_UNICODE);

    /** Every constant above, for building a store's initial name map. */
    public static final List<NamedPropTag> ALL = List.of(
            APPOINTMENT_SEQUENCE,
            APPOINTMENT_SEQUENCE_TIME,
            APPOINTMENT_LAST_SEQUENCE,
            BUSY_STATUS,
            LOCATION,
            MEETING_WORKSPACE_URL,
            APPOINTMENT_START_WHOLE,
            APPOINTMENT_END_WHOLE,
            APPOINTMENT_DURATION,
            APPOINTMENT_COLOR,
            APPOINTMENT_SUB_TYPE,
            APPOINTMENT_RECUR,
            APPOINTMENT_STATE_FLAGS,
            RESPONSE_STATUS,
            APPOINTMENT_REPLY_TIME,
            RECURRING,
            INTENDED_BUSY_STATUS,
            EXCEPTION_REPLACE_TIME,
            FINVITED,
            APPOINTMENT_REPLY_NAME,
            RECURRENCE_TYPE,
            RECURRENCE_PATTERN,
            TIME_ZONE_STRUCT,
            TIME_ZONE_DESCRIPTION,
            CLIP_START,
            CLIP_END,
            ALL_ATTENDEES_STRING,
            TO_ATTENDEES_STRING,
            CC_ATTENDEES_STRING,
            NET_SHOW_URL,
            APPOINTMENT_PROPOSED_START_WHOLE,
            APPOINTMENT_PROPOSED_END_WHOLE,
            APPOINTMENT_COUNTER_PROPOSAL,
            APPOINTMENT_NOT_ALLOW_PROPOSE,
            APPOINTMENT_TIME_ZONE_DEFINITION_START_DISPLAY,
            APPOINTMENT_TIME_ZONE_DEFINITION_END_DISPLAY,
            APPOINTMENT_TIME_ZONE_DEFINITION_RECUR,
            ATTENDEE_CRITICAL_CHANGE,
            WHERE,
            GLOBAL_OBJECT_ID,
            IS_SILENT,
            IS_RECURRING,
            IS_EXCEPTION,
            TIME_ZONE,
            OWNER_CRITICAL_CHANGE,
            CLEAN_GLOBAL_OBJECT_ID,
            MEETING_TYPE,
            TASK_STATUS,
            PERCENT_COMPLETE,
            TEAM_TASK,
            TASK_START_DATE,
            TASK_DUE_DATE,
            TASK_RESET_REMINDER,
            TASK_DEAD_OCCURRENCE,
            TASK_DATE_COMPLETED,
            TASK_ACTUAL_EFFORT,
            TASK_ESTIMATED_EFFORT,
            TASK_STATE,
            TASK_RECURRENCE,
            TASK_COMPLETE,
            TASK_OWNER,
            TASK_ASSIGNER,
            TASK_LAST_USER,
            TASK_ORDINAL,
            TASK_FRECURRING,
            TASK_OWNERSHIP,
            TASK_ACCEPTANCE_STATE,
            FILE_UNDER,
            FILE_UNDER_ID,
            CONTACT_ITEM_DATA,
            HAS_PICTURE,
            HOME_ADDRESS,
            WORK_ADDRESS,
            OTHER_ADDRESS,
            POSTAL_ADDRESS_ID,
            ADDRESS_BOOK_PROVIDER_EMAIL_LIST,
            ADDRESS_BOOK_PROVIDER_ARRAY_TYPE,
            HTML,
            YOMI_FIRST_NAME,
            YOMI_LAST_NAME,
            YOMI_COMPANY_NAME,
            WORK_ADDRESS_STREET,
            WORK_ADDRESS_CITY,
            WORK_ADDRESS_STATE,
            WORK_ADDRESS_POSTAL_CODE,
            WORK_ADDRESS_COUNTRY,
            WORK_ADDRESS_POST_OFFICE_BOX,
            DISTRIBUTION_LIST_CHECKSUM,
            DISTRIBUTION_LIST_NAME,
            DISTRIBUTION_LIST_ONE_OFF_MEMBERS,
            DISTRIBUTION_LIST_MEMBERS,
            INSTANT_MESSAGING_ADDRESS,
            EMAIL1_DISPLAY_NAME,
            EMAIL1_ADDRESS_TYPE,
            EMAIL1_EMAIL_ADDRESS,
            EMAIL1_ORIGINAL_DISPLAY_NAME,
            EMAIL1_ORIGINAL_ENTRY_ID,
            EMAIL2_DISPLAY_NAME,
            EMAIL2_ADDRESS_TYPE,
            EMAIL2_EMAIL_ADDRESS,
            EMAIL2_ORIGINAL_DISPLAY_NAME,
            EMAIL2_ORIGINAL_ENTRY_ID,
            EMAIL3_DISPLAY_NAME,
            EMAIL3_ADDRESS_TYPE,
            EMAIL3_EMAIL_ADDRESS,
            EMAIL3_ORIGINAL_DISPLAY_NAME,
            EMAIL3_ORIGINAL_ENTRY_ID,
            BIRTHDAY_LOCAL,
            WEDDING_ANNIVERSARY_LOCAL,
            REMINDER_DELTA,
            REMINDER_TIME,
            REMINDER_SET,
            PRIVATE,
            SIDE_EFFECTS,
            COMMON_START,
            COMMON_END,
            TASK_MODE,
            REMINDER_OVERRIDE,
            REMINDER_PLAY_SOUND,
            REMINDER_FILE_PARAMETER,
            FLAG_REQUEST,
            MILEAGE,
            BILLING,
            COMPANIES,
            CONTACTS,
            CURRENT_VERSION,
            CURRENT_VERSION_NAME,
            REMINDER_SIGNAL_TIME,
            CONTACT_LINK_SEARCH_KEY,
            CONTACT_LINK_ENTRY,
            CONTACT_LINK_NAME,
            TO_DO_TITLE,
            LOG_TYPE,
            LOG_START,
            LOG_DURATION,
            LOG_END,
            NOTE_COLOR,
            NOTE_WIDTH,
            NOTE_HEIGHT,
            NOTE_X,
            NOTE_Y,
            KEYWORDS);
}
