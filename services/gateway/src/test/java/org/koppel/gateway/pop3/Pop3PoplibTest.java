package org.koppel.gateway.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Python's poplib, a client we did not write, against the server: STLS, USER/PASS, STAT, LIST, UIDL, RETR
 * (byte for byte against the delivered MIME), TOP, DELE, QUIT, then POP3_SSL on the implicit-TLS port.
 */
class Pop3PoplibTest {

    @Test
    void poplibSession() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        probe.getInputStream().readAllBytes();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3 does not run");
        Path dir = Pop3Fixture.messagesDir();
        try (Pop3Fixture f = Pop3Fixture.start();
                Pop3Server server = Pop3Server.start(f.config(), f.engine)) {
            Process p = new ProcessBuilder("python3", dir.getParent().resolve("poplib_client.py").toString(),
                    "127.0.0.1", String.valueOf(server.port()), String.valueOf(server.tlsPort()), "alice", "alice-pw",
                    dir.toString(), String.valueOf(Pop3Fixture.MESSAGES.size())).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "poplib finished");
            assertEquals(0, p.exitValue(), output);
            assertEquals(List.of("Grüße with an attachment", "third"), f.inboxSubjects("alice"),
                    "message 1 is gone from the store");
        }
    }
}
