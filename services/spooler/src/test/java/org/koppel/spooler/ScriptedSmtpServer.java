package org.koppel.spooler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server for the fault cases GreenMail cannot play: scripted replies per recipient and per DATA,
 * a connection dropped in the middle of DATA, STARTTLS with a test certificate. It records each completed
 * transaction and every command line.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    record Transaction(String mailFrom, List<String> recipients, String data, boolean tls, String authUser) {
    }

    final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    final ConcurrentLinkedDeque<String> dataEndReplies = new ConcurrentLinkedDeque<>();
    final AtomicInteger dropMidData = new AtomicInteger();
    final List<Transaction> transactions = new CopyOnWriteArrayList<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile SSLContext tls;
    volatile boolean requireAuth;

    private final ServerSocket server;
    private final Thread acceptor;

    ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (Socket s = socket) {
            Socket current = s;
            BufferedReader in = reader(current);
            OutputStream out = current.getOutputStream();
            reply(out, "220 scripted ESMTP");
            boolean encrypted = false;
            String authUser = "";
            String from = null;
            List<String> rcpts = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    StringBuilder b = new StringBuilder("250-scripted\r\n250-SIZE 100000000\r\n250-DSN\r\n");
                    if (tls != null && !encrypted) {
                        b.append("250-STARTTLS\r\n");
                    }
                    b.append("250 AUTH PLAIN LOGIN");
                    reply(out, b.toString());
                } else if (upper.equals("STARTTLS") && tls != null) {
                    reply(out, "220 go ahead");
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(current,
                            current.getInetAddress().getHostAddress(), current.getPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    current = ssl;
                    in = reader(current);
                    out = current.getOutputStream();
                    encrypted = true;
                } else if (upper.startsWith("AUTH PLAIN ")) {
                    String[] parts = new String(Base64.getDecoder().decode(line.substring(11).trim()),
                            StandardCharsets.UTF_8).split("\0");
                    authUser = parts.length > 1 ? parts[1] : "";
                    reply(out, "235 2.7.0 accepted");
                } else if (upper.startsWith("MAIL FROM:")) {
                    if (requireAuth && authUser.isEmpty()) {
                        reply(out, "530 5.7.0 authentication required");
                        continue;
                    }
                    from = line.substring(10);
                    rcpts.clear();
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String r = rcptReplies.getOrDefault(address, "250 2.1.5 ok");
                    if (r.startsWith("2")) {
                        rcpts.add(address);
                    }
                    reply(out, r);
                } else if (upper.equals("DATA")) {
                    reply(out, "354 end with .");
                    StringBuilder data = new StringBuilder();
                    boolean drop = dropMidData.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                    int lines = 0;
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                        if (drop && ++lines == 3) {
                            return;
                        }
                    }
                    String end = dataEndReplies.poll();
                    if (end == null) {
                        end = "250 2.0.0 queued";
                    }
                    if (end.startsWith("2")) {
                        transactions.add(new Transaction(from, List.copyOf(rcpts), data.toString(), encrypted,
                                authUser));
                    }
                    reply(out, end);
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    reply(out, "250 ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "500 unknown");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
