package org.koppel.eas.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as handlers read it: counts what is read (for the access log) and fails with
 * {@link RequestTooLargeException} once more than the limit arrives, so a chunked body without a declared
 * length is bounded as well as one with it. Closing does not close the servlet stream.
 */
final class BoundedBody extends FilterInputStream {

    private final long limit;
    private long count;

    BoundedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long bytesRead() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // One byte beyond the limit is enough to know it was exceeded.
        long room = limit - count + 1;
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, room)));
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(Math.min(n, limit - count + 1));
        if (s > 0) {
            advance(s);
        }
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The container owns the servlet stream.
    }

    private void advance(long n) throws RequestTooLargeException {
        count += n;
        if (count > limit) {
            throw new RequestTooLargeException(limit);
        }
    }
}
