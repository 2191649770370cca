package org.koppel.inetmapi.tnef;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.Guid;

/**
 * Builds TNEF streams for tests: the signature and key, then attributes with their checksums (or a wrong one
 * on request), and the counted property lists of attMAPIProps, attAttachment and attRecipTable.
 */
final class TnefWriter {

    static final int LEVEL_MESSAGE = 1;
    static final int LEVEL_ATTACHMENT = 2;

    static final int ATT_FROM = 0x00008000;
    static final int ATT_SUBJECT = 0x00018004;
    static final int ATT_DATE_SENT = 0x00038005;
    static final int ATT_DATE_RECD = 0x00038006;
    static final int ATT_MESSAGE_CLASS = 0x00078008;
    static final int ATT_BODY = 0x0002800C;
    static final int ATT_PRIORITY = 0x0004800D;
    static final int ATT_ATTACH_DATA = 0x0006800F;
    static final int ATT_ATTACH_TITLE = 0x00018010;
    static final int ATT_ATTACH_MODIFY_DATE = 0x00038013;
    static final int ATT_ATTACH_REND_DATA = 0x00069002;
    static final int ATT_MAPI_PROPS = 0x00069003;
    static final int ATT_RECIP_TABLE = 0x00069004;
    static final int ATT_ATTACHMENT = 0x00069005;
    static final int ATT_TNEF_VERSION = 0x00089006;
    static final int ATT_OEM_CODEPAGE = 0x00069007;

    static final Guid IID_IMESSAGE = Guid.parse("00020307-0000-0000-C000-000000000046");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> boundaries = new ArrayList<>();

    TnefWriter() {
        le(out, 0x223E9F78, 4);
        le(out, 1, 2);
        boundaries.add(out.size());
        attribute(LEVEL_MESSAGE, ATT_TNEF_VERSION, le(0x00010000, 4));
        attribute(LEVEL_MESSAGE, ATT_OEM_CODEPAGE, cat(le(1252, 4), le(0, 4)));
    }

    TnefWriter attribute(int level, int id, byte[] data) {
        return attribute(level, id, data, checksum(data));
    }

    TnefWriter attribute(int level, int id, byte[] data, int checksum) {
        out.write(level);
        le(out, id, 4);
        le(out, data.length, 4);
        out.writeBytes(data);
        le(out, checksum, 2);
        boundaries.add(out.size());
        return this;
    }

