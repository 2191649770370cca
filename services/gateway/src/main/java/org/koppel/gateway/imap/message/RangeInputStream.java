package org.koppel.gateway.imap.message;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** At most {@code length} octets of an underlying stream, which is closed with this one. */
final class RangeInputStream extends FilterInputStream {

    private long remaining;

    RangeInputStream(InputStream in, long length) {
        super(in);
        this.remaining = length;
    }

    /** The octets {@code [start, start + length)} of the stream, skipping the start. */
    static InputStream of(InputStream in, long start, long length) throws IOException {
        try {
            in.skipNBytes(start);
        } catch (EOFException e) {
            in.close();
            throw new EOFException("message shorter than its structure says");
        }
        return new RangeInputStream(in, length);
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
