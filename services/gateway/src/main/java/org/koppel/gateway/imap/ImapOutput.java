package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.koppel.gateway.imap.syntax.ModifiedUtf7;

/**
 * What the server writes to one client: response lines and the pieces they are made of (RFC 9051 section 9),
 * with literals streamed. Every status response has a human-readable text after its code. Writes are
 * synchronised, so an IDLE wake-up on another thread never interleaves with a command's responses.
 */
final class ImapOutput {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z",
            Locale.ROOT);
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

    synchronized void literal(byte[] data) throws IOException {
        out.write(("{" + data.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
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

    // ---- the pieces

    /** A string as a quoted string when it can be one, else as a literal written inline. */
    String string(String s) {
        if (s.length() < 1000 && quotable(s)) {
            return quote(s);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return "{" + b.length + "}\r\n" + s;
    }

    /** nstring: NIL for absent. */
    String nstring(Optional<String> s) {
        return s.map(this::string).orElse("NIL");
    }

    /** astring: an atom when the text is one, else a string. */
    String astring(String s) {
        if (!s.isEmpty() && isAtom(s)) {
            return s;
        }
        return string(s);
    }

    /** A mailbox name: modified UTF-7 (RFC 3501 5.1.3) unless UTF8=ACCEPT is on. */
    String mailbox(String name) {
        return astring(utf8 ? name : ModifiedUtf7.encode(name));
    }

    static String flags(Collection<String> flags) {
        return "(" + String.join(" ", flags) + ")";
    }

    static String dateTime(OffsetDateTime t) {
        return "\"" + DATE_TIME.format(t) + "\"";
    }

    static String dateTime(java.time.Instant t) {
        return dateTime(t.atOffset(ZoneOffset.UTC));
    }

    private boolean quotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (c >= 0x80 && !utf8)) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static boolean isAtom(String s) {
        if (s.equalsIgnoreCase("NIL")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
