package org.koppel.mapi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Windows GUID as MAPI uses it (property sets, store and provider ids, PT_CLSID values). The canonical
 * text form is the usual 8-4-4-4-12; the 16-byte wire form stores Data1, Data2 and Data3 little-endian.
 */
public record Guid(UUID uuid) implements Comparable<Guid> {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CANONICAL =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    public Guid {
        if (uuid == null) {
            throw new MapiException.InvalidParameter("guid is missing");
        }
    }

    public static Guid parse(String text) {
        String t = text.strip();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            // UUID.fromString alone also takes signs ("+1234567-...") inside a 36-character string.
            if (t.length() != 36 || !CANONICAL.matcher(t).matches()) {
                throw new IllegalArgumentException("form");
            }
            return new Guid(UUID.fromString(t));
        } catch (IllegalArgumentException e) {
            throw new MapiException.InvalidParameter("not a GUID: " + text);
        }
    }

    public static Guid random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0F) | 0x40);
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new Guid(new UUID(bb.getLong(), bb.getLong()));
    }

    /** Reads the 16-byte MAPI wire form (Data1-3 little-endian, Data4 as bytes). */
    public static Guid fromBytes(byte[] bytes, int offset) {
        if (bytes == null || offset < 0 || bytes.length - offset < 16) {
            throw new MapiException.InvalidParameter("a GUID needs 16 bytes");
        }
        ByteBuffer le = ByteBuffer.wrap(bytes, offset, 8).order(ByteOrder.LITTLE_ENDIAN);
        long d1 = le.getInt() & 0xFFFFFFFFL;
        long d2 = le.getShort() & 0xFFFFL;
        long d3 = le.getShort() & 0xFFFFL;
        long msb = (d1 << 32) | (d2 << 16) | d3;
        long lsb = ByteBuffer.wrap(bytes, offset + 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new Guid(new UUID(msb, lsb));
    }

    public static Guid fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            throw new MapiException.InvalidParameter("a GUID needs exactly 16 bytes");
        }
        return fromBytes(bytes, 0);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(16);
        long msb = uuid.getMostSignificantBits();
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) (msb >>> 32));
        out.putShort((short) (msb >>> 16));
        out.putShort((short) msb);
        out.order(ByteOrder.BIG_ENDIAN);
        out.putLong(uuid.getLeastSignificantBits());
        return out.array();
    }

    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(toBytes());
    }

    @Override
    public int compareTo(Guid o) {
        return uuid.compareTo(o.uuid);
    }

    @Override
    public String toString() {
        return "{" + uuid.toString().toUpperCase(Locale.ROOT) + "}";
    }
}