    /** The offsets where an attribute ends: a stream cut there is shorter, not broken. */
    List<Integer> boundaries() {
        return List.copyOf(boundaries);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    static int checksum(byte[] data) {
        int sum = 0;
        for (byte b : data) {
            sum = (sum + (b & 0xFF)) & 0xFFFF;
        }
        return sum;
    }

    // ---- attribute values

    static byte[] cString(String s, Charset cs) {
        return cat(s.getBytes(cs), new byte[] {0});
    }

    static byte[] cString(String s) {
        return cString(s, Charset.forName("windows-1252"));
    }

    static byte[] date(LocalDateTime t) {
        int dow = t.getDayOfWeek().getValue() % 7;
        return cat(le(t.getYear(), 2), le(t.getMonthValue(), 2), le(t.getDayOfMonth(), 2), le(t.getHour(), 2),
                le(t.getMinute(), 2), le(t.getSecond(), 2), le(dow, 2));
    }

    static byte[] rendData(int type) {
        return cat(le(type, 2), le(-1, 4), le(0, 2), le(0, 2), le(0, 4));
    }

    /** attFrom: a one-off TRP, the name padded to 2 bytes, "TYPE:address", padding to 8 bytes. */
    static byte[] from(String name, String address) {
        byte[] n = cString(name);
        if (n.length % 2 != 0) {
            n = cat(n, new byte[1]);
        }
        byte[] a = cString(address);
        byte[] body = cat(n, a);
        byte[] pad = new byte[(8 - body.length % 8) % 8];
        return cat(le(4, 2), le(16 + body.length, 2), le(n.length, 2), le(a.length, 2), body, pad, new byte[8]);
    }

    /**
     * An uncompressed-by-choice LZFu stream: control bytes of all literals, then the end reference, with the
     * CRC of [MS-OXRTFCP], so the reader's LZFu path runs on any RTF a test writes.
     */
    static byte[] lzfu(byte[] rtf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int write = 207;
        int i = 0;
        while (true) {
            int tokens = Math.min(8, rtf.length - i);
            if (tokens == 8) {
                body.write(0);
                body.write(rtf, i, 8);
                i += 8;
                write = (write + 8) % 4096;
                continue;
            }
            body.write(1 << tokens);
            body.write(rtf, i, tokens);
            write = (write + tokens) % 4096;
            body.write(write >> 4);
            body.write((write & 0x0F) << 4);
            break;
        }
        byte[] content = body.toByteArray();
        int crc = (int) CompressedRtf.crc(content, 0, content.length);
        return cat(le(content.length + 12, 4), le(rtf.length, 4), "LZFu".getBytes(StandardCharsets.US_ASCII),
                le(crc, 4), content);
    }

    // ---- counted property lists

    /** A counted list of MAPI properties, as attMAPIProps, attAttachment and a recipient row hold them. */
    static final class Props {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int count;

        private Props tag(int id, int type) {
            count++;
            le(out, type, 2);
            le(out, id, 2);
            return this;
        }

        Props i2(int id, short v) {
            tag(id, 0x0002);
            out.writeBytes(le(v, 4));
            return this;
        }

        Props longValue(int id, int v) {
            tag(id, 0x0003);
            out.writeBytes(le(v, 4));
            return this;
        }

        Props bool(int id, boolean v) {
            tag(id, 0x000B);
            out.writeBytes(le(v ? 1 : 0, 4));
            return this;
        }

        Props i8(int id, long v) {
            tag(id, 0x0014);
            out.writeBytes(le64(v));
            return this;
        }

        Props systime(int id, Instant t) {
            tag(id, 0x0040);
            out.writeBytes(le64(FileTime.toTicks(t)));
            return this;
        }

        Props unicode(int id, String s) {
            tag(id, 0x001F);
            counted(cat(s.getBytes(StandardCharsets.UTF_16LE), new byte[2]));
            return this;
        }

        Props string8(int id, String s, Charset cs) {
            tag(id, 0x001E);
            counted(cString(s, cs));
            return this;
        }

        Props binary(int id, byte[] b) {
            tag(id, 0x0102);
            counted(b);
            return this;
        }

        Props mvUnicode(int id, List<String> values) {
            tag(id, 0x101F);
            le(out, values.size(), 4);
            for (String s : values) {
                value(cat(s.getBytes(StandardCharsets.UTF_16LE), new byte[2]));
            }
            return this;
        }

        Props mvLong(int id, List<Integer> values) {
            tag(id, 0x1003);
            le(out, values.size(), 4);
            values.forEach(v -> out.writeBytes(le(v, 4)));
            return this;
        }

        /** A PT_OBJECT value: interface id, then the object (an embedded message is a TNEF stream). */
        Props object(int id, Guid iid, byte[] data) {
            tag(id, 0x000D);
            le(out, 1, 4);
            value(cat(iid.toBytes(), data));
            return this;
        }

        /** A named PT_LONG property named by MNID_ID; the stream's own id for it is arbitrary. */
        Props namedLong(Guid set, int lid, int v) {
            tag(0x8000 + count, 0x0003);
            out.writeBytes(set.toBytes());
            le(out, 0, 4);
            le(out, lid, 4);
            out.writeBytes(le(v, 4));
            return this;
        }

        /** A named PT_UNICODE property named by MNID_STRING. */
        Props namedUnicode(Guid set, String name, String v) {
            tag(0x8000 + count, 0x001F);
            out.writeBytes(set.toBytes());
            le(out, 1, 4);
            value(cat(name.getBytes(StandardCharsets.UTF_16LE), new byte[2]));
            counted(cat(v.getBytes(StandardCharsets.UTF_16LE), new byte[2]));
            return this;
        }

        private void counted(byte[] b) {
            le(out, 1, 4);
            value(b);
        }

        private void value(byte[] b) {
            le(out, b.length, 4);
            out.writeBytes(b);
            out.writeBytes(new byte[(4 - b.length % 4) % 4]);
        }

        byte[] toBytes() {
            return cat(le(count, 4), out.toByteArray());
        }
    }

    static byte[] recipientTable(Props... rows) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        le(o, rows.length, 4);
        for (Props r : rows) {
            o.writeBytes(r.toBytes());
        }
        return o.toByteArray();
    }

    // ---- bytes

    static byte[] le(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static void le(ByteArrayOutputStream o, long v, int size) {
        o.writeBytes(le(v, size));
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
