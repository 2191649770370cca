package org.koppel.gateway.pop3;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a multi-line POP3 response (RFC 1939 section 3): a line starting with '.' gets another '.'
 * in front, and {@link #finish()} ends the last line if it was not ended and writes the terminating
 * ".CRLF". Streams: nothing is held but the state of the current line. Closing does not close the
 * connection's stream.
 */
final class DotStuffing extends FilterOutputStream {

    private boolean lineStart = true;
    private boolean finished;

    DotStuffing(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (lineStart && b == '.') {
            out.write('.');
        }
        out.write(b);
        lineStart = b == '\n';
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (lineStart && b[i] == '.') {
                out.write(b, start, i - start);
                out.write('.');
                start = i;
            }
            lineStart = b[i] == '\n';
        }
        out.write(b, start, end - start);
    }

    /** Ends the response: CRLF if the last line is open, then ".CRLF". */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write(new byte[] {'.', '\r', '\n'});
    }

    @Override
    public void flush() {
        // The session flushes the connection once the whole response is written.
    }

    @Override
    public void close() {
        // The connection's stream stays open.
    }
}
