package org.koppel.gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.GatewayConfig.ListenAddress;
import org.koppel.gateway.script.ScriptedSession;

/** The listener over real sockets: plain, STARTTLS, implicit TLS, the connection limit, idle timeout, close. */
class ProtocolListenerTest {

    private static final ListenAddress ANY = new ListenAddress("127.0.0.1", 0);

    @TempDir
    static Path data;
    static SSLContext tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = GatewayTls.context(GatewayConfig.forTests(data));
    }

    /** Echoes lines; STARTTLS answers OK and starts TLS; QUIT ends the session. */
    private static void echo(Connection c) throws IOException {
        c.out().write(("HELLO " + (c.secure() ? "secure" : "plain") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        c.out().flush();
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = c.in().read();
            if (b < 0) {
                return;
            }
            if (b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
                continue;
            }
            String l = line.toString();
            line.setLength(0);
            if (l.equals("QUIT")) {
                return;
            }
            if (l.equals("STARTTLS")) {
                c.out().write("OK begin TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                c.startTls();
                continue;
            }
            c.out().write(("ECHO " + l + " " + c.secure() + " " + c.canStartTls() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            c.out().flush();
        }
    }

    @Test
    void plainThenStartTls() throws Exception {
        try (ProtocolListener l = ProtocolListener.start(ListenerOptions.plain("test", ANY, Optional.of(tls), "BUSY",
                Duration.ofMinutes(1)), new ConnectionLimit(10), ProtocolListenerTest::echo);
                ScriptedSession s = ScriptedSession.connect("127.0.0.1", l.port())) {
            s.expect("HELLO plain");
            s.send("one");
            s.expect("ECHO one false true");
            // Pipelined plaintext after STARTTLS is dropped, never read as if it came under TLS.
            s.sendRaw("STARTTLS\r\ninjected\r\n".getBytes(StandardCharsets.US_ASCII));
            s.expect("OK begin TLS");
            s.startTls();
            s.send("two");
            s.expect("ECHO two true false");
            s.send("QUIT");
            s.expectClosed();
        }
    }

    @Test
    void implicitTls() throws Exception {
        try (ProtocolListener l = ProtocolListener.start(ListenerOptions.implicitTls("tests", ANY, tls, "BUSY",
                Duration.ofMinutes(1)), new ConnectionLimit(10), ProtocolListenerTest::echo);
                ScriptedSession s = ScriptedSession.connectTls("127.0.0.1", l.port())) {
            s.expect("HELLO secure");
            s.send("x");
            s.expect("ECHO x true false");
        }
    }

    @Test
    void oneOverTheLimitIsRefused() throws Exception {
        ConnectionLimit limit = new ConnectionLimit(2);
        try (ProtocolListener l = ProtocolListener.start(ListenerOptions.plain("test", ANY, Optional.empty(),
                "-ERR [SYS/TEMP] too many connections", Duration.ofMinutes(1)), limit, ProtocolListenerTest::echo);
                ScriptedSession a = ScriptedSession.connect("127.0.0.1", l.port());
                ScriptedSession b = ScriptedSession.connect("127.0.0.1", l.port())) {
            a.expect("HELLO plain");
            b.expect("HELLO plain");
            try (ScriptedSession c = ScriptedSession.connect("127.0.0.1", l.port())) {
                c.expect("-ERR \\[SYS/TEMP\\] too many connections");
                c.expectClosed();
            }
            a.send("QUIT");
            a.expectClosed();
            // The slot is free again once the session has ended.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (limit.inUse() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try (ScriptedSession d = ScriptedSession.connect("127.0.0.1", l.port())) {
                d.expect("HELLO plain");
            }
        }
    }

    @Test
    void aProtocolsListenersShareOneLimit() throws Exception {
        ConnectionLimit limit = new ConnectionLimit(1);
        try (ProtocolListener plain = ProtocolListener.start(ListenerOptions.plain("test", ANY, Optional.empty(),
                "BUSY", Duration.ofMinutes(1)), limit, ProtocolListenerTest::echo);
                ProtocolListener tlsListener = ProtocolListener.start(ListenerOptions.implicitTls("tests", ANY, tls,
                        "BUSY", Duration.ofMinutes(1)), limit, ProtocolListenerTest::echo);
                ScriptedSession a = ScriptedSession.connect("127.0.0.1", plain.port())) {
            // The first connection holds the one slot before the second is made: the two acceptors would race.
            a.expect("HELLO plain");
            try (ScriptedSession b = ScriptedSession.connectTls("127.0.0.1", tlsListener.port())) {
                b.expect("BUSY");
                b.expectClosed();
            }
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (ProtocolListener l = ProtocolListener.start(ListenerOptions.plain("test", ANY, Optional.empty(), "BUSY",
                Duration.ofMillis(300)), new ConnectionLimit(10), ProtocolListenerTest::echo);
                ScriptedSession s = ScriptedSession.connect("127.0.0.1", l.port())) {
            s.expect("HELLO plain");
            s.expectClosed();
        }
    }

    @Test
    void closeEndsOpenSessionsAndStopsAccepting() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        ProtocolListener l = ProtocolListener.start(ListenerOptions.plain("test", ANY, Optional.empty(), "BUSY",
                Duration.ofMinutes(1)), new ConnectionLimit(10), c -> {
                    try {
                        echo(c);
                    } finally {
                        ended.countDown();
                    }
                });
        try (ScriptedSession s = ScriptedSession.connect("127.0.0.1", l.port())) {
            s.expect("HELLO plain");
            l.close();
            s.expectClosed();
            assertTrue(ended.await(5, TimeUnit.SECONDS), "the session ended");
        }
        assertEquals(0, l.openConnections());
        boolean refused;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", l.port())) {
            refused = socket.getInputStream().read() < 0;
        } catch (IOException e) {
            refused = true;
        }
        assertTrue(refused, "no longer accepting");
    }
}
