package org.koppel.dagent.lmtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.koppel.dagent.delivery.MessageSpool;

/**
 * The client's side of an LMTP connection: command lines of bounded length, DATA with dot-unstuffing, and
 * BDAT chunks of exact length, read from one buffer so that pipelined commands and message data interleave
 * correctly. Not synchronized: one connection, one thread.
 */
final class LmtpInput {

    /** A command line longer than the limit; the line was read to its end and thrown away. */
    static final String TOO_LONG = "\u0000too long";

    private InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;

    LmtpInput(InputStream in) {
        this.in = in;
    }

    /** Bytes the client has sent that are not read yet (pipelined commands). */
    int buffered() {
        return limit - pos;
    }

    /** Switches to a new stream (after STARTTLS), throwing away anything buffered from the old one. */
    void replace(InputStream stream) {
        in = stream;
        pos = 0;
        limit = 0;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /**
     * The next command line without its line end (CRLF or a bare LF), decoded as UTF-8 (SMTPUTF8), or
     * {@link #TOO_LONG}; null at the end of the stream.
     */
    String readLine(int max) throws IOException {
        byte[] line = new byte[Math.min(max, 256)];
        int n = 0;
        boolean tooLong = false;
        while (true) {
            int b = read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (n == max) {
                tooLong = true;
                continue;
            }
            if (n == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(max, line.length * 2));
            }
            line[n++] = (byte) b;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads DATA up to the line holding only a dot, removing the dot-stuffing and writing the message into
     * {@code out}. A bare LF ends a line as CRLF does and is stored as CRLF; every other byte (NUL, lone CR,
     * 8-bit) is kept.
     */
    void readData(MessageSpool out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        int n = 0;
        boolean lineStart = true;
        int prev = -1;
        while (true) {
            if (!fill()) {
                throw new EOFException("the connection ended inside DATA");
            }
            int b = buf[pos++] & 0xFF;
            if (lineStart && b == '.') {
                int next = read();
                if (next == '\n') {
                    break;
                }
                if (next == '\r') {
                    int after = read();
                    if (after == '\n') {
                        break;
                    }
                    if (after < 0) {
                        throw new EOFException("the connection ended inside DATA");
                    }
                    pos--; // a dot, CR, something else: the dot is stuffing, the rest is data
                    b = '\r';
                } else if (next < 0) {
                    throw new EOFException("the connection ended inside DATA");
                } else {
                    b = next;
                }
            }
            if (n + 2 > chunk.length) {
                out.write(chunk, 0, n);
                n = 0;
            }
            if (b == '\n' && prev != '\r') {
                chunk[n++] = '\r';
            }
            chunk[n++] = (byte) b;
            lineStart = b == '\n';
            prev = b;
        }
        out.write(chunk, 0, n);
    }

    /** Reads exactly {@code size} bytes of a BDAT chunk into {@code out} (null: read and discard). */
    void readChunk(long size, MessageSpool out) throws IOException {
        long left = size;
        while (left > 0) {
            if (!fill()) {
                throw new EOFException("the connection ended inside BDAT");
            }
            int n = (int) Math.min(left, limit - pos);
            if (out != null) {
                out.write(buf, pos, n);
            }
            pos += n;
            left -= n;
        }
    }
}
