package org.koppel.eas.wbxml;

/** The WBXML 1.3 global tokens and header values ActiveSync uses (or must refuse). */
final class GlobalTokens {
    static final int SWITCH_PAGE = 0x00;
    static final int END = 0x01;
    static final int ENTITY = 0x02;
    static final int STR_I = 0x03;
    static final int LITERAL = 0x04;
    static final int EXT_I_0 = 0x40;
    static final int EXT_I_1 = 0x41;
    static final int EXT_I_2 = 0x42;
    static final int PI = 0x43;
    static final int LITERAL_C = 0x44;
    static final int EXT_T_0 = 0x80;
    static final int EXT_T_1 = 0x81;
    static final int EXT_T_2 = 0x82;
    static final int STR_T = 0x83;
    static final int LITERAL_A = 0x84;
    static final int EXT_0 = 0xC0;
    static final int EXT_1 = 0xC1;
    static final int EXT_2 = 0xC2;
    static final int OPAQUE = 0xC3;
    static final int LITERAL_AC = 0xC4;

    /** Bit 6 of a tag byte: the element has content. Bit 7: it has attributes. */
    static final int CONTENT_BIT = 0x40;
    static final int ATTRIBUTE_BIT = 0x80;

    static final int VERSION_1_3 = 0x03;
    /** Public identifier 1: "unknown or missing", the one ActiveSync uses. */
    static final int PUBLIC_ID_UNKNOWN = 0x01;
    /** IANA MIBenum of UTF-8. */
    static final int CHARSET_UTF8 = 106;

    private GlobalTokens() {
    }
}
