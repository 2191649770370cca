package org.koppel.eas.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes that go to the client (after compression), for the access log. */
final class CountingOutput extends FilterOutputStream {

    private long count;

    CountingOutput(OutputStream out) {
        super(out);
    }

    long bytesWritten() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }
}
