package org.koppel.gateway.imap.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a message stream into lines while counting absolute offsets. Only the first {@code keep} octets of a line
 * are retained (enough for header fields and boundary delimiters), so a body without line breaks costs no memory.
 */
final class LineSource {

    /** One line: where it starts, its whole length with terminator, the terminator's length, its retained start. */
    record Line(long offset, long length, int eol, byte[] head) {

        long end() {
            return offset + length;
        }

        /** The line without its terminator is empty. */
        boolean blank() {
            return length == eol;
        }
    }

    private final InputStream in;
    private final int keep;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long offset;
    private byte[] scratch = new byte[256];
    private Line peeked;
    private Line last;
    private long linesRead;

    LineSource(InputStream in, int keep) {
        this.in = in;
        this.keep = keep;
    }

    long offset() {
        return peeked != null ? peeked.offset() : offset;
    }

    Line peek() throws IOException {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Line next() throws IOException {
        Line line = peek();
        peeked = null;
        if (line != null) {
            last = line;
            linesRead++;
        }
        return line;
    }

    /** The line most recently returned by {@link #next()}. */
    Line last() {
        return last;
    }

    long linesRead() {
        return linesRead;
    }

    private Line read() throws IOException {
        long start = offset;
        byte[] head = scratch;
        int headLength = 0;
        long length = 0;
        int eol = 0;
        boolean lastWasCr = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            byte b = buffer[pos++];
            length++;
            offset++;
            if (headLength < keep) {
                if (headLength == head.length) {
                    head = Arrays.copyOf(head, Math.min(keep, head.length * 2));
                    scratch = head;
                }
                head[headLength++] = b;
            }
            if (b == '\n') {
                eol = lastWasCr ? 2 : 1;
                break;
            }
            lastWasCr = b == '\r';
        }
        if (length == 0) {
            return null;
        }
        int kept = (int) Math.min(headLength, length - eol);
        return new Line(start, length, eol, Arrays.copyOf(head, Math.max(0, kept)));
    }
}
