package org.koppel.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The SASL PLAIN message (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, UTF-8, each part at most 255
 * octets and without NUL.
 *
 * @param authzid the identity to act as; empty: the authenticated one
 * @param authcid the login name
 * @param password the password
 */
public record SaslPlain(String authzid, String authcid, String password) {

    private static final int MAX_PART = 255;

    @Override
    public String toString() {
        return "SaslPlain[authzid=" + authzid + ", authcid=" + authcid + "]";
    }

    /** Decodes the (already base64-decoded) client message; empty when it is malformed. */
    public static Optional<SaslPlain> decode(byte[] message) {
        int first = indexOf(message, 0);
        if (first < 0) {
            return Optional.empty();
        }
        int second = indexOf(message, first + 1);
        if (second < 0 || indexOf(message, second + 1) >= 0) {
            return Optional.empty();
        }
        int authzLength = first;
        int authcLength = second - first - 1;
        int passLength = message.length - second - 1;
        if (authzLength > MAX_PART || authcLength < 1 || authcLength > MAX_PART || passLength < 1
                || passLength > MAX_PART) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SaslPlain(utf8(message, 0, authzLength), utf8(message, first + 1, authcLength),
                    utf8(message, second + 1, passLength)));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8(byte[] b, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, offset, length)).toString();
    }
}
