package org.koppel.gateway.pop3;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What TOP sends of a message (RFC 1939 section 7): the header, the blank line after it, and the first
 * {@code lines} lines of the body. Once they have passed it stops the writer with {@link Enough}, so the rest
 * of a large message is not read from the store.
 */
final class TopFilter extends FilterOutputStream {

    /** Thrown when everything TOP sends has been written. */
    static final class Enough extends IOException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super("TOP has its lines");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // Control flow, not a failure: no stack trace to fill in.
            return this;
        }
    }

    private boolean inHeader = true;
    private int lineLength;
    private long bodyLinesLeft;
    private boolean done;

    TopFilter(OutputStream out, long lines) {
        super(out);
        this.bodyLinesLeft = lines;
    }

    @Override
    public void write(int b) throws IOException {
        if (done) {
            throw new Enough();
        }
        out.write(b);
        if (b != '\n') {
            if (b != '\r') {
                lineLength++;
            }
            return;
        }
        boolean empty = lineLength == 0;
        lineLength = 0;
        if (inHeader) {
            if (empty) {
                inHeader = false;
                done = bodyLinesLeft == 0;
            }
        } else {
            done = --bodyLinesLeft <= 0;
        }
        if (done) {
            throw new Enough();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() {
        // Flushed by the session once the response is complete.
    }

    @Override
    public void close() {
        // The connection's stream stays open.
    }
}
