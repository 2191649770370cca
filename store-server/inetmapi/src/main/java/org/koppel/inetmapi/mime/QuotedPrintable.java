package org.koppel.inetmapi.mime;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Quoted-printable (RFC 2045 section 6.7) for text: line breaks stay hard CRLFs, lines are soft-broken
 * before 76 characters, and trailing white space, '=', 8-bit bytes and controls are encoded.
 */
final class QuotedPrintable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    static void write(byte[] text, OutputStream out) throws IOException {
        int column = 0;
        for (int i = 0; i < text.length; i++) {
            int b = text[i] & 0xFF;
            if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                out.write('\r');
                out.write('\n');
                i++;
                column = 0;
                continue;
            }
            boolean lineEndsHere = i + 1 >= text.length || (text[i + 1] == '\r' && i + 2 < text.length
                    && text[i + 2] == '\n');
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEndsHere);
            int width = literal ? 1 : 3;
            if (column + width > 75) {
                out.write('=');
                out.write('\r');
                out.write('\n');
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0x0F]);
            }
            column += width;
        }
    }
}
