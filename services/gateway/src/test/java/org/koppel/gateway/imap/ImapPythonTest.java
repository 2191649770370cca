package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Python's imaplib, a real client library, runs a whole session: STARTTLS, fetches, searches, folders, MOVE. */
class ImapPythonTest {

    private ImapFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void imaplibSession() throws Exception {
        Path python = fixture.python().orElse(null);
        Assumptions.assumeTrue(python != null || !"true".equals(System.getenv("CI")), "python3 is missing");
        Assumptions.assumeTrue(python != null, "python3 is not installed; skipping the imaplib session");
        Path script = Path.of(getClass().getResource("/imap/python/imaplib_session.py").toURI());
        Path messages = Path.of(getClass().getResource("/imap/messages/1.eml").toURI()).getParent();
        Process p = new ProcessBuilder(python.toString(), script.toString(), "127.0.0.1",
                Integer.toString(fixture.port()), Integer.toString(fixture.server.tlsPort()), messages.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "imaplib session finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ok"), output);
    }
}
