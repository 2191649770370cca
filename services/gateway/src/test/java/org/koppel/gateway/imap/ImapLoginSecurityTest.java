package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.script.ScriptedSession;

/**
 * disable_plaintext_auth (RFC 9051 6.2 LOGINDISABLED, RFC 5530 PRIVACYREQUIRED), STARTTLS (RFC 9051 6.2.1:
 * what was pipelined in plaintext is discarded), implicit TLS, and the throttle after failed logins.
 */
class ImapLoginSecurityTest {

    @Test
    void passwordsOnlyUnderTls() throws Exception {
        try (ImapFixture f = ImapFixture.start(c -> c.withDisablePlaintextAuth(true));
                ScriptedSession s = ScriptedSession.connect("127.0.0.1", f.port())) {
            String greeting = s.expect("\\* OK \\[CAPABILITY IMAP4rev1 IMAP4rev2 .*STARTTLS LOGINDISABLED\\] .+");
            assertFalse(greeting.contains("AUTH="), greeting);
            s.send("a1 LOGIN alice alice-pw");
            s.expect("a1 NO \\[PRIVACYREQUIRED\\] .+");
            s.send("a2 AUTHENTICATE PLAIN AGFsaWNlAGFsaWNlLXB3");
            s.expect("a2 NO \\[PRIVACYREQUIRED\\] .+");
            // STARTTLS with a LOGIN pipelined behind it in plaintext: the LOGIN must never run
            s.sendRaw("a3 STARTTLS\r\na4 LOGIN alice alice-pw\r\n".getBytes(StandardCharsets.US_ASCII));
            s.expect("a3 OK .+");
            s.startTls();
            s.send("a5 CAPABILITY");
            String caps = s.expect("\\* CAPABILITY IMAP4rev1 IMAP4rev2 .*AUTH=PLAIN.*");
            assertFalse(caps.contains("STARTTLS") || caps.contains("LOGINDISABLED"), caps);
            s.expect("a5 OK .+");
            s.send("a6 SELECT INBOX");
            s.expect("a6 BAD .+");
            s.send("a7 STARTTLS");
            s.expect("a7 BAD .+");
            s.send("a8 LOGIN alice alice-pw");
            s.expect("a8 OK \\[CAPABILITY [^\\]]+\\] Logged in\\.");
            s.send("a9 LOGOUT");
            s.expect("\\* BYE .+");
            s.expect("a9 OK .+");
        }
    }

    @Test
    void implicitTlsAllowsPasswords() throws Exception {
        try (ImapFixture f = ImapFixture.start(c -> c.withDisablePlaintextAuth(true));
                ScriptedSession s = ScriptedSession.connectTls("127.0.0.1", f.server.tlsPort())) {
            String greeting = s.expect("\\* OK \\[CAPABILITY .*AUTH=PLAIN AUTH=LOGIN\\] .+");
            assertFalse(greeting.contains("STARTTLS"), greeting);
            s.send("b1 AUTHENTICATE PLAIN");
            s.expect("\\+ ?");
            s.send("AGJvYgBib2ItcHc=");
            s.expect("b1 OK \\[CAPABILITY [^\\]]+\\] Logged in\\.");
        }
    }

    @Test
    void failedLoginsAreThrottled() throws Exception {
        try (ImapFixture f = ImapFixture.start();
                ImapClient c = ImapClient.connect(f.port())) {
            // five failures (loginMaxFailures in tests), then even the right password waits
            for (int i = 0; i < 5; i++) {
                String last = c.command("LOGIN bob wrong").getLast();
                assertTrue(last.matches("\\S+ NO \\[AUTHENTICATIONFAILED\\] .+"), last);
            }
            String refused = c.command("LOGIN bob bob-pw").getLast();
            assertTrue(refused.matches("\\S+ NO \\[UNAVAILABLE\\] .+"), refused);
            // the connection is still usable, and another user is not affected
            c.ok("NOOP");
            try (ImapClient other = ImapClient.login(f.port(), "alice")) {
                other.ok("NOOP");
            }
        }
    }
}
