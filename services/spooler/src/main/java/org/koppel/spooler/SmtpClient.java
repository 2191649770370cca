package org.koppel.spooler;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP session with the smarthost (RFC 5321) with STARTTLS (RFC 3207), AUTH PLAIN or LOGIN (RFC 4954),
 * SIZE (RFC 1870) and DSN (RFC 3461). The message is streamed from a file with dot-stuffing; nothing of it is
 * held in memory. Replies to RCPT TO are kept per recipient, so a 550 for one recipient does not fail the rest.
 * Not thread-safe: one session per send.
 */
final class SmtpClient implements Closeable {

    /** The longest reply line accepted, so a broken server cannot grow our memory. */
    private static final int MAX_LINE = 4096;

    private final SpoolerConfig config;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Set<String> extensions = new HashSet<>();
    private final Set<String> authMechanisms = new HashSet<>();
    private boolean encrypted;

    private SmtpClient(SpoolerConfig config) {
        this.config = config;
    }

    /**
     * Connects, reads the greeting, says EHLO, upgrades with STARTTLS as configured and authenticates when
     * configured. IOException: the connection failed (retry later); SmtpException: a step was refused.
     */
    static SmtpClient open(SpoolerConfig config, SmtpTls tls) throws IOException {
        SmtpClient c = new SmtpClient(config);
        try {
            c.connect(tls);
            return c;
        } catch (IOException | RuntimeException e) {
            c.closeQuietly();
            throw e;
        }
    }

