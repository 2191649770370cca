package org.koppel.gateway.script;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client of a line protocol server over a real socket, for scripted tests of IMAP and POP3: send lines or
 * raw bytes, expect lines matching Java regular expressions, read multi-line responses until a line matches,
 * start TLS (trusting any certificate: the servers under test use a self-signed one), expect the server to
 * close. {@link #replay} runs a script file of these steps:
 *
 * <pre>
 * # a comment; blank lines are skipped
 * C: USER alice            send the line and CRLF
 * R: AUTH PLAIN\r\n        send raw bytes; escapes \r \n \t \\ \xHH, no CRLF added
 * S: \+OK .*               the next line (without CRLF) must match the regular expression entirely
 * U: \.                    read lines until one matches entirely (the lines before are skipped)
 * TLS:                     start TLS as the client over the connection
 * CLOSED:                  the server must close the connection (end of stream) before sending more
 * SLEEP: 200               pause this many milliseconds
 * </pre>
 *
 * Every line may use {@code ${name}} variables given to {@link #replay}, or captured by a named group of an
 * earlier {@code S:} or {@code U:} step ({@code S: \* OK \[UIDVALIDITY (?<validity>\d+)\] .*} sets
 * {@code ${validity}}). Each step fails the test with the
 * script's name and line number and what was read so far.
 */
public final class ScriptedSession implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final List<String> transcript = new ArrayList<>();

    private ScriptedSession(Socket socket, String host, int port) throws IOException {
        this.socket = socket;
        this.host = host;
        this.port = port;
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        streams();
    }

    /** A plain connection. */
    public static ScriptedSession connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 10_000);
        return new ScriptedSession(s, host, port);
    }

    /** A connection that is TLS from the first byte (imaps, pop3s), trusting any certificate. */
    public static ScriptedSession connectTls(String host, int port) throws IOException {
        ScriptedSession s = connect(host, port);
        s.startTls();
        return s;
    }

    /** A client TLS context that trusts every certificate: for tests against self-signed servers only. */
    public static SSLContext trustingEveryone() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void streams() throws IOException {
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends a line and CRLF. */
    public void send(String line) throws IOException {
        transcript.add("C: " + line);
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends bytes as they are. */
    public void sendRaw(byte[] bytes) throws IOException {
        transcript.add("R: " + new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n"));
        out.write(bytes);
        out.flush();
    }

    /** The next line from the server without its CRLF (or LF), or null at the end of the stream. */
    public String readLine() throws IOException {
        byte[] line = readLineBytes();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    /** The next line's bytes without CRLF, or null at the end of the stream. */
    public byte[] readLineBytes() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c;
            try {
                c = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within " + READ_TIMEOUT + "; so far:\n" + transcript(), e);
            }
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            b.write(c);
        }
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        byte[] line = java.util.Arrays.copyOf(bytes, n);
        transcript.add("S: " + new String(line, StandardCharsets.UTF_8));
        return line;
    }

    /** Reads the next line and fails unless it matches {@code regex} entirely; returns it. */
    public String expect(String regex) throws IOException {
        String line = readLine();
        if (line == null) {
            fail("expected /" + regex + "/ but the server closed the connection; so far:\n" + transcript());
        }
        if (!line.matches(regex)) {
            fail("expected /" + regex + "/ but got \"" + line + "\"; so far:\n" + transcript());
        }
        return line;
    }

    /** Reads lines until one matches {@code regex} entirely; returns the lines before it (a multi-line body). */
    public List<String> readUntil(String regex) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                fail("expected a line /" + regex + "/ but the server closed the connection; so far:\n"
                        + transcript());
            }
            if (line.matches(regex)) {
                return lines;
            }
            lines.add(line);
        }
    }

    /** Like {@link #readUntil} but returns the matching line. */
    public String skipUntil(String regex) throws IOException {
        readUntil(regex);
        return transcript.get(transcript.size() - 1).substring("S: ".length());
    }

    /** Puts the named groups of {@code regex} matched against {@code line} into {@code variables}. */
    private static void capture(String regex, String line, Map<String, String> variables) {
        Pattern p = Pattern.compile(regex);
        if (p.namedGroups().isEmpty()) {
            return;
        }
        Matcher m = p.matcher(line);
        if (m.matches()) {
            p.namedGroups().keySet().forEach(g -> {
                if (m.group(g) != null) {
                    variables.put(g, m.group(g));
                }
            });
        }
    }

    /** Reads exactly {@code n} bytes. */
    public byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** Fails unless the server closes the connection before sending anything more. */
    public void expectClosed() throws IOException {
        String line = readLine();
        if (line != null) {
            fail("expected the connection to be closed but got \"" + line + "\"; so far:\n" + transcript());
        }
    }

    /** Runs the TLS handshake as the client over the current connection (after STARTTLS/STLS, or for imaps). */
    public void startTls() throws IOException {
        transcript.add("TLS:");
        SSLSocket ssl = (SSLSocket) trustingEveryone().getSocketFactory().createSocket(socket, host, port, true);
        ssl.setUseClientMode(true);
        ssl.setSoTimeout((int) READ_TIMEOUT.toMillis());
        ssl.startHandshake();
        socket = ssl;
        streams();
    }

    /** What was sent and read so far, one step a line. */
    public String transcript() {
        return String.join("\n", transcript);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Test teardown: nothing to do.
        }
    }

    /** Runs a script file (see the class comment) over this connection. */
    public void replay(Path script, Map<String, String> given) throws IOException {
        Map<String, String> variables = new java.util.HashMap<>(given);
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        String name = script.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String line = substitute(raw, variables, name, i + 1);
            int colon = line.indexOf(':');
            if (colon < 0) {
                fail(name + ":" + (i + 1) + ": not a script step: " + raw);
            }
            String op = line.substring(0, colon);
            String arg = line.length() > colon + 1 && line.charAt(colon + 1) == ' ' ? line.substring(colon + 2)
                    : line.substring(colon + 1);
            try {
                switch (op) {
                    case "C" -> send(arg);
                    case "R" -> sendRaw(unescape(arg));
                    case "S" -> capture(arg, expect(arg), variables);
                    case "U" -> capture(arg, skipUntil(arg), variables);
                    case "TLS" -> startTls();
                    case "CLOSED" -> expectClosed();
                    case "SLEEP" -> Thread.sleep(Long.parseLong(arg.strip()));
                    default -> fail(name + ":" + (i + 1) + ": unknown step " + op);
                }
            } catch (AssertionError e) {
                throw new AssertionError(name + ":" + (i + 1) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Connects, runs a script, and closes. */
    public static void replay(Path script, String host, int port, Map<String, String> variables) {
        try (ScriptedSession s = connect(host, port)) {
            s.replay(script, variables);
        } catch (IOException e) {
            throw new UncheckedIOException(script.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String substitute(String line, Map<String, String> variables, String name, int number) {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1));
            if (v == null) {
                fail(name + ":" + number + ": no variable " + m.group(1));
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Decodes the escapes of an {@code R:} step. */
    static byte[] unescape(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> b.write('\r');
                case 'n' -> b.write('\n');
                case 't' -> b.write('\t');
                case '\\' -> b.write('\\');
                case 'x' -> {
                    b.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e);
            }
        }
        return b.toByteArray();
    }
}
