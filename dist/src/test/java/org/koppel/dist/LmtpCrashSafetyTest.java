package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.client.soap.SoapStoreServer;

/**
 * Crash safety of delivery (issue 6): 10 LMTP clients deliver 2,000 numbered messages into a real
 * {@code koppel serve} process, which is killed with SIGKILL after 1,000 acknowledgements and started again on
 * the same data. The clients retry what was not acknowledged (a broken connection, or a 4xx temporary
 * failure), as an MTA does. Every message must then be in its
 * recipient's Inbox; one acknowledged on its only attempt must be there exactly once. A message whose attempt
 * was cut off by the kill may have been committed without its 250 reaching the client, so its retry can make a
 * second copy: LMTP promises at-least-once, and those duplicates are reported, not failed.
 *
 * <p>Runs on embedded H2 and on MariaDB at 127.0.0.1:3306 (root, no password; KOPPEL_TEST_MARIADB=host:port
 * for another), in a database of its own that serve creates and the test drops. Without MariaDB that variant is
 * skipped, except on CI (CI=true), where it fails.
 */
class LmtpCrashSafetyTest {

    private static final int MESSAGES = 2_000;
    private static final int CLIENTS = 10;
    private static final int KILL_AFTER = 1_000;
    private static final List<String> USERS = List.of("crash0", "crash1", "crash2");

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "mysql"})
    void everyAcknowledgedMessageSurvivesKillMinus9ExactlyOnce(String engine) throws Exception {
        Path data = Files.createTempDirectory("koppel-crash");
        List<String> db = engine.equals("mysql") ? mariaDb() : List.of();
        int port = ServeProcess.freePort();
        int lmtpPort = ServeProcess.freePort();
        Process server = null;
        try {
            server = start(data, port, lmtpPort, db);
            awaitHealth(port, server);
            for (String u : USERS) {
                ServeProcess.AdminRun add = admin(port, data, "user", "add", u, "--email", u + "@example.org", "--password", u + "-pw");
                assertEquals(0, add.exit(), add.err());
            }

            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            // Messages whose attempt failed at least once (connection lost): their retry may duplicate them.
            Map<Integer, Boolean> interrupted = new ConcurrentHashMap<>();
            // Incremented when the restarted server is ready; clients that lost their connection wait for it.
            AtomicInteger generation = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(Thread.ofPlatform().name("lmtp-client-" + c).start(() -> {
                    try {
                        deliverAll(lmtpPort, next, acknowledged, interrupted, generation);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (acknowledged.get() < KILL_AFTER && failure.get() == null) {
                assertTrue(System.nanoTime() < deadline, "1,000 acknowledgements took over 5 minutes");
                Thread.sleep(5);
            }
            assertNull(failure.get(), () -> "a client failed before the kill: " + failure.get());
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no orderly close
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, server.exitValue(), "killed by SIGKILL");
            int atKill = acknowledged.get();

            server = start(data, port, lmtpPort, db);
            awaitHealth(port, server);
            generation.incrementAndGet();
            for (Thread t : clients) {
                t.join(TimeUnit.MINUTES.toMillis(5));
                assertFalse(t.isAlive(), "a client did not finish");
            }
            assertNull(failure.get(), () -> "a client failed: " + failure.get());
            assertEquals(MESSAGES, acknowledged.get(), "every message was acknowledged in the end");

            Map<Integer, Integer> copies = inboxCopies(port);
            List<Integer> missing = new ArrayList<>();
            Map<Integer, Integer> duplicated = new TreeMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                int n = copies.getOrDefault(i, 0);
                if (n == 0) {
                    missing.add(i);
                } else if (n > 1) {
                    duplicated.put(i, n);
                }
            }
            assertEquals(List.of(), missing, "acknowledged messages missing after kill -9 and restart");
            List<Integer> badDuplicates = duplicated.keySet().stream().filter(i -> !interrupted.containsKey(i)).toList();
            assertEquals(List.of(), badDuplicates, "messages acknowledged on their only attempt stored more than once");
            System.err.printf("LmtpCrashSafetyTest[%s]: killed after %d acknowledgements with %d attempts cut off;"
                    + " all %d messages present, %d of the cut-off ones stored twice (committed before the kill, "
                    + "their 250 lost, delivered again on retry): %s%n", engine, atKill, interrupted.size(), MESSAGES,
                    duplicated.size(), duplicated.keySet());
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                    server.waitFor(30, TimeUnit.SECONDS);
                }
            }
            if (!db.isEmpty()) {
                dropMariaDb(db);
            }
            // The server's log outlives the data directory, for a look at any 4xx the clients retried.
            Path log = data.resolve("serve.log");
            if (Files.exists(log)) {
                Files.createDirectories(Path.of("target"));
                Files.copy(log, Path.of("target", "lmtp-crash-" + (db.isEmpty() ? "embedded" : "mysql") + "-serve.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One client: takes message numbers until all are taken and delivers each on its connection; when the
     * connection breaks (the kill), it waits for the restart, reconnects and sends the same message again.
     */
    private static void deliverAll(int lmtpPort, AtomicInteger next, AtomicInteger acknowledged,
            Map<Integer, Boolean> interrupted, AtomicInteger generation) throws Exception {
        LmtpConnection conn = null;
        int i = next.getAndIncrement();
        int temporary = 0;
        while (i < MESSAGES) {
            int seenGeneration = generation.get();
            try {
                if (conn == null) {
                    conn = LmtpConnection.open(lmtpPort);
                }
                String reply = conn.deliver(USERS.get(i % USERS.size()) + "@example.org", message(i));
                if (reply.startsWith("4") && ++temporary <= 50) {
                    // A temporary failure (the copy was not committed): an MTA tries again later.
                    Thread.sleep(50);
                    continue;
                }
                temporary = 0;
                assertTrue(reply.startsWith("250 "), "message " + i + ": " + reply);
                acknowledged.incrementAndGet();
                i = next.getAndIncrement();
            } catch (IOException lost) {
                interrupted.put(i, true);
                if (conn != null) {
                    conn.close();
                    conn = null;
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (generation.get() == seenGeneration) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the server did not come back", lost);
                    }
                    Thread.sleep(20);
                }
            }
        }
        if (conn != null) {
            conn.quit();
        }
    }

    private static String message(int i) {
        StringBuilder body = new StringBuilder();
        for (int line = 0; line < 20; line++) {
            body.append("Line ").append(line).append(" of crash-safety message ").append(i).append(".\r\n");
        }
        return "From: Sender <sender@example.net>\r\nTo: recipient@example.org\r\nSubject: crash " + i + "\r\n"
                + "Message-ID: <crash-" + i + "@koppel.test>\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\n\r\n" + body;
    }

    /** Message number to its copies, over every user's Inbox, read through the SOAP client. */
    private static Map<Integer, Integer> inboxCopies(int port) throws Exception {
        Map<Integer, Integer> copies = new HashMap<>();
        try (SoapStoreServer store = SoapStoreServer.connect(URI.create("http://127.0.0.1:" + port))) {
            for (String u : USERS) {
                try (Session s = store.logon(new Credentials.Password(u, u + "-pw"))) {
                    EntryId inbox = s.stores().openOwn().folder(WellKnownFolder.INBOX);
                    int offset = 0;
                    while (true) {
                        TableResult page = s.contents().query(inbox, new TableQuery(List.of(
                                PropTags.PR_INTERNET_MESSAGE_ID), Optional.empty(), SortOrderSet.none(), offset, 500,
                                false));
                        for (var row : page.rows()) {
                            String id = String.valueOf(row.values().get(0).javaValue());
                            var m = java.util.regex.Pattern.compile("<crash-(\\d+)@koppel.test>").matcher(id);
                            assertTrue(m.matches(), "unexpected message in " + u + "'s Inbox: " + id);
                            copies.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                        }
                        offset += page.rows().size();
                        if (page.rows().isEmpty() || offset >= page.totalRows()) {
                            break;
                        }
                    }
                }
            }
        }
        return copies;
    }

    /** A minimal LMTP client: LHLO once, then MAIL, RCPT and DATA pipelined per message. */
    private static final class LmtpConnection implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        private LmtpConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        static LmtpConnection open(int port) throws IOException {
            LmtpConnection c = new LmtpConnection(new Socket("127.0.0.1", port));
            c.socket.setSoTimeout(60_000);
            c.expect("220");
            c.send("LHLO crash.test\r\n");
            c.expect("250");
            return c;
        }

        String deliver(String rcpt, String message) throws IOException {
            send("MAIL FROM:<sender@example.net>\r\nRCPT TO:<" + rcpt + ">\r\nDATA\r\n");
            expect("250");
            expect("250");
            expect("354");
            send(message + ".\r\n");
            return reply();
        }

        void quit() throws IOException {
            send("QUIT\r\n");
            reply();
            close();
        }

        private void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void expect(String code) throws IOException {
            String r = reply();
            if (!r.startsWith(code)) {
                throw new AssertionError("expected " + code + ", got " + r);
            }
        }

        /** The last line of a (possibly multi-line) reply; end of stream is a lost connection. */
        private String reply() throws IOException {
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("connection closed");
                }
                if (line.length() < 4 || line.charAt(3) != '-') {
                    return line;
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead connection
            }
        }
    }

    /** serve's settings for a fresh MariaDB database (serve creates it on first start); skips without MariaDB. */
    private static List<String> mariaDb() {
        String hostPort = System.getenv().getOrDefault("KOPPEL_TEST_MARIADB", "127.0.0.1:3306");
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        String port = hostPort.substring(colon + 1);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + hostPort
                + "/?connectTimeout=3000&sslMode=PREFERRED&allowPublicKeyRetrieval=true", "root", "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "MariaDB is not reachable at " + hostPort + " (root, no password): " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- on CI the MariaDB tests must run", e);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message + " -- skipping the MariaDB variant");
        }
        String name = "koppel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return List.of("--set", "server.database_engine=mysql", "--set", "server.mysql_host=" + host,
                "--set", "server.mysql_port=" + port, "--set", "server.mysql_user=root",
                "--set", "server.mysql_password=", "--set", "server.mysql_database=" + name);
    }

    private static void dropMariaDb(List<String> settings) throws SQLException {
        Map<String, String> s = new HashMap<>();
        for (String arg : settings) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("server.") && eq > 0) {
                s.put(arg.substring("server.".length(), eq), arg.substring(eq + 1));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + s.get("mysql_host") + ":"
                + s.get("mysql_port") + "/?sslMode=PREFERRED&allowPublicKeyRetrieval=true", "root", "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + s.get("mysql_database") + "`");
        }
    }

    private static Process start(Path data, int port, int lmtpPort, List<String> db) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("--set", "server.server_listen=127.0.0.1:" + port, "--set", "server.password_pbkdf2_iterations=1000",
                "--set", "server.log_level=warn", "--set", "dagent.lmtp_listen=127.0.0.1:" + lmtpPort,
                "--set", "dagent.log_level=warn", "--set", "spooler.enabled=no", "--set", "eas.enabled=no", "--set", "gateway.enabled=no"));
        cmd.addAll(db);
        return ServeProcess.start(data, List.of("-Xmx512m"), cmd);
    }

    private static void awaitHealth(int port, Process p) throws Exception {
        ServeProcess.awaitHealth(port, p, java.time.Duration.ofSeconds(90));
    }

    private static ServeProcess.AdminRun admin(int port, Path data, String... args) {
        return ServeProcess.admin("http://127.0.0.1:" + port, data, args);
    }

}
