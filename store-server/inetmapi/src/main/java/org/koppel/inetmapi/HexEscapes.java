package org.koppel.inetmapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * Text whose bytes are escaped as a marker and two hex digits: RFC 2231's {@code %XX} in header
 * parameters and quoted-printable's {@code =XX} in old vCards. A marker not followed by two hex digits
 * is kept as it is; other characters are encoded in the given charset.
 */
public final class HexEscapes {

    private HexEscapes() {
    }

    public static byte[] decode(String s, char marker, Charset literals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == marker && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] b = String.valueOf(c).getBytes(literals);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }
}
