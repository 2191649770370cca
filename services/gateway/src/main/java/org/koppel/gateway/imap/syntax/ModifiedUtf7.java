package org.koppel.gateway.imap.syntax;

/**
 * The modified UTF-7 of IMAP mailbox names (RFC 3501 5.1.3): printable ASCII stands for itself, {@code &} is
 * {@code &-}, anything else is {@code &}, base64 of UTF-16BE with {@code ,} for {@code /} and no padding, {@code -}.
 */
public final class ModifiedUtf7 {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private ModifiedUtf7() {
    }

    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                if (c == '&') {
                    out.append('-');
                }
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) {
                end++;
            }
            out.append('&');
            int bits = 0;
            int bitCount = 0;
            for (int k = i; k < end; k++) {
                bits = (bits << 16) | name.charAt(k);
                bitCount += 16;
                while (bitCount >= 6) {
                    bitCount -= 6;
                    out.append(ALPHABET[(bits >>> bitCount) & 0x3f]);
                }
            }
            if (bitCount > 0) {
                out.append(ALPHABET[(bits << (6 - bitCount)) & 0x3f]);
            }
            out.append('-');
            i = end;
        }
        return out.toString();
    }

    /**
     * Decodes a name.
     *
     * @throws IllegalArgumentException if it is not valid modified UTF-7 (8-bit or control characters, an
     *                                  unterminated or malformed base64 run, an unpaired surrogate)
     */
    public static String decode(String wire) {
        StringBuilder out = new StringBuilder(wire.length());
        int i = 0;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not modified UTF-7: " + (int) c);
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = wire.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated base64 in mailbox name");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                decodeRun(wire, i + 1, end, out);
            }
            i = end + 1;
        }
        String s = out.toString();
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (Character.isHighSurrogate(ch)) {
                if (k + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(k + 1))) {
                    throw new IllegalArgumentException("unpaired surrogate in mailbox name");
                }
                k++;
            } else if (Character.isLowSurrogate(ch)) {
                throw new IllegalArgumentException("unpaired surrogate in mailbox name");
            }
        }
        return s;
    }

    private static void decodeRun(String wire, int from, int to, StringBuilder out) {
        int bits = 0;
        int bitCount = 0;
        for (int k = from; k < to; k++) {
            char c = wire.charAt(k);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                throw new IllegalArgumentException("invalid base64 in mailbox name");
            }
            bits = (bits << 6) | v;
            bitCount += 6;
            if (bitCount >= 16) {
                bitCount -= 16;
                out.append((char) ((bits >>> bitCount) & 0xffff));
            }
        }
        if (bitCount >= 6 || (bits & ((1 << bitCount) - 1)) != 0) {
            throw new IllegalArgumentException("malformed base64 run in mailbox name");
        }
    }

    /** Whether the bytes are 7-bit, so they may be modified UTF-7 rather than raw UTF-8. */
    static boolean sevenBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
