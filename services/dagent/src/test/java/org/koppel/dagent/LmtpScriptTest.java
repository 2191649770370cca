package org.koppel.dagent;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.WellKnownFolder;

/**
 * Scripted LMTP sessions (src/test/resources/lmtp/scripts): {@code C:} lines are sent (CRLF added; {@code RAW n
 * text} sends n bytes with \r\n escapes and no line end; {@code LONG n} sends a line of n characters), {@code S:}
 * lines are regular expressions the next reply line must match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmtpScriptTest {

    private DagentFixture f;
    private LmtpServer lmtp;

    @BeforeAll
    void start() throws Exception {
        f = DagentFixture.start();
        lmtp = f.lmtp(f.config());
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequence", "bdat"})
    void script(String name) throws Exception {
        Path file = Path.of(LmtpScriptTest.class.getResource("/lmtp/scripts/" + name + ".txt").toURI());
        replay(lmtp.port(), Files.readAllLines(file, StandardCharsets.UTF_8));
        if (name.equals("bdat")) {
            MessageData m = f.messages("bob", WellKnownFolder.INBOX).stream()
                    .filter(x -> "chunked".equals(DagentFixture.value(x, PropTags.PR_SUBJECT))).findFirst().orElseThrow();
            assertTrue(((String) DagentFixture.value(m, PropTags.PR_BODY)).contains("second chunk."));
        }
    }

    @Test
    void idleConnectionsAreClosedWith421() throws Exception {
        LmtpServer quick = f.lmtp(f.config().withLimits(2, Duration.ofMillis(300)));
        try (Socket s = new Socket("127.0.0.1", quick.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("220 "));
            assertTrue(in.readLine().startsWith("421 4.4.2"));
            assertNull(in.readLine());
        }
    }

    @Test
    void connectionsBeyondTheLimitAreTurnedAway() throws Exception {
        LmtpServer one = f.lmtp(f.config().withLimits(1, Duration.ofSeconds(30)));
        try (Socket first = new Socket("127.0.0.1", one.port()); Socket second = new Socket("127.0.0.1", one.port())) {
            BufferedReader a = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(a.readLine().startsWith("220 "));
            BufferedReader b = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(b.readLine().startsWith("421 4.3.2"));
            assertNull(b.readLine());
        }
    }

    @Test
    void closingTellsIdleClients421() throws Exception {
        LmtpServer closing = LmtpServer.start(f.config(), f.delivery);
        try (Socket s = new Socket("127.0.0.1", closing.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("220 "));
            s.getOutputStream().write("LHLO x\r\n".getBytes(StandardCharsets.US_ASCII));
            while (!in.readLine().startsWith("250 ")) {
                // the LHLO reply's lines
            }
            closing.close(Duration.ofSeconds(5));
            assertTrue(in.readLine().startsWith("421 4.3.2"));
            assertNull(in.readLine());
        }
    }

    static void replay(int port, List<String> script) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            int n = 0;
            for (String line : script) {
                n++;
                if (line.startsWith("C:")) {
                    String c = line.length() > 3 ? line.substring(3) : "";
                    if (c.startsWith("RAW ")) {
                        String[] p = c.split(" ", 3);
                        byte[] raw = p[2].replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
                        assertEquals(Integer.parseInt(p[1]), raw.length, "line " + n + ": RAW length");
                        out.write(raw);
                    } else if (c.startsWith("LONG ")) {
                        out.write(("NOOP " + "x".repeat(Integer.parseInt(c.substring(5))) + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write((c + "\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                } else if (line.startsWith("S:")) {
                    String got = in.readLine();
                    assertNotNull(got, "line " + n + ": connection closed, expected " + line);
                    assertTrue(got.matches(line.substring(3)), "line " + n + ": expected " + line.substring(3) + ", got " + got);
                }
            }
        }
    }
}
