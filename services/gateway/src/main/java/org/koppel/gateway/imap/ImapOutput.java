package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

/**
 * What the server writes to one client: response lines and the pieces they are made of (RFC 9051 section 9),
 * with literals streamed. Every status response has a human-readable text after its code. Writes are
 * synchronised, so an IDLE wake-up on another thread never interleaves with a command's responses.
 */
final class ImapOutput {

    private static final byte[] CRLF = {'\r', '\n'};

    private OutputStream out;
    private boolean utf8;
    private boolean lineStart = true;

    ImapOutput(OutputStream out) {
        this.out = out;
    }

    /** After STARTTLS or COMPRESS: responses go to the new stream. */
    synchronized void switchTo(OutputStream newOut) {
        this.out = newOut;
    }

    /** After ENABLE UTF8=ACCEPT (RFC 6855): mailbox names and strings go out as UTF-8. */
    synchronized void utf8(boolean on) {
        this.utf8 = on;
    }

    synchronized void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(CRLF);
        lineStart = true;
    }

    /** Text without the line end, for responses with literals inside. */
    synchronized void text(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        lineStart = false;
    }

    /** Whether nothing of a response line has been written yet (so a status response can still be sent). */
    synchronized boolean atLineStart() {
        return lineStart;
    }

    /** {@code {size}} CRLF and the octets; fails if the source ends early (the connection is then unusable). */
    synchronized void literal(InputStream data, long size, boolean binary) throws IOException {
        out.write(((binary ? "~{" : "{") + size + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[16384];
        long left = size;
        while (left > 0) {
            int n = data.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("message text ended " + left + " octets short of the size announced");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    /** A writer of the RFC's data items (ENVELOPE, BODYSTRUCTURE) onto the same stream, mid-response. */
    synchronized org.koppel.gateway.imap.syntax.ResponseWriter writer() {
        org.koppel.gateway.imap.syntax.ResponseWriter w = new org.koppel.gateway.imap.syntax.ResponseWriter(out);
        w.utf8Accept(utf8);
        return w;
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    /** {@code * OK [code] text.} and the like. */
    void untagged(String status, Optional<String> code, String text) throws IOException {
        line("* " + status + code.map(c -> " [" + c + "]").orElse("") + " " + text);
    }

    void tagged(String tag, String status, Optional<String> code, String text) throws IOException {
        line(tag + " " + status + code.map(c -> " [" + c + "]").orElse("") + " " + text);
        flush();
    }

    // ---- the pieces, encoded by the syntax package's ResponseWriter so quoting rules live in one place

    /** A string as a quoted string when it can be one, else as a literal written inline. */
    String string(String s) {
        return encoded(w -> w.string(s));
    }

    /** A mailbox name: modified UTF-7 (RFC 3501 5.1.3) unless UTF8=ACCEPT is on. */
    String mailbox(String name) {
        return encoded(w -> w.mailbox(name));
    }

    private interface Piece {
        void write(org.koppel.gateway.imap.syntax.ResponseWriter w) throws IOException;
    }

    private String encoded(Piece piece) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        org.koppel.gateway.imap.syntax.ResponseWriter w = new org.koppel.gateway.imap.syntax.ResponseWriter(b);
        w.utf8Accept(utf8);
        try {
            piece.write(w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    static String flags(Collection<String> flags) {
        return "(" + String.join(" ", flags) + ")";
    }

    String dateTime(java.time.OffsetDateTime t) {
        return encoded(w -> w.dateTime(t));
    }
}
