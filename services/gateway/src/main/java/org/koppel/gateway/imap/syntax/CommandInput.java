package org.koppel.gateway.imap.syntax;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexical level of the command grammar over the client stream: one octet of look-ahead, counted against the
 * line limit, and literals read (or refused) as the grammar reaches them. It keeps no buffer of its own beyond
 * that octet, so the session can put a new reader on a TLS or COMPRESS stream.
 */
final class CommandInput {

    private static final int NONE = -2;
    private static final int MAX_DIGITS = 19;

    private final InputStream in;
    private final CommandLimits limits;
    private int peeked = NONE;
    private long textOctets;
    private boolean atBoundary = true;
    private ContinuationRequest continuation;
    private final List<Literal> pending = new ArrayList<>();

    CommandInput(InputStream in, CommandLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    void begin(ContinuationRequest request) {
        textOctets = 0;
        continuation = request;
        pending.clear();
    }

    /** The message literals read for the current command, which it now owns. */
    void commit() {
        pending.clear();
    }

    /** Deletes the message literals of a command that failed. */
    void discard() {
        pending.forEach(Literal::close);
        pending.clear();
    }

    int peek() throws IOException, CommandException {
        if (peeked == NONE) {
            peeked = in.read();
            if (peeked >= 0) {
                atBoundary = false;
                if (++textOctets > limits.maxLineLength()) {
                    throw new CommandException(null, CommandException.Reason.LINE_TOO_LONG,
                            "Command line too long", true);
                }
            }
        }
        return peeked;
    }

    int next() throws IOException, CommandException {
        int c = peek();
        if (c < 0) {
            throw new EOFException("client closed the connection within a command");
        }
        peeked = NONE;
        return c;
    }

    boolean accept(int c) throws IOException, CommandException {
        if (peek() == c) {
            peeked = NONE;
            return true;
        }
        return false;
    }

    /** Takes {@code c}, or fails leaving whatever is there (a CRLF must stay for the error recovery). */
    void expect(int c) throws IOException, CommandException {
        if (peek() != c) {
            throw CommandException.syntax("Expected '" + (char) c + "'");
        }
        next();
    }

    void sp() throws IOException, CommandException {
        if (next() != ' ') {
            throw CommandException.syntax("Expected a space");
        }
    }

    boolean atEnd() throws IOException, CommandException {
        int c = peek();
        return c == '\r' || c == '\n';
    }

    /** The CRLF that ends the command (a bare LF is tolerated). */
    void crlf() throws IOException, CommandException {
        int c = next();
        if (c == '\r') {
            c = next();
        }
        if (c != '\n') {
            throw CommandException.syntax("Expected end of line");
        }
        atBoundary = true;
    }

    static boolean atomChar(int c) {
        if (c >= 0x80) {
            return true;
        }
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
                && c != '\\' && c != ']';
    }

    /** 1*ATOM-CHAR, with the extra characters allowed (']' for astring, '%' '*' ']' for list-mailbox). */
    String atom(String extra) throws IOException, CommandException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = peek()) >= 0 && (atomChar(c) || extra.indexOf(c) >= 0) && c < 0x80) {
            sb.append((char) next());
        }
        if (sb.isEmpty()) {
            throw CommandException.syntax("Expected an atom");
        }
        return sb.toString();
    }

    String atom() throws IOException, CommandException {
        return atom("");
    }

    /** An atom made of the given characters only (fetch attribute names stop at '[', '<', '.'...). */
    String word(String allowed) throws IOException, CommandException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = peek()) >= 0 && c < 0x80 && (Character.isLetterOrDigit(c) || allowed.indexOf(c) >= 0)) {
            sb.append((char) next());
        }
        if (sb.isEmpty()) {
            throw CommandException.syntax("Expected a keyword");
        }
        return sb.toString();
    }

    /** astring, or with {@code listChars} a list-mailbox; 8-bit octets are tolerated in the atom form. */
    byte[] astring(boolean listChars) throws IOException, CommandException {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((c = peek()) >= 0 && (atomChar(c) || c == ']' || (listChars && (c == '%' || c == '*')))) {
            out.write(next());
        }
        if (out.size() == 0) {
            throw CommandException.syntax("Expected a string");
        }
        return out.toByteArray();
    }

    byte[] string() throws IOException, CommandException {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return stringLiteral();
        }
        throw CommandException.syntax("Expected a string");
    }

    /** nstring: null for NIL. */
    byte[] nstring() throws IOException, CommandException {
        int c = peek();
        if (c == 'N' || c == 'n') {
            String nil = atom();
            if (!nil.equalsIgnoreCase("NIL")) {
                throw CommandException.syntax("Expected NIL or a string");
            }
            return null;
        }
        return string();
    }

    byte[] quoted() throws IOException, CommandException {
        expect('"');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int c = next();
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                c = next();
                if (c != '"' && c != '\\') {
                    throw CommandException.syntax("Invalid escape in quoted string");
                }
            } else if (c == '\r' || c == '\n' || c == 0) {
                throw CommandException.syntax("Unterminated quoted string");
            }
            out.write(c);
        }
    }

    /** 1*DIGIT no larger than {@code max}. */
    long number(long max) throws IOException, CommandException {
        long value = 0;
        int digits = 0;
        int c;
        while ((c = peek()) >= '0' && c <= '9') {
            next();
            digits++;
            if (value > (max - (c - '0')) / 10) {
                throw CommandException.syntax("Number too large");
            }
            value = value * 10 + (c - '0');
        }
        if (digits == 0) {
            throw CommandException.syntax("Expected a number");
        }
        return value;
    }

    private record Announcement(long size, boolean synchronizing) {
    }

    /** Reads {@code {n}} or {@code {n+}} and its CRLF, and refuses it if it is above {@code limit}. */
    private Announcement announcement(long limit) throws IOException, CommandException {
        expect('{');
        long n = number(Long.MAX_VALUE);
        boolean sync = !accept('+');
        expect('}');
        int c = next();
        if (c == '\r') {
            c = next();
        }
        if (c != '\n') {
            throw CommandException.syntax("Expected end of line after literal size");
        }
        if (n > limit || (!sync && n > limits.maxNonSynchronizing())) {
            if (sync) {
                // The client waits for a continuation it will not get: the command ends here.
                atBoundary = true;
                throw new CommandException(null, CommandException.Reason.TOO_BIG, "Literal too large", false);
            }
            throw new CommandException(null, CommandException.Reason.TOO_BIG, "Non-synchronizing literal too large",
                    true);
        }
        if (sync) {
            continuation.ready();
        }
        return new Announcement(n, sync);
    }

    private byte[] stringLiteral() throws IOException, CommandException {
        Announcement a = announcement(limits.maxStringLiteral());
        byte[] bytes = in.readNBytes((int) a.size());
        if (bytes.length < a.size()) {
            throw new EOFException("client closed the connection within a literal");
        }
        return bytes;
    }

    /** A message literal {@code {n}}, {@code {n+}} or, with {@code binaryAllowed}, {@code ~{n}}. */
    Literal messageLiteral(boolean binaryAllowed) throws IOException, CommandException {
        boolean binary = false;
        if (peek() == '~') {
            if (!binaryAllowed) {
                throw CommandException.syntax("literal8 not allowed here");
            }
            next();
            binary = true;
        }
        Announcement a = announcement(limits.maxMessageLiteral());
        Literal literal;
        if (a.size() <= limits.memoryThreshold()) {
            byte[] bytes = in.readNBytes((int) a.size());
            if (bytes.length < a.size()) {
                throw new EOFException("client closed the connection within a literal");
            }
            literal = Literal.inMemory(bytes, binary);
        } else {
            literal = spool(a.size(), binary);
        }
        pending.add(literal);
        return literal;
    }

    private Literal spool(long size, boolean binary) throws IOException {
        Path file = limits.spoolDirectory().isPresent()
                ? Files.createTempFile(limits.spoolDirectory().get(), "imap-literal", ".tmp")
                : Files.createTempFile("imap-literal", ".tmp");
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long remaining = size;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new EOFException("client closed the connection within a literal");
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return Literal.spooled(file, size, binary);
    }

    /**
     * Consumes the rest of a failed command: up to the end of its line, also draining a non-synchronizing literal
     * announced at a line's end (the client sends it regardless) and going on after it. A synchronizing one ends
     * the command, since the client waits for a continuation.
     *
     * @return false if the connection must be closed (the client announced a too-large non-synchronizing literal)
     */
    boolean skipRest() throws IOException, CommandException {
        StringBuilder tail = new StringBuilder();
        while (!atBoundary) {
            int c = next();
            if (c == '{') {
                tail.setLength(0);
                tail.append('{');
            } else if (c == '\n') {
                long[] marker = marker(tail);
                tail.setLength(0);
                if (marker == null || marker[1] == 0) {
                    atBoundary = true;
                } else if (marker[0] > limits.maxNonSynchronizing()) {
                    return false;
                } else {
                    in.skipNBytes(marker[0]);
                }
            } else if (c != '\r' && !tail.isEmpty()) {
                if (tail.length() > MAX_DIGITS + 3) {
                    tail.setLength(0);
                } else {
                    tail.append((char) c);
                }
            }
        }
        return true;
    }

    /** {size, nonSynchronizing 0/1} if the tail is a literal announcement, else null. */
    private static long[] marker(CharSequence tail) {
        int n = tail.length();
        if (n < 3 || tail.charAt(0) != '{' || tail.charAt(n - 1) != '}') {
            return null;
        }
        boolean plus = tail.charAt(n - 2) == '+';
        int end = plus ? n - 2 : n - 1;
        if (end <= 1) {
            return null;
        }
        long size = 0;
        for (int i = 1; i < end; i++) {
            char d = tail.charAt(i);
            if (d < '0' || d > '9') {
                return null;
            }
            // beyond 18 digits no limit can be met: saturate instead of overflowing
            size = i > MAX_DIGITS - 1 ? Long.MAX_VALUE : size * 10 + (d - '0');
        }
        return new long[] {size, plus ? 1 : 0};
    }

    /** One line for AUTHENTICATE responses and IDLE's DONE, without its CRLF; null at end of stream. */
    String line() throws IOException, CommandException {
        textOctets = 0;
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = peek();
            if (c < 0) {
                if (sb.isEmpty()) {
                    return null;
                }
                throw new EOFException("client closed the connection within a line");
            }
            next();
            if (c == '\n') {
                atBoundary = true;
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
    }
}
