package org.koppel.mapi;

/** Big-endian counters of up to 8 bytes, as GLOBCNTs and XID local ids are written ([MS-OXCFXICS] 2.2.2.5). */
final class Globcnt {

    private Globcnt() {
    }

    static long read(byte[] bytes, int offset, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }

    static void write(long value, byte[] out, int offset, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
