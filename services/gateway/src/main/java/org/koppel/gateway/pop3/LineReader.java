package org.koppel.gateway.pop3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads command lines ending in CRLF (a bare LF is accepted) of at most {@code maxLength} octets; a longer
 * line is read to its end and discarded, so one client cannot make the server hold an unbounded line.
 */
final class LineReader {

    /** One read. */
    sealed interface Result {
    }

    record Line(String text) implements Result {
    }

    /** The line was longer than allowed; it has been skipped. */
    record TooLong() implements Result {
    }

    /** The client closed the connection. */
    record End() implements Result {
    }

    private final int maxLength;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);

    LineReader(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The next line from {@code in} (the connection's current stream: it changes after STLS). */
    Result read(InputStream in) throws IOException {
        buffer.reset();
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return new End();
            }
            if (b == '\n') {
                break;
            }
            if (buffer.size() < maxLength) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (tooLong) {
            return new TooLong();
        }
        byte[] bytes = buffer.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new Line(new String(bytes, 0, n, StandardCharsets.UTF_8));
    }
}
