package org.koppel.store.core.props;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;

/**
 * The storage form of a property set: one compact byte string per object (the {@code props} column),
 * so loading an object is one row read rather than one row per property. Format, version 1:
 * a version byte, a count, then per property its 32-bit tag and its value in the type's encoding.
 */
public final class PropertyCodec {

    private static final int VERSION = 1;
    /** Hard bound on elements in one multi-valued property, against corrupt counts. */
    private static final int MAX_ELEMENTS = 1 << 20;

    private PropertyCodec() {
    }

    public static byte[] encode(List<PropValue> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + values.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(values.size());
            for (PropValue v : values) {
                out.writeInt(v.tag().value());
                if (v instanceof PropValue.MultiValue mv) {
                    List<Object> elements = mv.values();
                    out.writeInt(elements.size());
                    for (Object e : elements) {
                        writeScalar(out, mv.tag().type().elementType(), e);
                    }
                } else {
                    writeScalar(out, v.tag().type(), v.javaValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<PropValue> decode(byte[] data) {
        if (data == null || data.length == 0) {
            return List.of();
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new MapiException.CorruptData("unknown property encoding version " + version);
            }
            int count = in.readInt();
            if (count < 0 || count > data.length) {
                throw new MapiException.CorruptData("bad property count " + count);
            }
            List<PropValue> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                PropTag tag = PropTag.fromValue(in.readInt());
                if (tag.type().isMultiValued()) {
                    int n = in.readInt();
                    if (n < 0 || n > MAX_ELEMENTS) {
                        throw new MapiException.CorruptData("bad element count " + n);
                    }
                    List<Object> elements = new ArrayList<>(Math.min(n, 1024));
                    for (int j = 0; j < n; j++) {
                        elements.add(readScalar(in, tag.type().elementType()));
                    }
                    out.add(new PropValue.MultiValue(tag, elements));
                } else {
                    out.add(PropValue.of(tag, readScalar(in, tag.type())));
                }
            }
            return out;
        } catch (EOFException e) {
            throw new MapiException.CorruptData("truncated property data", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the value takes in storage; used for message sizes and the property size limit. */
    public static long sizeOf(PropValue v) {
        return switch (v) {
            case PropValue.UnicodeValue u -> 2L * u.value().length() + 2;
            case PropValue.String8Value s -> s.value().length() + 1L;
            case PropValue.BinaryValue b -> b.length();
            case PropValue.MultiValue mv -> {
                long n = 0;
                for (Object e : mv.values()) {
                    n += switch (e) {
                        case String s -> 2L * s.length() + 2;
                        case byte[] b -> b.length;
                        default -> 8;
                    };
                }
                yield n;
            }
            default -> 8;
        };
    }

    private static void writeScalar(DataOutputStream out, PropType type, Object value) throws IOException {
        switch (type) {
            case PT_I2 -> out.writeShort((Short) value);
            case PT_LONG -> out.writeInt((Integer) value);
            case PT_R4 -> out.writeFloat((Float) value);
            case PT_DOUBLE, PT_APPTIME -> out.writeDouble((Double) value);
            case PT_CURRENCY, PT_I8 -> out.writeLong((Long) value);
            case PT_BOOLEAN -> out.writeBoolean((Boolean) value);
            case PT_STRING8, PT_UNICODE -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case PT_SYSTIME -> out.writeLong(FileTime.toTicks((Instant) value));
            case PT_CLSID -> out.write(((Guid) value).toBytes());
            case PT_BINARY -> writeBytes(out, (byte[]) value);
            case PT_ERROR -> out.writeInt(((org.koppel.mapi.MapiError) value).hresult());
            default -> throw new MapiException.InvalidType("type " + type + " cannot be stored");
        }
    }

    private static Object readScalar(DataInputStream in, PropType type) throws IOException {
        return switch (type) {
            case PT_I2 -> in.readShort();
            case PT_LONG -> in.readInt();
            case PT_R4 -> in.readFloat();
            case PT_DOUBLE, PT_APPTIME -> in.readDouble();
            case PT_CURRENCY, PT_I8 -> in.readLong();
            case PT_BOOLEAN -> in.readBoolean();
            case PT_STRING8, PT_UNICODE -> new String(readBytes(in), StandardCharsets.UTF_8);
            case PT_SYSTIME -> FileTime.fromTicks(in.readLong());
            case PT_CLSID -> Guid.fromBytes(in.readNBytes(16));
            case PT_BINARY -> readBytes(in);
            case PT_ERROR -> org.koppel.mapi.MapiError.fromHresult(in.readInt());
            default -> throw new MapiException.CorruptData("type " + type + " in stored properties");
        };
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new MapiException.CorruptData("bad value length " + n);
        }
        return in.readNBytes(n);
    }
}
