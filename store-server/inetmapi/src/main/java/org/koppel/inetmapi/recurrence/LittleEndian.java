package org.koppel.inetmapi.recurrence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Little-endian reading and writing of the fixed-width fields the recurrence blob is made of. */
final class LittleEndian {

    private LittleEndian() {
    }

    /** A writer appending fields to a growing array. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        Writer u16(int v) {
            out.write(v);
            out.write(v >>> 8);
            return this;
        }

        Writer u32(int v) {
            u16(v);
            return u16(v >>> 16);
        }

        Writer bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** A reader over a blob that refuses to read past its end with a {@link MalformedRecurrenceException}. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        private void need(int n, String field) {
            if (n < 0 || data.length - pos < n) {
                throw new MalformedRecurrenceException("blob ends inside " + field + " at offset " + pos);
            }
        }

        int u16(String field) {
            need(2, field);
            int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
            pos += 2;
            return v;
        }

        int u32(String field) {
            need(4, field);
            int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16
                    | (data[pos + 3] & 0xFF) << 24;
            pos += 4;
            return v;
        }

        byte[] bytes(int n, String field) {
            need(n, field);
            byte[] b = new byte[n];
            System.arraycopy(data, pos, b, 0, n);
            pos += n;
            return b;
        }

        void skip(int n, String field) {
            need(n, field);
            pos += n;
        }

        String chars8(int n, String field, Charset cs) {
            return new String(bytes(n, field), cs);
        }

        String chars16(int n, String field) {
            return new String(bytes(Math.multiplyExact(n, 2), field), StandardCharsets.UTF_16LE);
        }

        /** A count field that the remaining bytes could hold at {@code minSize} bytes per element. */
        int count(int value, int minSize, String field) {
            if (value < 0 || (long) value * minSize > data.length - pos) {
                throw new MalformedRecurrenceException(field + " of " + Integer.toUnsignedString(value)
                        + " does not fit the blob");
            }
            return value;
        }

        boolean atEnd() {
            return pos == data.length;
        }

        int position() {
            return pos;
        }
    }
}
