package org.koppel.gateway.imap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.script.ScriptedSession;

/** Bugs found in org.koppel.gateway.imap.syntax, over a real session: the input and the answer RFC 9051 requires. */
class ImapParserBugsTest {

    private static ImapFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** A date cut short at the line end must not swallow the CRLF, or the error recovery takes the next command. */
    @Test
    void truncatedDateDoesNotSwallowTheNextCommand() throws Exception {
        try (ScriptedSession s = ScriptedSession.connect("127.0.0.1", fixture.port())) {
            s.expect("\\* OK .+");
            s.send("a0 LOGIN alice alice-pw");
            s.expect("a0 OK .+");
            s.send("a1 SELECT INBOX");
            s.readUntil("a1 OK .+");
            s.sendRaw("a2 SEARCH SINCE 01-J\r\na3 NOOP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.expect("a2 BAD .+");
            s.expect("a3 OK NOOP completed\\.");
            s.sendRaw("a4 SEARCH SENTBEFORE 1-Ja\r\na5 NOOP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.expect("a4 BAD .+");
            s.expect("a5 OK NOOP completed\\.");
            s.sendRaw("a6 APPEND INBOX \"05-M\r\na7 NOOP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.expect("a6 BAD .+");
            s.expect("a7 OK NOOP completed\\.");
        }
    }
}
