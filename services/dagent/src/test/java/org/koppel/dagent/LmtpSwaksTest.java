package org.koppel.dagent;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.WellKnownFolder;

/**
 * LMTP from swaks (a real, independent SMTP/LMTP client over a real socket) into a real store engine: plain,
 * pipelined, mixed recipients, over the size limit. Skipped with a message when swaks is not installed (CI
 * installs it). What was delivered is read back through the session API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmtpSwaksTest {

    private DagentFixture f;
    private LmtpServer lmtp;
    private LmtpServer small;

    @BeforeAll
    void start() throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v swaks").redirectErrorStream(true).start();
        boolean present = which.waitFor() == 0;
        if (!present) {
            System.err.println("SKIPPED: LmtpSwaksTest needs swaks (apt-get install swaks)");
        }
        Assumptions.assumeTrue(present, "swaks is not installed (apt-get install swaks)");
        f = DagentFixture.start();
        lmtp = f.lmtp(f.config());
        small = f.lmtp(f.config().withMaxMessageSize(100_000));
    }

    @AfterAll
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void dataFileIsDeliveredByteExact() throws Exception {
        Path eml = resource("plain.eml");
        Swaks r = swaks(lmtp, "--to", "alice@example.org", "--from", "sender@example.net", "--data", eml.toString());
        assertEquals(0, r.exit, r.transcript);
        assertTrue(r.transcript.contains("<-  250 2.0.0 <alice@example.org> delivered (Inbox)"), r.transcript);
        MessageData m = only("alice", "Sent with swaks");
        assertEquals("<swaks-1@example.net>", DagentFixture.value(m, PropTags.PR_INTERNET_MESSAGE_ID));
        // swaks sends CRLF "." CRLF after the file even when the file ends with CRLF: one empty line more.
        assertEquals(Files.readString(eml, StandardCharsets.US_ASCII) + "\r\n",
                new String(f.original(m), StandardCharsets.US_ASCII), "the original is kept as it came");
    }

    @Test
    void pipelinedMixedRecipientsGetOneReplyPerAcceptedRecipient() throws Exception {
        Swaks r = swaks(lmtp, "--pipeline", "--to", "bob@example.org,nobody@example.org,al@example.org",
                "--from", "sender@example.net", "--header", "Subject: Pipelined from swaks");
        assertTrue(r.transcript.contains("PIPELINING"), r.transcript);
        assertTrue(r.transcript.contains("550 5.1.1"), "the unknown recipient is refused at RCPT: " + r.transcript);
        assertTrue(r.transcript.contains("250 2.0.0 <bob@example.org> delivered (Inbox)"), r.transcript);
        assertTrue(r.transcript.contains("250 2.0.0 <al@example.org> delivered (Inbox)"), r.transcript);
        assertEquals(1, subjects("bob", "Pipelined from swaks").size());
        assertEquals(1, subjects("alice", "Pipelined from swaks").size(), "al@ is alice's alias");
    }

    @Test
    void unknownRecipientAloneIsRefused() throws Exception {
        Swaks r = swaks(lmtp, "--to", "nobody@example.org", "--from", "sender@example.net");
        assertNotEquals(0, r.exit, r.transcript);
        assertTrue(r.transcript.contains("550 5.1.1"), r.transcript);
    }

    @Test
    void overTheSizeLimitIsRefusedAfterData() throws Exception {
        Path big = f.dir().resolve("swaks-big.eml");
        StringBuilder s = new StringBuilder("From: sender@example.net\r\nSubject: too big for swaks\r\n\r\n");
        while (s.length() < 150_000) {
            s.append("0123456789".repeat(7)).append("\r\n");
        }
        Files.writeString(big, s, StandardCharsets.US_ASCII);
        Swaks r = swaks(small, "--to", "bob@example.org", "--from", "sender@example.net", "--data", big.toString());
        assertNotEquals(0, r.exit, r.transcript);
        assertTrue(r.transcript.contains("552 5.3.4"), r.transcript);
        assertEquals(0, subjects("bob", "too big for swaks").size());
    }

    private record Swaks(int exit, String transcript) {
    }

    private static Swaks swaks(LmtpServer server, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("swaks", "--protocol", "LMTP", "--server",
                "127.0.0.1:" + server.port(), "--helo", "swaks.test", "--timeout", "60"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "swaks did not finish");
        return new Swaks(p.exitValue(), out);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(LmtpSwaksTest.class.getResource("/lmtp/swaks/" + name).toURI());
    }

    private MessageData only(String login, String subject) {
        List<MessageData> found = subjects(login, subject);
        assertEquals(1, found.size(), subject);
        return found.get(0);
    }

    private List<MessageData> subjects(String login, String subject) {
        return f.messages(login, WellKnownFolder.INBOX).stream()
                .filter(m -> subject.equals(DagentFixture.value(m, PropTags.PR_SUBJECT))).toList();
    }
}
