package org.koppel.inetmapi.tnef;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The TNEF attributes this reader acts on ([MS-OXTNEF] 2.1.3.3), by their 32-bit id (the attribute's data
 * type in the high word, its number in the low word). Attributes not listed are read, checksummed and
 * skipped.
 */
enum TnefAttribute {
    FROM(0x00008000),
    SUBJECT(0x00018004),
    DATE_SENT(0x00038005),
    DATE_RECEIVED(0x00038006),
    MESSAGE_STATUS(0x00068007),
    MESSAGE_CLASS(0x00078008),
    MESSAGE_ID(0x00018009),
    BODY(0x0002800C),
    PRIORITY(0x0004800D),
    ATTACH_DATA(0x0006800F),
    ATTACH_TITLE(0x00018010),
    ATTACH_META_FILE(0x00068011),
    ATTACH_CREATE_DATE(0x00038012),
    ATTACH_MODIFY_DATE(0x00038013),
    DATE_MODIFIED(0x00038020),
    ATTACH_TRANSPORT_FILENAME(0x00069001),
    ATTACH_REND_DATA(0x00069002),
    MAPI_PROPS(0x00069003),
    RECIP_TABLE(0x00069004),
    ATTACHMENT(0x00069005),
    TNEF_VERSION(0x00089006),
    OEM_CODEPAGE(0x00069007),
    ORIGINAL_MESSAGE_CLASS(0x00070006),
    DATE_START(0x00030006),
    DATE_END(0x00030007);

    private static final Map<Integer, TnefAttribute> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(a -> a.id, Function.identity()));

    final int id;

    TnefAttribute(int id) {
        this.id = id;
    }

    static TnefAttribute of(int id) {
        return BY_ID.get(id);
    }
}