    private void connect(SmtpTls tls) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(config.smtpHost(), config.smtpPort()),
                (int) config.connectTimeout().toMillis());
        socket.setSoTimeout((int) config.readTimeout().toMillis());
        streams();
        expect("greeting", readReply());
        ehlo();
        boolean offered = extensions.contains("STARTTLS");
        if (config.startTls() == SpoolerConfig.StartTls.REQUIRED && !offered) {
            throw new SmtpException("STARTTLS", new SmtpReply(454, "the smarthost does not offer STARTTLS,"
                    + " which smtp_starttls = required asks for"));
        }
        if (config.startTls() != SpoolerConfig.StartTls.NO && offered) {
            expect("STARTTLS", command("STARTTLS"));
            SSLSocket ssl = (SSLSocket) tls.factory(config.startTls()).createSocket(socket, config.smtpHost(),
                    config.smtpPort(), true);
            if (config.startTls() == SpoolerConfig.StartTls.REQUIRED && tls.verifiesHostname()) {
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
            }
            ssl.startHandshake();
            socket = ssl;
            streams();
            encrypted = true;
            ehlo();
        }
        if (config.authenticates()) {
            authenticate();
        }
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    boolean encrypted() {
        return encrypted;
    }

    boolean offers(String extension) {
        return extensions.contains(extension);
    }

    private void ehlo() throws IOException {
        SmtpReply r = command("EHLO " + config.heloName());
        if (!r.positive()) {
            r = command("HELO " + config.heloName());
            expect("HELO", r);
            extensions.clear();
            return;
        }
        extensions.clear();
        authMechanisms.clear();
        String[] lines = r.text().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] words = lines[i].trim().toUpperCase(Locale.ROOT).split("[ =]+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            extensions.add(words[0]);
            if (words[0].equals("AUTH")) {
                for (int w = 1; w < words.length; w++) {
                    authMechanisms.add(words[w]);
                }
            }
        }
    }

    private void authenticate() throws IOException {
        String user = config.smtpUsername();
        String pass = config.smtpPassword();
        if (authMechanisms.contains("PLAIN") || authMechanisms.isEmpty() && extensions.contains("AUTH")) {
            String token = Base64.getEncoder().encodeToString(("\0" + user + "\0" + pass)
                    .getBytes(StandardCharsets.UTF_8));
            expect("AUTH", command("AUTH PLAIN " + token));
        } else if (authMechanisms.contains("LOGIN")) {
            SmtpReply r = command("AUTH LOGIN");
            if (r.code() != 334) {
                throw new SmtpException("AUTH", r);
            }
            r = command(Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            if (r.code() != 334) {
                throw new SmtpException("AUTH", r);
            }
            expect("AUTH", command(Base64.getEncoder().encodeToString(pass.getBytes(StandardCharsets.UTF_8))));
        } else {
            throw new SmtpException("AUTH", new SmtpReply(454, "the smarthost offers no AUTH PLAIN or LOGIN"
                    + (encrypted ? "" : " (some offer it only after STARTTLS)")));
        }
    }

    /**
     * One mail transaction: MAIL FROM, RCPT TO for each recipient, and DATA if any was accepted. Returns the
     * reply that settles each recipient, in the envelope's order: its RCPT reply if that refused it, else the
     * reply to the end of DATA. SmtpException when MAIL FROM or DATA is refused for all.
     */
    List<SmtpReply> send(Envelope envelope, Path data) throws IOException {
        long size = Files.size(data);
        StringBuilder mail = new StringBuilder("MAIL FROM:<").append(envelope.from()).append('>');
        if (extensions.contains("SIZE")) {
            mail.append(" SIZE=").append(size);
        }
        boolean dsn = envelope.dsn().isPresent() && extensions.contains("DSN");
        if (dsn) {
            mail.append(" RET=").append(envelope.dsn().get().returnFull() ? "FULL" : "HDRS");
            envelope.dsn().get().envelopeId().ifPresent(id -> mail.append(" ENVID=").append(xtext(id)));
        }
        SmtpReply mailReply = command(mail.toString());
        if (!mailReply.positive()) {
            command("RSET");
            throw new SmtpException("MAIL FROM", mailReply);
        }
        List<SmtpReply> replies = new ArrayList<>(envelope.recipients().size());
        boolean anyAccepted = false;
        for (String rcpt : envelope.recipients()) {
            StringBuilder c = new StringBuilder("RCPT TO:<").append(rcpt).append('>');
            if (dsn) {
                c.append(" NOTIFY=").append(envelope.dsn().get().notifyOn());
                c.append(" ORCPT=rfc822;").append(xtext(rcpt));
            }
            SmtpReply r = command(c.toString());
            replies.add(r);
            anyAccepted |= r.positive();
        }
        if (!anyAccepted) {
            command("RSET");
            return replies;
        }
        SmtpReply go = command("DATA");
        if (go.code() != 354) {
            throw new SmtpException("DATA", go);
        }
        try (InputStream body = new BufferedInputStream(Files.newInputStream(data), 64 * 1024)) {
            writeDotStuffed(body, out);
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        SmtpReply end = readReply();
        if (!end.positive()) {
            throw new SmtpException("DATA", end);
        }
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).positive()) {
                replies.set(i, end);
            }
        }
        return replies;
    }

    /** Copies the message, doubling a leading dot on every line and making every line end CRLF. */
    static void writeDotStuffed(InputStream body, OutputStream target) throws IOException {
        boolean lineStart = true;
        boolean pendingCr = false;
        int b;
        while ((b = body.read()) != -1) {
            if (pendingCr) {
                pendingCr = false;
                target.write('\r');
                target.write('\n');
                lineStart = true;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r') {
                pendingCr = true;
                continue;
            }
            if (b == '\n') {
                target.write('\r');
                target.write('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && b == '.') {
                target.write('.');
            }
            target.write(b);
            lineStart = false;
        }
        if (pendingCr || !lineStart) {
            target.write('\r');
            target.write('\n');
        }
    }

    /** RFC 3461 xtext: '+', '=' and anything outside printable ASCII as +XX. */
    static String xtext(String s) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xFF;
            if (u < 33 || u > 126 || u == '+' || u == '=') {
                b.append('+').append(String.format("%02X", u));
            } else {
                b.append((char) u);
            }
        }
        return b.toString();
    }

    private static void expect(String stage, SmtpReply r) throws SmtpException {
        if (!r.positive()) {
            throw new SmtpException(stage, r);
        }
    }

    private SmtpReply command(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
        out.flush();
        return readReply();
    }

    /** A reply; the lines of a multi-line one are joined with '\n' so that EHLO's keywords can be read. */
    private SmtpReply readReply() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))) {
                throw new IOException("not an SMTP reply: " + line);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new SmtpReply(Integer.parseInt(line.substring(0, 3)), text.toString());
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("an SMTP reply line over " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        throw new EOFException("the smarthost closed the connection");
    }

    /** Says QUIT and closes; a failure to say goodbye is no failure of the send. */
    @Override
    public void close() {
        try {
            if (socket != null && !socket.isClosed()) {
                socket.setSoTimeout(5_000);
                command("QUIT");
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away anyway
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
