package org.koppel.dist.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * The smarthost of {@code koppel bench spooler}: a minimal SMTP server on a loopback socket that accepts every
 * message (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), throws it away, and reports each accepted message's
 * Subject with the {@link System#nanoTime()} taken right after its final {@code 250} was written and flushed.
 * It exists instead of GreenMail so that the time stamp is that of the reply itself and so that the
 * distribution does not ship a test mail server.
 */
final class SmtpSink implements AutoCloseable {

    private static final int MAX_LINE = 8192;

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final BiConsumer<String, Long> accepted;
    private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    /** Listens on a free port of 127.0.0.1; {@code accepted} gets (Subject, nanoTime) for each message. */
    SmtpSink(BiConsumer<String, Long> accepted) throws IOException {
        this.accepted = accepted;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.acceptor = Thread.ofVirtual().name("bench-smtp-accept").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> {
                    try (socket) {
                        converse(socket);
                    } catch (IOException e) {
                        // The client went away; nothing to do for a sink.
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
        OutputStream out = socket.getOutputStream();
        reply(out, "220 bench-sink ESMTP");
        String line;
        while ((line = readLine(in)) != null) {
            String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-bench-sink\r\n250-SIZE 104857600\r\n250 8BITMIME");
                case "HELO" -> reply(out, "250 bench-sink");
                case "MAIL" -> reply(out, "250 2.1.0 Ok");
                case "RCPT" -> reply(out, "250 2.1.5 Ok");
                case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String subject = readData(in);
                    if (subject == null) {
                        return;
                    }
                    reply(out, "250 2.0.0 Ok: queued");
                    accepted.accept(subject, System.nanoTime());
                }
                default -> reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    /** Reads the message up to the lone dot; returns its Subject ("" when it has none), or null at end of input. */
    private static String readData(InputStream in) throws IOException {
        String subject = "";
        boolean headers = true;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return subject;
            }
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                    subject = line.substring(8).trim();
                }
            }
        }
        return null;
    }

    /** One line without its CRLF (ISO-8859-1, so any byte survives), or null at end of input. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.interrupt();
        connections.shutdownNow();
    }
}
