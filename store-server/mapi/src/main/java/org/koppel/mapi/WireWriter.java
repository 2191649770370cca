package org.koppel.mapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes the little-endian structures of [MS-OXCDATA] (property values, restrictions) and [MS-OXORULE] (rule
 * actions). Counts are 4 bytes, as extended rules and the FAI rule messages use them (MS-OXCDATA 2.12: "2 bytes
 * in ROP buffers, 4 bytes in extended rules").
 */
final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    void u8(int v) {
        out.write(v);
    }

    void u16(int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    void u32(int v) {
        u16(v);
        u16(v >>> 16);
    }

    void u64(long v) {
        u32((int) v);
        u32((int) (v >>> 32));
    }

    void bytes(byte[] b) {
        out.write(b, 0, b.length);
    }

    /** A COUNT-prefixed byte string (PtypBinary's form). */
    void counted(byte[] b) {
        u32(b.length);
        bytes(b);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** A TaggedPropertyValue ([MS-OXCDATA] 2.11.4): the tag, then the value in its type's form (2.11.2). */
    void tagged(PropValue v) {
        u32(v.tag().value());
        value(v.tag().type(), v.javaValue());
    }

    private void value(PropType type, Object v) {
        if (type.isMultiValued()) {
            List<?> list = (List<?>) v;
            u32(list.size());
            for (Object element : list) {
                value(type.elementType(), element);
            }
            return;
        }
        switch (type) {
            case PT_I2 -> u16((Short) v);
            case PT_LONG -> u32((Integer) v);
            case PT_R4 -> u32(Float.floatToRawIntBits((Float) v));
            case PT_DOUBLE, PT_APPTIME -> u64(Double.doubleToRawLongBits((Double) v));
            case PT_CURRENCY, PT_I8 -> u64((Long) v);
            case PT_BOOLEAN -> u8(Boolean.TRUE.equals(v) ? 1 : 0);
            case PT_ERROR -> u32(((MapiError) v).hresult());
            case PT_UNICODE -> {
                bytes(((String) v).getBytes(StandardCharsets.UTF_16LE));
                u16(0);
            }
            case PT_STRING8 -> {
                bytes(((String) v).getBytes(StandardCharsets.UTF_8));
                u8(0);
            }
            case PT_SYSTIME -> u64(FileTime.toTicks((Instant) v));
            case PT_CLSID -> bytes(((Guid) v).toBytes());
            case PT_BINARY -> counted((byte[]) v);
            default -> throw new MapiException.InvalidType("no wire form for " + type);
        }
    }
}
