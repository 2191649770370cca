package org.koppel.inetmapi.tnef;

import java.io.IOException;
import java.io.InputStream;

/**
 * The data of one attribute (or of one object inside it): exactly {@code length} bytes of the stream below,
 * summed as they pass for the attribute checksum. The stream below ending early is corruption, so nothing
 * reading through this class can loop on a short stream; every length read from the data is checked
 * against what is left before anything is allocated for it.
 */
final class BoundedInput extends InputStream {

    private final InputStream source;
    private long remaining;
    private int sum;

    BoundedInput(InputStream source, long length) {
        this.source = source;
        this.remaining = length;
    }

    long remaining() {
        return remaining;
    }

    /** The sum of the bytes read so far, modulo 65536. */
    int checksum() {
        return sum;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = source.read();
        if (b < 0) {
            throw truncated();
        }
        remaining--;
        sum = (sum + b) & 0xFFFF;
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = source.read(buf, off, (int) Math.min(len, remaining));
        if (n <= 0) {
            throw truncated();
        }
        remaining -= n;
        for (int i = off; i < off + n; i++) {
            sum = (sum + (buf[i] & 0xFF)) & 0xFFFF;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(source.available(), remaining);
    }

    int u8() throws IOException {
        int b = read();
        if (b < 0) {
            throw new TnefException.Corrupt("attribute data ends early");
        }
        return b;
    }

    int u16() throws IOException {
        return u8() | u8() << 8;
    }

    int i32() throws IOException {
        return u16() | u16() << 16;
    }

    long u32() throws IOException {
        return i32() & 0xFFFFFFFFL;
    }

    long i64() throws IOException {
        return (u32()) | (u32() << 32);
    }

    /** Exactly {@code n} bytes, {@code n} checked against what is left and against {@code max}. */
    byte[] bytes(long n, int max, String what) throws IOException {
        require(n, what);
        if (n > max) {
            throw new TnefException.LimitExceeded(what + " of " + n + " bytes, more than " + max);
        }
        byte[] b = readNBytes((int) n);
        if (b.length != n) {
            throw new TnefException.Corrupt(what + " ends early");
        }
        return b;
    }

    /** Refuses a length that runs past the end of this data. */
    void require(long n, String what) throws TnefException {
        if (n < 0 || n > remaining) {
            throw new TnefException.Corrupt(what + " of " + n + " bytes runs past the " + remaining
                    + " bytes left");
        }
    }

    /** Skips the padding after a value of {@code size} bytes, to the next 4-byte boundary. */
    void pad(long size) throws IOException {
        // Some writers leave the padding off the last value of an attribute; nothing is lost by allowing it.
        skipExactly(Math.min((4 - (size & 3)) & 3, remaining));
    }

    void skipExactly(long n) throws IOException {
        require(n, "skipped data");
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        while (n > 0) {
            int got = read(buf, 0, (int) Math.min(buf.length, n));
            n -= got;
        }
    }

    /** Reads what is left, so the checksum covers it. */
    void skipRest() throws IOException {
        skipExactly(remaining);
    }

    private static TnefException truncated() {
        return new TnefException.Corrupt("the TNEF stream ends inside an attribute");
    }
}
