package org.koppel.inetmapi.timezone;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The time zone ActiveSync carries with every calendar item ([MS-ASDTYPE] 2.7.1): base64 of a 172-byte
 * TIME_ZONE_INFORMATION (Bias, StandardName as 32 UTF-16 code units, StandardDate, StandardBias,
 * DaylightName, DaylightDate, DaylightBias; little-endian), built from the same {@link TimeZoneRule} as
 * the MAPI structures, so an appointment's zone reads the same to Outlook and to a phone.
 */
public record EasTimeZone(TimeZoneRule rule, String standardName, String daylightName) {

    public static final int SIZE = 172;
    private static final int NAME_BYTES = 64;

    public EasTimeZone {
        standardName = standardName == null ? "" : standardName;
        daylightName = daylightName == null ? "" : daylightName;
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(rule.bias());
        name(b, standardName);
        rule.standardDate().write(b);
        b.putInt(rule.standardBias());
        name(b, daylightName);
        rule.daylightDate().write(b);
        b.putInt(rule.daylightBias());
        return b.array();
    }

    /** The base64 text ActiveSync sends in the TimeZone element. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(encode());
    }

    /** Reads the blob; {@code year} is the year the rule is taken to start (the blob has none). */
    public static EasTimeZone decode(byte[] blob, int year) {
        if (blob.length < SIZE) {
            throw new IllegalArgumentException("an ActiveSync TimeZone has 172 bytes, not " + blob.length);
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int bias = b.getInt();
        String standardName = name(b);
        SystemTime standardDate = SystemTime.read(b);
        int standardBias = b.getInt();
        String daylightName = name(b);
        SystemTime daylightDate = SystemTime.read(b);
        int daylightBias = b.getInt();
        if (standardDate.isSet() != daylightDate.isSet()) {
            standardDate = SystemTime.NONE;
            daylightDate = SystemTime.NONE;
        }
        return new EasTimeZone(new TimeZoneRule(year, bias, standardBias, daylightBias, standardDate, daylightDate),
                standardName, daylightName);
    }

    public static EasTimeZone fromBase64(String text, int year) {
        return decode(Base64.getMimeDecoder().decode(text.strip()), year);
    }

    private static void name(ByteBuffer b, String name) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        int n = Math.min(utf16.length, NAME_BYTES - 2) & ~1;
        b.put(utf16, 0, n);
        b.put(new byte[NAME_BYTES - n]);
    }

    private static String name(ByteBuffer b) {
        byte[] raw = new byte[NAME_BYTES];
        b.get(raw);
        int end = 0;
        while (end + 1 < raw.length && (raw[end] != 0 || raw[end + 1] != 0)) {
            end += 2;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_16LE);
    }
}
