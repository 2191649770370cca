package org.koppel.gateway.imap.syntax;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * Encodes server responses onto the client stream. Items of one response are separated by single spaces
 * automatically (none after an opening parenthesis); {@link #end()} closes the line. Strings are quoted when they can
 * be and sent as literals otherwise. Not thread-safe; the session calls {@link #flush()} when a response is complete.
 */
public final class ResponseWriter {

    /** The kinds of status response (RFC 9051 7.1). */
    public enum Status { OK, NO, BAD, PREAUTH, BYE }

    /** Quoted strings longer than this are sent as literals instead. */
    private static final int MAX_QUOTED = 1024;

    private final OutputStream out;
    private boolean utf8;
    private boolean separate;

    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * After {@code ENABLE UTF8=ACCEPT} (RFC 6855): mailbox names are sent as UTF-8 rather than modified UTF-7, and
     * quoted strings may carry UTF-8 (as IMAP4rev2 allows anyway) instead of becoming literals.
     */
    public void utf8Accept(boolean enabled) {
        this.utf8 = enabled;
    }

    // ---- whole responses

    /** {@code * OK [code] text} or {@code tag NO text}, with CRLF. {@code tag} null for untagged. */
    public ResponseWriter status(String tag, Status status, Optional<ResponseCode> code, String text) throws IOException {
        if (text == null || text.isBlank() || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a status response needs one line of human-readable text");
        }
        if (tag == null) {
            untagged();
        } else {
            tagged(tag);
        }
        atom(status.name());
        if (code.isPresent()) {
            raw(" [" + code.get() + "]");
        }
        separate = true;
        atom(text);
        return end();
    }

    public ResponseWriter status(String tag, Status status, String text) throws IOException {
        return status(tag, status, Optional.empty(), text);
    }

    public ResponseWriter status(String tag, Status status, ResponseCode code, String text) throws IOException {
        return status(tag, status, Optional.of(code), text);
    }

    /** {@code + text} for a synchronizing literal, AUTHENTICATE challenge (base64) or IDLE. */
    public ResponseWriter continuation(String text) throws IOException {
        raw("+ " + text);
        return end();
    }

    // ---- line structure

    /** Starts an untagged response: {@code *}. */
    public ResponseWriter untagged() throws IOException {
        raw("*");
        separate = true;
        return this;
    }

    public ResponseWriter tagged(String tag) throws IOException {
        raw(tag);
        separate = true;
        return this;
    }

    /** Ends the response line with CRLF. */
    public ResponseWriter end() throws IOException {
        out.write('\r');
        out.write('\n');
        separate = false;
        return this;
    }

    public void flush() throws IOException {
        out.flush();
    }

    public ResponseWriter openList() throws IOException {
        separator();
        raw("(");
        separate = false;
        return this;
    }

    public ResponseWriter closeList() throws IOException {
        raw(")");
        separate = true;
        return this;
    }

    /**
     * The next item follows the previous one without a space: lists of bodies in BODYSTRUCTURE and of addresses in
     * ENVELOPE are concatenated ({@code 1*body}, {@code 1*address}).
     */
    public ResponseWriter adjacent() {
        separate = false;
        return this;
    }

    /** Writes text as it is, without a separating space (for {@code BODY[1]<0>} pieces and the like). */
    public ResponseWriter raw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void separator() throws IOException {
        if (separate) {
            raw(" ");
        }
        separate = true;
    }

    // ---- items

    /** An atom, keyword or any pre-formatted token, written as it is after a separating space. */
    public ResponseWriter atom(String token) throws IOException {
        separator();
        return raw(token);
    }

    public ResponseWriter number(long value) throws IOException {
        return atom(Long.toString(value));
    }

    public ResponseWriter nil() throws IOException {
        return atom("NIL");
    }

    /** A string: quoted when that is possible, a literal otherwise. */
    public ResponseWriter string(String value) throws IOException {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A string of raw octets (header values as they are on the wire). */
    public ResponseWriter string(byte[] value) throws IOException {
        if (quotable(value)) {
            separator();
            out.write('"');
            for (byte b : value) {
                if (b == '"' || b == '\\') {
                    out.write('\\');
                }
                out.write(b);
            }
            out.write('"');
            return this;
        }
        return literal(value);
    }

    private boolean quotable(byte[] value) {
        if (value.length > MAX_QUOTED) {
            return false;
        }
        for (byte b : value) {
            if (b == '\r' || b == '\n' || b == 0 || (b < 0 && !utf8)) {
                return false;
            }
        }
        return !utf8 || StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(value), java.nio.CharBuffer
                .allocate(value.length), true).isUnderflow();
    }

    /** nstring: NIL for null. */
    public ResponseWriter nstring(String value) throws IOException {
        return value == null ? nil() : string(value);
    }

    public ResponseWriter nstring(byte[] value) throws IOException {
        return value == null ? nil() : string(value);
    }

    /** astring: an atom when the value is one (and not NIL), a string otherwise. */
    public ResponseWriter astring(String value) throws IOException {
        if (isAtom(value)) {
            return atom(value);
        }
        return string(value);
    }

    private static boolean isAtom(String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("NIL")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || !(CommandInput.atomChar(c) || c == ']')) {
                return false;
            }
        }
        return true;
    }

    /** A mailbox name: modified UTF-7 unless UTF8=ACCEPT is on; quoted as needed. */
    public ResponseWriter mailbox(String name) throws IOException {
        return astring(utf8 ? name : ModifiedUtf7.encode(name));
    }

    /** {@code (\Seen $Forwarded)}. Flags are atoms, written as they are. */
    public ResponseWriter flags(Collection<String> flags) throws IOException {
        openList();
        for (String flag : flags) {
            atom(flag);
        }
        return closeList();
    }

    /** {@code "05-Jan-2024 13:04:05 +0100"}. */
    public ResponseWriter dateTime(OffsetDateTime time) throws IOException {
        int offset = time.getOffset().getTotalSeconds();
        int abs = Math.abs(offset) / 60;
        return atom(String.format("\"%02d-%s-%04d %02d:%02d:%02d %c%02d%02d\"", time.getDayOfMonth(),
                CommandGrammar.MONTHS.get(time.getMonthValue() - 1), time.getYear(), time.getHour(), time.getMinute(),
                time.getSecond(),
                offset < 0 ? '-' : '+', abs / 60, abs % 60));
    }

    public ResponseWriter dateTime(ZonedDateTime time) throws IOException {
        return dateTime(time.toOffsetDateTime());
    }

    public ResponseWriter literal(byte[] value) throws IOException {
        separator();
        raw("{" + value.length + "}\r\n");
        out.write(value);
        return this;
    }

    /**
     * A literal streamed from {@code content}, which must yield exactly {@code size} octets.
     *
     * @throws EOFException if it yields fewer: the response is then broken and the connection must be closed
     */
    public ResponseWriter literal(InputStream content, long size) throws IOException {
        return streamed("{", content, size);
    }

    /** A literal8 ({@code ~{n}}, RFC 3516) for BINARY content that may contain NUL. */
    public ResponseWriter literal8(InputStream content, long size) throws IOException {
        return streamed("~{", content, size);
    }

    private ResponseWriter streamed(String open, InputStream content, long size) throws IOException {
        separator();
        raw(open + size + "}\r\n");
        byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(1, size))];
        long remaining = size;
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException("literal content ended " + remaining + " octets early");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
        return this;
    }
}
