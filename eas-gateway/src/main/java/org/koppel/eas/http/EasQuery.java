package org.koppel.eas.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandParameters;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The query of a POST to {@code /Microsoft-Server-ActiveSync}, in either form of MS-ASHTTP 2.2.1.1.1: plain
 * ({@code Cmd=Sync&User=carol&DeviceId=...&DeviceType=...}) or base64 (a byte sequence carrying the same and
 * also the version, locale and policy key). Parsing is strict and bounded: a query over {@link #MAX_LENGTH}
 * characters, a bad escape, invalid UTF-8, a truncated or overlong field, an unknown parameter tag or a
 * repeated parameter is a {@link BadQueryException}.
 *
 * @param commandName the command as sent (a name, or {@code #code} in the base64 form), for the log
 * @param command the command, empty when unknown (answered 501)
 * @param version the base64 form's protocol version; the plain form uses the MS-ASProtocolVersion header
 * @param policyKey the base64 form's policy key; the plain form uses the X-MS-PolicyKey header
 */
record EasQuery(String commandName, Optional<Command> command, Optional<String> user, Optional<String> deviceId,
        Optional<String> deviceType, Optional<ProtocolVersion> version, OptionalLong policyKey, OptionalInt locale,
        CommandParameters parameters, boolean base64) {

    /** Longest query accepted; real ones are well under 512 characters. */
    static final int MAX_LENGTH = 4096;
    /** Longest DeviceId and DeviceType (MS-ASHTTP allows 32 for the id; some clients send more). */
    static final int MAX_DEVICE_FIELD = 128;
    /** Longest other parameter value (LongId, ItemId, User, ...). */
    static final int MAX_VALUE = 1024;

    private static final Map<Integer, ProtocolVersion> VERSION_BYTES = Map.of(121, ProtocolVersion.V12_1,
            140, ProtocolVersion.V14_0, 141, ProtocolVersion.V14_1, 160, ProtocolVersion.V16_0,
            161, ProtocolVersion.V16_1);

    private static final int TAG_ATTACHMENT_NAME = 0;
    private static final int TAG_COLLECTION_ID = 1;
    private static final int TAG_ITEM_ID = 3;
    private static final int TAG_LONG_ID = 4;
    private static final int TAG_OCCURRENCE = 6;
    private static final int TAG_OPTIONS = 7;
    private static final int TAG_USER = 8;
    private static final int OPTION_SAVE_IN_SENT = 0x01;
    private static final int OPTION_ACCEPT_MULTIPART = 0x02;

    /** An empty query: what OPTIONS usually sends. */
    static final EasQuery EMPTY = new EasQuery("", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalInt.empty(), CommandParameters.NONE,
            false);

    /** Parses a raw (still percent-encoded) query string; null or empty gives {@link #EMPTY}. */
    static EasQuery parse(String raw) throws BadQueryException {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        if (raw.length() > MAX_LENGTH) {
            throw BadQueryException.malformed("query longer than " + MAX_LENGTH + " characters");
        }
        return isPlain(raw) ? parsePlain(raw) : parseBase64(raw);
    }

    /** Plain when it has an '&' or an '=' before the end; base64 has '=' only as trailing padding. */
    private static boolean isPlain(String raw) {
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '=') {
            end--;
        }
        return raw.indexOf('&') >= 0 || raw.lastIndexOf('=', end - 1) >= 0;
    }

    private static EasQuery parsePlain(String raw) throws BadQueryException {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw BadQueryException.malformed("query parameter without a name or value: " + printable(pair));
            }
            String name = decode(pair.substring(0, eq), true).toLowerCase(Locale.ROOT);
            String value = decode(pair.substring(eq + 1), true);
            if (values.put(name, value) != null) {
                throw BadQueryException.malformed("query parameter given twice: " + name);
            }
        }
        String cmd = values.get("cmd");
        if (cmd == null || cmd.isEmpty()) {
            throw BadQueryException.malformed("no Cmd in the query");
        }
        Optional<Command> command = Command.fromName(cmd);
        CommandParameters params = new CommandParameters(value(values, "attachmentname"),
                value(values, "collectionid"), value(values, "itemid"), value(values, "longid"),
                value(values, "occurrence"), flag(values, "saveinsent"), flag(values, "acceptmultipart"));
        return new EasQuery(printable(cmd), command, value(values, "user"),
                deviceField(values.get("deviceid"), "DeviceId", false),
                deviceField(values.get("devicetype"), "DeviceType", true),
                Optional.empty(), OptionalLong.empty(), OptionalInt.empty(), params, false);
    }

    private static Optional<String> value(Map<String, String> values, String name) throws BadQueryException {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.length() > MAX_VALUE || v.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw BadQueryException.malformed("bad value of query parameter " + name);
        }
        return Optional.of(v);
    }

    private static boolean flag(Map<String, String> values, String name) throws BadQueryException {
        String v = values.get(name);
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("F")) {
            return false;
        }
        if (v.equalsIgnoreCase("T")) {
            return true;
        }
        throw BadQueryException.malformed(name + " must be T or F");
    }

    /** Device ids are visible ASCII; a device type may hold spaces ("SAMSUNG SM-G991B" and the like). */
    private static Optional<String> deviceField(String v, String name, boolean spaces) throws BadQueryException {
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        int lowest = spaces ? 0x20 : 0x21;
        if (v.length() > MAX_DEVICE_FIELD || !v.chars().allMatch(c -> c >= lowest && c < 0x7F) || v.isBlank()) {
            throw BadQueryException.malformed(name + " must be 1-" + MAX_DEVICE_FIELD + " visible ASCII characters");
        }
        return Optional.of(v);
    }

    private static EasQuery parseBase64(String raw) throws BadQueryException {
        byte[] b;
        try {
            // '+' is a base64 digit here, not an encoded space.
            b = Base64.getDecoder().decode(decode(raw, false));
        } catch (IllegalArgumentException e) {
            throw BadQueryException.malformed("query is neither name=value pairs nor base64");
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        int versionByte = u8(in, "protocol version");
        int code = u8(in, "command code");
        int locale = Short.toUnsignedInt(ByteBuffer.wrap(bytes(in, 2, "locale")).order(ByteOrder.LITTLE_ENDIAN).getShort());
        int idLength = u8(in, "device id length");
        if (idLength == 0 || idLength > MAX_DEVICE_FIELD) {
            throw BadQueryException.malformed("device id length " + idLength);
        }
        String deviceId = deviceIdOf(bytes(in, idLength, "device id"));
        int keyLength = u8(in, "policy key length");
        OptionalLong policyKey;
        if (keyLength == 0) {
            policyKey = OptionalLong.empty();
        } else if (keyLength == 4) {
            policyKey = OptionalLong.of(Integer.toUnsignedLong(
                    ByteBuffer.wrap(bytes(in, 4, "policy key")).order(ByteOrder.LITTLE_ENDIAN).getInt()));
        } else {
            throw BadQueryException.malformed("policy key length " + keyLength + " (0 or 4)");
        }
        int typeLength = u8(in, "device type length");
        if (typeLength == 0 || typeLength > MAX_DEVICE_FIELD) {
            throw BadQueryException.malformed("device type length " + typeLength);
        }
        Optional<String> deviceType = deviceField(utf8(bytes(in, typeLength, "device type")), "DeviceType", true);
        Map<Integer, byte[]> params = new HashMap<>();
        while (in.hasRemaining()) {
            int tag = u8(in, "parameter tag");
            int length = u8(in, "parameter length");
            byte[] value = bytes(in, length, "parameter value");
            if (tag != TAG_ATTACHMENT_NAME && tag != TAG_COLLECTION_ID && tag != TAG_ITEM_ID && tag != TAG_LONG_ID
                    && tag != TAG_OCCURRENCE && tag != TAG_OPTIONS && tag != TAG_USER) {
                throw BadQueryException.malformed("unknown command parameter tag " + tag);
            }
            if (params.put(tag, value) != null) {
                throw BadQueryException.malformed("command parameter tag " + tag + " given twice");
            }
        }
        int options = 0;
        byte[] o = params.get(TAG_OPTIONS);
        if (o != null) {
            if (o.length != 1) {
                throw BadQueryException.malformed("Options parameter must be one byte");
            }
            options = o[0] & 0xFF;
        }
        CommandParameters cp = new CommandParameters(text(params, TAG_ATTACHMENT_NAME), text(params, TAG_COLLECTION_ID),
                text(params, TAG_ITEM_ID), text(params, TAG_LONG_ID), text(params, TAG_OCCURRENCE),
                (options & OPTION_SAVE_IN_SENT) != 0, (options & OPTION_ACCEPT_MULTIPART) != 0);
        ProtocolVersion version = VERSION_BYTES.get(versionByte);
        if (version == null) {
            throw new BadQueryException(400, "unsupported protocol version byte " + versionByte);
        }
        return new EasQuery("#" + code, Command.fromCode(code), text(params, TAG_USER), Optional.of(deviceId),
                deviceType, Optional.of(version), policyKey, OptionalInt.of(locale), cp, true);
    }

    /** A device id of visible ASCII is a string; anything else is taken as a binary GUID and given in hex. */
    private static String deviceIdOf(byte[] id) {
        for (byte c : id) {
            if (c <= 0x20 || c >= 0x7F) {
                return HexFormat.of().withUpperCase().formatHex(id);
            }
        }
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static Optional<String> text(Map<Integer, byte[]> params, int tag) throws BadQueryException {
        byte[] v = params.get(tag);
        if (v == null || v.length == 0) {
            return Optional.empty();
        }
        String s = utf8(v);
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw BadQueryException.malformed("control character in command parameter " + tag);
        }
        return Optional.of(s);
    }

    private static int u8(ByteBuffer in, String field) throws BadQueryException {
        if (!in.hasRemaining()) {
            throw BadQueryException.malformed("base64 query ends before the " + field);
        }
        return in.get() & 0xFF;
    }

    private static byte[] bytes(ByteBuffer in, int n, String field) throws BadQueryException {
        if (in.remaining() < n) {
            throw BadQueryException.malformed("base64 query ends inside the " + field);
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static String utf8(byte[] b) throws BadQueryException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw BadQueryException.malformed("invalid UTF-8 in the query");
        }
    }

    /** Percent-decoding, strict: a bad escape or invalid UTF-8 is refused, not replaced. */
    private static String decode(String s, boolean plusIsSpace) throws BadQueryException {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw BadQueryException.malformed("truncated %-escape in the query");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw BadQueryException.malformed("bad %-escape in the query");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                throw BadQueryException.malformed("unescaped non-ASCII character in the query");
            }
        }
        return utf8(out.toByteArray());
    }

    /** A value fit for a log line and an error message: visible ASCII, at most 64 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(c > 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
