package org.koppel.gateway.imap.message;

import java.nio.charset.StandardCharsets;

/**
 * One header field as it is in the message.
 *
 * @param name  the field name as written
 * @param raw   the whole field, folded lines and final line break included
 * @param value the unfolded value after the colon, leading white space removed, as octets
 */
public record HeaderField(String name, byte[] raw, byte[] value) {

    /** The value as text: UTF-8 when it is valid UTF-8, else ISO-8859-1 (8-bit headers are not always UTF-8). */
    public String text() {
        return Text.decode(value);
    }

    static HeaderField parse(byte[] raw) {
        int colon = 0;
        while (colon < raw.length && raw[colon] != ':') {
            colon++;
        }
        if (colon == raw.length) {
            return null;
        }
        String name = new String(raw, 0, colon, StandardCharsets.ISO_8859_1).strip();
        if (name.isEmpty()) {
            return null;
        }
        byte[] unfolded = new byte[raw.length - colon - 1];
        int n = 0;
        for (int i = colon + 1; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r' || b == '\n') {
                continue;
            }
            unfolded[n++] = b;
        }
        int start = 0;
        while (start < n && (unfolded[start] == ' ' || unfolded[start] == '\t')) {
            start++;
        }
        int end = n;
        while (end > start && (unfolded[end - 1] == ' ' || unfolded[end - 1] == '\t')) {
            end--;
        }
        return new HeaderField(name, raw, java.util.Arrays.copyOfRange(unfolded, start, end));
    }
}
