package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The IMAP and POP3 gateway inside a real {@code koppel serve}, driven by real clients: mail delivered over LMTP
 * is read with Python's imaplib and poplib, synchronised both ways by mbsync (isync), and fetched over POP3 by
 * fetchmail. {@code .ci/run} installs isync and fetchmail; on a laptop without them those parts are skipped.
 */
class GatewayProcessTest {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void realClientsAgainstServe() throws Exception {
        Path data = Files.createTempDirectory("koppel-gateway");
        int port = ServeProcess.freePort();
        int lmtpPort = ServeProcess.freePort();
        int imap = ServeProcess.freePort();
        int pop3 = ServeProcess.freePort();
        int imaps = ServeProcess.freePort();
        Process serve = ServeProcess.start(data, List.of(), List.of(
                "--set", "server.server_listen=127.0.0.1:" + port, "--set", "server.password_pbkdf2_iterations=1000",
                "--set", "dagent.lmtp_listen=127.0.0.1:" + lmtpPort, "--set", "eas.enabled=no",
                "--set", "spooler.enabled=no", "--set", "gateway.imap_listen=127.0.0.1:" + imap,
                "--set", "gateway.imaps_listen=127.0.0.1:" + imaps,
                "--set", "gateway.pop3_listen=127.0.0.1:" + pop3,
                "--set", "gateway.pop3s_listen=127.0.0.1:" + ServeProcess.freePort()));
        try {
            ServeProcess.awaitHealth(port, serve, START);
            ServeProcess.awaitListening(imap, serve, START);
            ServeProcess.awaitListening(pop3, serve, START);
            String password = Files.readAllLines(data.resolve("demo-credentials.txt")).stream()
                    .filter(l -> l.startsWith("password = ")).findFirst().orElseThrow()
                    .substring("password = ".length());
            String address = "demo@localhost"; // the demo account serve creates on first start
            for (int i = 1; i <= 3; i++) {
                List<String> reply = ServeProcess.lmtpDeliver(lmtpPort, address, "From: sender@example.net\r\n"
                        + "To: " + address + "\r\nSubject: Message " + i + "\r\nMessage-ID: <m" + i
                        + "@example.net>\r\n\r\nBody " + i + ".\r\n");
                assertTrue(reply.get(0).startsWith("250"), reply.toString());
            }
            idleSeesLmtpDelivery(imaps, lmtpPort, address, password);
            python(data, imap, pop3, password + "", 4);
            mbsync(data, imap, password);
            fetchmail(data, pop3, password);
        } finally {
            ServeProcess.stop(serve);
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * An IMAP session idling over implicit TLS hears of a message the MTA hands to the delivery agent: the EXISTS
     * arrives without the client asking (the benchmark measures how fast; here a generous bound).
     */
    private static void idleSeesLmtpDelivery(int imaps, int lmtpPort, String address, String password)
            throws Exception {
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (java.net.Socket socket = trustAll.getSocketFactory().createSocket("127.0.0.1", imaps)) {
            socket.setSoTimeout(10_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            var out = socket.getOutputStream();
            assertTrue(in.readLine().startsWith("* OK"));
            out.write(("a LOGIN demo " + password + "\r\nb SELECT INBOX\r\nc IDLE\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line;
            while (!(line = in.readLine()).startsWith("+ ")) {
                assertFalse(line.startsWith("a NO") || line.startsWith("b NO") || line.contains("BAD"), line);
            }
            List<String> reply = ServeProcess.lmtpDeliver(lmtpPort, address, "From: sender@example.net\r\nTo: "
                    + address + "\r\nSubject: While idling\r\n\r\nPush.\r\n");
            long delivered = System.nanoTime();
            assertTrue(reply.get(0).startsWith("250"), reply.toString());
            while (!(line = in.readLine()).matches("\\* \\d+ EXISTS")) {
                assertFalse(line.contains("BAD") || line.startsWith("c "), line);
            }
            long ms = (System.nanoTime() - delivered) / 1_000_000;
            assertTrue(ms < 5_000, "EXISTS " + ms + " ms after the LMTP reply");
            assertEquals("* 4 EXISTS", line);
            out.write("DONE\r\nd LOGOUT\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!(line = in.readLine()).startsWith("c ")) {
                assertFalse(line.contains("BAD"), line);
            }
            assertTrue(line.startsWith("c OK"), line);
        }
    }

    private static void python(Path data, int imap, int pop3, String password, int count) throws Exception {
        Path script = Path.of(GatewayProcessTest.class.getResource("/gateway/clients.py").toURI());
        Run r = run(data, List.of("python3", script.toString(), "127.0.0.1", Integer.toString(imap),
                Integer.toString(pop3), "demo", password, Integer.toString(count)), Map.of());
        assertEquals(0, r.exit(), r.output());
    }

    /**
     * Two-way sync with mbsync: the server's mail comes down into a Maildir; a message filed locally and a flag
     * set locally go up, as IMAP APPEND and STORE.
     */
    private static void mbsync(Path data, int imap, String password) throws Exception {
        Assumptions.assumeTrue(onPath("mbsync") || "true".equals(System.getenv("CI")), "mbsync (isync) is missing");
        assertTrue(onPath("mbsync"), "mbsync must be installed on CI (.ci/run installs isync)");
        Path local = Files.createDirectories(data.resolve("maildir"));
        Path cert = data.resolve("gateway-selfsigned.crt");
        assertTrue(Files.exists(cert), "the self-signed certificate serve made");
        Path rc = data.resolve("mbsyncrc");
        Files.writeString(rc, String.join("\n",
                "IMAPAccount koppel", "Host 127.0.0.1", "Port " + imap, "User demo", "Pass " + password,
                "SSLType STARTTLS", "CertificateFile " + cert, "",
                "IMAPStore koppel-remote", "Account koppel", "",
                "MaildirStore koppel-local", "Path " + local + "/", "Inbox " + local.resolve("INBOX"),
                "SubFolders Verbatim", "",
                "Channel koppel", "Far :koppel-remote:", "Near :koppel-local:", "Patterns INBOX Drafts",
                "Create Both", "Expunge Both", "Sync All", "SyncState *", ""));
        Run first = run(data, List.of("mbsync", "-c", rc.toString(), "-V", "koppel"), Map.of());
        assertEquals(0, first.exit(), first.output());
        List<Path> inbox = maildirFiles(local.resolve("INBOX"));
        assertEquals(4, inbox.size(), "four messages came down\n" + first.output());

        Path check = Path.of(GatewayProcessTest.class.getResource("/gateway/server_state.py").toURI());
        List<String> stateCommand = List.of("python3", check.toString(), "127.0.0.1", Integer.toString(imap), "demo",
                password);
        Run before = run(data, stateCommand, Map.of());
        assertEquals(0, before.exit(), before.output());
        int seenBefore = Integer.parseInt(before.output().replaceAll("(?s).*seen=(\\d+).*", "$1"));

        // Mark an unseen one seen locally and file a new one into Drafts, then sync up.
        Path one = inbox.stream().filter(f -> !f.getFileName().toString().matches(".*:2,[A-Z]*S[A-Z]*$"))
                .findFirst().orElseThrow(() -> new AssertionError("an unseen message came down: " + inbox));
        Path cur = local.resolve("INBOX").resolve("cur");
        Files.createDirectories(cur);
        String base = one.getFileName().toString().replaceAll(":2,.*$", "");
        Files.move(one, cur.resolve(base + ":2,S"));
        Path drafts = local.resolve("Drafts");
        Files.createDirectories(drafts.resolve("cur"));
        Files.createDirectories(drafts.resolve("new"));
        Files.createDirectories(drafts.resolve("tmp"));
        Files.writeString(drafts.resolve("cur").resolve("1700000000.1_1.local:2,S"),
                "From: demo@example.org\r\nTo: x@example.net\r\nSubject: Written offline\r\n\r\nDraft.\r\n");
        Run second = run(data, List.of("mbsync", "-c", rc.toString(), "-V", "koppel"), Map.of());
        assertEquals(0, second.exit(), second.output());
        Run state = run(data, stateCommand, Map.of());
        assertEquals(0, state.exit(), state.output());
        assertTrue(state.output().contains("drafts=1 seen=" + (seenBefore + 1)), "the draft and the flag went up\n" + state.output()
                + "\n" + second.output());
        assertTrue(state.output().contains("Subject: Written offline"), state.output());
        // A third run has nothing left to do in either direction.
        Run third = run(data, List.of("mbsync", "-c", rc.toString(), "-V", "koppel"), Map.of());
        assertEquals(0, third.exit(), third.output());
        assertEquals(4, maildirFiles(local.resolve("INBOX")).size(), third.output());
        assertEquals(1, maildirFiles(drafts).size(), third.output());
    }

    /** A POP3 fetch with fetchmail over STLS: the four messages are handed to the MDA and deleted from the server. */
    private static void fetchmail(Path data, int pop3, String password) throws Exception {
        Assumptions.assumeTrue(onPath("fetchmail") || "true".equals(System.getenv("CI")), "fetchmail is missing");
        assertTrue(onPath("fetchmail"), "fetchmail must be installed on CI (.ci/run installs it)");
        Path out = data.resolve("fetched.mbox");
        Path rc = data.resolve("fetchmailrc");
        Files.writeString(rc, "poll 127.0.0.1 service " + pop3 + " protocol pop3 auth password\n"
                + "  user \"demo\" password \"" + password + "\" is \"demo\" here\n"
                + "  sslproto tls1.2+ no sslcertck\n"
                + "  mda \"/bin/sh -c 'cat >> " + out + "'\"\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        Run r = run(data, List.of("fetchmail", "-f", rc.toString(), "--nodetach", "--nosyslog", "-v"),
                Map.of("HOME", data.toString(), "FETCHMAILHOME", data.toString()));
        assertEquals(0, r.exit(), r.output());
        String mbox = Files.readString(out, StandardCharsets.UTF_8);
        for (int i = 1; i <= 3; i++) {
            assertTrue(mbox.contains("Subject: Message " + i), mbox);
        }
        assertTrue(mbox.contains("Subject: While idling"), mbox);
        Run again = run(data, List.of("fetchmail", "-f", rc.toString(), "--nodetach", "--nosyslog"),
                Map.of("HOME", data.toString(), "FETCHMAILHOME", data.toString()));
        assertEquals(1, again.exit(), "fetchmail exits 1 when there is no mail: the first run deleted them\n"
                + again.output());
    }

    private static List<Path> maildirFiles(Path folder) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path d = folder.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " finished");
        return new Run(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
