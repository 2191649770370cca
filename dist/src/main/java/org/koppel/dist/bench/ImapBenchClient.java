package org.koppel.dist.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks' IMAP client over a plain blocking socket: one command at a time (no pipelining), responses
 * read up to the tagged completion, literals read whole and kept inline in their response. Small on purpose, so
 * that two cores are left to the server.
 */
final class ImapBenchClient implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");

    /** A command's untagged responses (each with its literals inline) and its tagged completion. */
    record Reply(String command, List<String> untagged, String status, String text) {

        boolean ok() {
            return status.equals("OK");
        }

        /** The reply, or an exception naming the command and the server's words when it was not OK. */
        Reply orFail() throws ImapBenchException {
            if (!ok()) {
                throw new ImapBenchException(command + " answered " + status + " " + text);
            }
            return this;
        }
    }

    /** The server said something the benchmark cannot go on from. */
    static final class ImapBenchException extends IOException {
        ImapBenchException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String greeting;
    private int tags;

    private ImapBenchClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16384);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16384);
        this.greeting = readResponse();
        if (!greeting.startsWith("* OK")) {
            throw new ImapBenchException("greeting: " + greeting);
        }
    }

    /** Connects and reads the greeting, which must be {@code * OK}. */
    static ImapBenchClient connect(String host, int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new ImapBenchClient(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends one command (without tag) and reads to its tagged completion. */
    Reply command(String command) throws IOException {
        String tag = nextTag();
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readReply(tag, command);
    }

    /** APPEND with a non-synchronizing literal (LITERAL+, which the server offers after login). */
    Reply append(String mailbox, String flags, byte[] message) throws IOException {
        String tag = nextTag();
        String command = "APPEND " + mailbox + " (" + flags + ") {" + message.length + "+}";
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(message);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readReply(tag, command);
    }

    /** Sends IDLE and waits for the continuation request; returns the tag that DONE will complete. */
    String idle() throws IOException {
        String tag = nextTag();
        out.write((tag + " IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            String line = readResponse();
            if (line.startsWith("+")) {
                return tag;
            }
            if (line.startsWith(tag + " ")) {
                throw new ImapBenchException("IDLE answered " + line);
            }
        }
    }

    /** Ends IDLE; the tagged completion is read by whoever reads the connection's responses. */
    void done() throws IOException {
        out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /**
     * One whole response: a line, and where it ends in a literal, the literal's octets (as ISO-8859-1) and the
     * rest of the response after them.
     */
    String readResponse() throws IOException {
        StringBuilder response = new StringBuilder(128);
        while (true) {
            String line = readLine();
            response.append(line);
            Matcher m = LITERAL.matcher(line);
            if (!m.find()) {
                return response.toString();
            }
            int size = Integer.parseInt(m.group(1));
            byte[] literal = in.readNBytes(size);
            if (literal.length < size) {
                throw new EOFException("connection closed in a literal of " + size + " octets");
            }
            response.append("\r\n").append(new String(literal, StandardCharsets.ISO_8859_1));
        }
    }

    private Reply readReply(String tag, String command) throws IOException {
        List<String> untagged = new ArrayList<>();
        String prefix = tag + " ";
        while (true) {
            String r = readResponse();
            if (r.startsWith(prefix)) {
                String rest = r.substring(prefix.length());
                int space = rest.indexOf(' ');
                return space < 0 ? new Reply(command, untagged, rest, "")
                        : new Reply(command, untagged, rest.substring(0, space), rest.substring(space + 1));
            }
            if (r.startsWith("+")) {
                throw new ImapBenchException(command + ": unexpected continuation request " + r);
            }
            untagged.add(r);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed" + (line.size() > 0 ? " after " + line : ""));
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private String nextTag() {
        return "b" + (++tags);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
