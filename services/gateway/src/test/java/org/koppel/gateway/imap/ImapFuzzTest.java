package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.GatewayConfig;

/**
 * Random mutations of valid command lines ({@code imap/fuzz/commands.txt}, fixed seeds) over several connections
 * at once: every response is a well-formed status, continuation or untagged response, no command ends in
 * {@code [SERVERBUG]} (an exception inside the server), and the server still answers afterwards.
 */
class ImapFuzzTest {

    private static final int CONNECTIONS = 4;
    private static final int MUTATIONS_PER_CONNECTION = 2500;
    private static final Pattern RESPONSE = Pattern.compile("(\\* |\\+ ?|[^ ]+ (OK|NO|BAD) ).*", Pattern.DOTALL);
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d{1,9})(\\+?)\\}$");
    private static final Pattern TRUNCATED_DATE = Pattern.compile("\\d-[^-]{0,2}$");
    private static final byte[] ALPHABET = " ()[]{}<>\"\\*%$:,.+-~0123456789AZaz\u0000\u007f\u00ff\tNIL".getBytes(
            StandardCharsets.ISO_8859_1);

    @Test
    void mutatedCommandsGetCleanAnswers() throws Exception {
        List<String> corpus = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                getClass().getResource("/imap/fuzz/commands.txt").toURI()), StandardCharsets.UTF_8);
        try (ImapFixture fixture = ImapFixture.start()) {
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
                try {
                    List<Future<Integer>> runs = new ArrayList<>();
                    for (int i = 0; i < CONNECTIONS; i++) {
                        long seed = 9051 + i;
                        runs.add(pool.submit(() -> run(fixture.port(), corpus, new Random(seed))));
                    }
                    int sent = 0;
                    for (Future<Integer> f : runs) {
                        sent += f.get();
                    }
                    assertEquals(CONNECTIONS * MUTATIONS_PER_CONNECTION, sent);
                } finally {
                    pool.shutdownNow();
                }
            });
            // the server survived: a fresh connection works in every state
            try (ImapClient c = ImapClient.connect(fixture.port())) {
                List<String> caps = c.ok("CAPABILITY");
                assertTrue(caps.get(0).startsWith("* CAPABILITY IMAP4rev1 IMAP4rev2"), caps::toString);
                c.ok("LOGIN alice alice-pw");
                c.ok("SELECT INBOX");
                c.ok("UID FETCH 1:* (FLAGS)"); // the fuzz may have emptied INBOX: 1:* would be BAD
                c.ok("LOGOUT");
            }
        }
    }

    @Test
    void mutatedCommandsBeforeLogin() throws Exception {
        List<String> corpus = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                getClass().getResource("/imap/fuzz/commands-not-authenticated.txt").toURI()), StandardCharsets.UTF_8);
        // failed logins pause a quarter of the throttle time: keep that short, mutated LOGINs mostly fail
        try (ImapFixture fixture = ImapFixture.start(c -> new GatewayConfig(c.imapListen(), c.imapsListen(),
                c.pop3Listen(), c.pop3sListen(), c.tls(), c.dataDir(), c.hostname(), c.disablePlaintextAuth(),
                c.maxConnections(), c.imapIdleTimeout(), c.pop3IdleTimeout(), c.maxBadCommands(), c.maxLiteralSize(),
                c.maxLineLength(), c.loginMaxFailures(), Duration.ofMillis(40), c.onlyMailFolders(),
                c.publicFolders()))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                Random random = new Random(3501);
                int sent = 0;
                while (sent < 2000) {
                    try (ImapClient c = ImapClient.connect(fixture.port())) {
                        while (sent < 2000) {
                            sent++;
                            if (!exchange(c, mutate(corpus, random), sent)) {
                                break; // BYE, LOGOUT, or a STARTTLS the mutation made valid
                            }
                        }
                    }
                }
            });
            // Mutated LOGINs failed from this address: it is throttled (rightly) for the 40 ms configured above.
            Thread.sleep(200);
            try (ImapClient c = ImapClient.login(fixture.port(), "bob")) {
                c.ok("SELECT INBOX");
            }
        }
    }

    /** Sends mutations on one connection after another (the server closes after too many bad commands). */
    private static int run(int port, List<String> corpus, Random random) throws IOException {
        int sent = 0;
        int connections = 0;
        while (sent < MUTATIONS_PER_CONNECTION) {
            connections++;
            try (ImapClient c = ImapClient.login(port, "alice")) {
                c.ok("SELECT INBOX");
                while (sent < MUTATIONS_PER_CONNECTION) {
                    byte[] line = mutate(corpus, random);
                    sent++;
                    if (!exchange(c, line, sent)) {
                        break; // BYE: the next connection
                    }
                }
            }
        }
        assertTrue(connections < MUTATIONS_PER_CONNECTION, "some connections lasted more than one command");
        return sent;
    }

    /**
     * Sends one mutated line, then a NOOP to find where its responses end; checks every line in between. False if
     * the server said BYE (too many bad commands, LOGOUT, a line or literal too long).
     */
    private static boolean exchange(ImapClient c, byte[] line, int n) throws IOException {
        String sync = "z" + n;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(line);
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes((sync + " NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
        c.s.sendRaw(b.toByteArray());
        String shown = new String(line, StandardCharsets.ISO_8859_1);
        while (true) {
            byte[] raw;
            try {
                raw = c.s.readLineBytes();
            } catch (java.net.SocketException e) {
                return false; // closed while we were still sending: after a BYE
            }
            if (raw == null) {
                return false;
            }
            String response = new String(raw, StandardCharsets.ISO_8859_1);
            if (!RESPONSE.matcher(response).matches()) {
                // the data of a literal inside a FETCH response: skip it, the response goes on after it
                continue;
            }
            if (response.contains("[SERVERBUG]")) {
                fail("the server failed on " + shown + ": " + response);
            }
            if (response.startsWith("* BYE")) {
                return false;
            }
            if (response.startsWith("+")) {
                // An IDLE or AUTHENTICATE the mutation left valid: it took our NOOP line as its answer (and
                // failed). A "*" cancels whatever may still wait; a new NOOP marks the end.
                sync = sync + "b";
                c.s.sendRaw(("*\r\n" + sync + " NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            if (response.startsWith(sync + " ")) {
                return true;
            }
        }
    }

    private static byte[] mutate(List<String> corpus, Random random) {
        String tag = "f" + Integer.toString(random.nextInt(1 << 20), 36);
        byte[] base = (tag + " " + corpus.get(random.nextInt(corpus.size()))).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            byte[] now = out.toByteArray();
            out.reset();
            int at = now.length == 0 ? 0 : random.nextInt(now.length);
            switch (random.nextInt(6)) {
                case 0 -> { // replace a byte
                    out.write(now, 0, at);
                    out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    out.write(now, Math.min(now.length, at + 1), Math.max(0, now.length - at - 1));
                }
                case 1 -> { // insert a byte
                    out.write(now, 0, at);
                    out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    out.write(now, at, now.length - at);
                }
                case 2 -> { // delete a run
                    int len = Math.min(now.length - at, 1 + random.nextInt(8));
                    out.write(now, 0, at);
                    out.write(now, at + len, now.length - at - len);
                }
                case 3 -> out.write(now, 0, at); // truncate
                case 4 -> { // splice the tail of another command
                    byte[] other = corpus.get(random.nextInt(corpus.size())).getBytes(StandardCharsets.UTF_8);
                    int from = random.nextInt(other.length);
                    out.write(now, 0, at);
                    out.write(other, from, other.length - from);
                }
                default -> { // repeat a run
                    int len = Math.min(now.length - at, 1 + random.nextInt(16));
                    out.write(now, 0, at + len);
                    out.write(now, at, now.length - at);
                }
            }
        }
        return literalsAnswered(out.toByteArray(), random);
    }

    /**
     * Keeps the exchange in step: no CR or LF inside the line (they would split it into commands we do not track),
     * no COMPRESS or STARTTLS (the stream would change); a synchronizing literal announced at the end is dropped, a
     * small non-synchronizing one is sent.
     */
    private static byte[] literalsAnswered(byte[] line, Random random) {
        String s = new String(line, StandardCharsets.ISO_8859_1).replace('\r', ' ').replace('\n', ' ');
        if (s.toUpperCase(Locale.ROOT).contains("COMPRESS") || s.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
            // the stream would change under us: DEFLATE, or a TLS handshake reading our next line
            s = s.replaceAll("(?i)compress|starttls", "CAPABILITY");
        }
        if (TRUNCATED_DATE.matcher(s).find()) {
            s = s + "-2026"; // a known parser bug: see ImapParserBugsTest.truncatedDateDoesNotSwallowTheNextCommand
        }
        Matcher m = LITERAL_AT_END.matcher(s);
        if (m.find()) {
            long size = Long.parseLong(m.group(1));
            if (m.group(2).isEmpty() || size > 200) {
                s = s.substring(0, m.start()) + "x";
            } else {
                StringBuilder data = new StringBuilder();
                for (int i = 0; i < size; i++) {
                    data.append((char) ('a' + random.nextInt(26)));
                }
                s = s + "\r\n" + data;
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
