package org.koppel.mapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link WireWriter} writes, from a byte array it never reads past: every count and length is
 * checked against what is left, so damaged or hostile input is MAPI_E_CORRUPT_DATA, never an exception from
 * deep inside or an allocation the input did not pay for.
 */
final class WireReader {

    private final byte[] data;
    private int pos;

    WireReader(byte[] data) {
        this.data = data;
    }

    int remaining() {
        return data.length - pos;
    }

    private void need(long n) {
        if (n < 0 || n > remaining()) {
            throw new MapiException.CorruptData("truncated: " + n + " bytes wanted, " + remaining() + " left");
        }
    }

    int u8() {
        need(1);
        return data[pos++] & 0xFF;
    }

    int u16() {
        need(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int u32() {
        return u16() | u16() << 16;
    }

    long u64() {
        return (u32() & 0xFFFFFFFFL) | ((long) u32()) << 32;
    }

    byte[] bytes(long n) {
        need(n);
        byte[] b = new byte[(int) n];
        System.arraycopy(data, pos, b, 0, b.length);
        pos += b.length;
        return b;
    }

    byte[] counted() {
        return bytes(u32() & 0xFFFFFFFFL);
    }

    /** A count of elements each taking at least {@code minBytes}, refused when the input cannot hold them. */
    int count(int minBytes) {
        long n = u32() & 0xFFFFFFFFL;
        need(n * minBytes);
        return (int) n;
    }

    PropValue tagged() {
        int packed = u32();
        PropTag tag;
        try {
            tag = PropTag.fromValue(packed);
        } catch (RuntimeException e) {
            throw new MapiException.CorruptData(String.format("bad property tag 0x%08X", packed));
        }
        return PropValue.of(tag, value(tag.type()));
    }

    private Object value(PropType type) {
        if (type.isMultiValued()) {
            int n = count(1);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(value(type.elementType()));
            }
            return list;
        }
        return switch (type) {
            case PT_I2 -> (short) u16();
            case PT_LONG -> u32();
            case PT_R4 -> Float.intBitsToFloat(u32());
            case PT_DOUBLE, PT_APPTIME -> Double.longBitsToDouble(u64());
            case PT_CURRENCY, PT_I8 -> u64();
            case PT_BOOLEAN -> u8() != 0;
            case PT_ERROR -> MapiError.fromHresult(u32());
            case PT_UNICODE -> {
                int start = pos;
                while (true) {
                    need(2);
                    if (data[pos] == 0 && data[pos + 1] == 0) {
                        break;
                    }
                    pos += 2;
                }
                String s = new String(data, start, pos - start, StandardCharsets.UTF_16LE);
                pos += 2;
                yield s;
            }
            case PT_STRING8 -> {
                int start = pos;
                while (true) {
                    need(1);
                    if (data[pos] == 0) {
                        break;
                    }
                    pos++;
                }
                String s = new String(data, start, pos - start, StandardCharsets.UTF_8);
                pos++;
                yield s;
            }
            case PT_SYSTIME -> FileTime.fromTicks(u64());
            case PT_CLSID -> Guid.fromBytes(bytes(16));
            case PT_BINARY -> counted();
            default -> throw new MapiException.CorruptData("no wire form for " + type);
        };
    }
}
