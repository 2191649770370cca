package org.koppel.dagent;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.WellKnownFolder;

/**
 * LMTP from Python's smtplib.LMTP (a real client over a real socket) into a real store engine; every
 * assertion on what was delivered reads the message back through the session API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmtpPythonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DagentFixture f;
    private LmtpServer lmtp;
    private LmtpServer small;

    @BeforeAll
    void start() throws Exception {
        f = DagentFixture.start();
        lmtp = f.lmtp(f.config());
        small = f.lmtp(f.config().withMaxMessageSize(100_000));
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    @Test
    void mixedRecipientsGetOneReplyEachAfterData() throws Exception {
        JsonNode r = run("mixed", lmtp.port());
        assertEquals(250, r.at("/lhlo/0").asInt());
        String lhlo = r.at("/lhlo/1").asText();
        for (String ext : List.of("PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8", "SIZE 67108864",
                "CHUNKING")) {
            assertTrue(lhlo.contains(ext), ext + " in " + lhlo);
        }
        assertFalse(lhlo.contains("STARTTLS"), "no certificate, no STARTTLS");
        assertEquals(List.of(250, 550, 250, 250, 552, 552), codes(r.get("rcpt")));
        assertTrue(r.at("/rcpt/1/1").asText().startsWith("5.1.1"), r.toString());
        assertTrue(r.at("/rcpt/4/1").asText().startsWith("5.2.2"), r.toString());
        assertTrue(r.at("/rcpt/5/1").asText().startsWith("5.2.2"), r.toString());
        // alice, AL (alice's alias) and bob: three replies, each naming its recipient.
        assertEquals(List.of(250, 250, 250), codes(r.get("data")));
        assertTrue(r.at("/data/0/1").asText().contains("<alice@example.org>"), r.toString());
        assertTrue(r.at("/data/1/1").asText().contains("<AL@example.org>"), r.toString());
        assertTrue(r.at("/data/2/1").asText().contains("<bob@example.org>"), r.toString());
        assertEquals(221, r.at("/quit/0").asInt());

        List<MessageData> alice = subjects(f.messages("alice", WellKnownFolder.INBOX), "Lunch on Friday");
        assertEquals(2, alice.size(), "alice is addressed twice (login address and alias): two copies");
        MessageData m = alice.get(0);
        assertEquals("<lunch-1@example.net>", DagentFixture.value(m, PropTags.PR_INTERNET_MESSAGE_ID));
        int flags = (Integer) DagentFixture.value(m, PropTags.PR_MESSAGE_FLAGS);
        assertEquals(0, flags & MessageFlags.MSGFLAG_READ.value(), "delivered unread");
        String body = (String) DagentFixture.value(m, PropTags.PR_BODY);
        assertTrue(body.contains("\n.A line starting with a dot"), body);
        String original = new String(f.original(m), StandardCharsets.UTF_8);
        assertTrue(original.startsWith("From: Sender Person <sender@example.net>\r\n"), original);
        assertTrue(original.contains("\r\n.A line starting with a dot survives dot-stuffing.\r\n"), original);
        // The recipient table names local users as the directory knows them.
        assertTrue(m.recipients().stream().anyMatch(rc -> rc.displayName().equals("Alice Liddell")),
                m.recipients().toString());
        assertEquals(1, subjects(f.messages("bob", WellKnownFolder.INBOX), "Lunch on Friday").size());
        assertEquals(0, f.messages("carol", WellKnownFolder.INBOX).size());
        assertEquals(0, f.messages("dave", WellKnownFolder.INBOX).size());
    }

    @Test
    void pipelinedTransaction() throws Exception {
        JsonNode r = run("pipelined", lmtp.port());
        assertEquals(List.of(250, 250, 550, 250, 354, 250, 250, 250, 221), codes(r.get("replies")));
        assertTrue(r.at("/replies/5/1").asText().contains("<bob@example.org>"));
        assertTrue(r.at("/replies/6/1").asText().contains("<alice@example.org>"));
        assertEquals(1, subjects(f.messages("bob", WellKnownFolder.INBOX), "Pipelined lunch").size());
        assertEquals(1, subjects(f.messages("alice", WellKnownFolder.INBOX), "Pipelined lunch").size());
    }

    @Test
    void oversizedMessageIsRefusedAndTheConnectionStaysUsable() throws Exception {
        JsonNode r = run("oversize", small.port());
        assertTrue(r.at("/lhlo/1").asText().contains("SIZE 100000"));
        assertEquals(552, r.at("/declared/0").asInt());
        assertTrue(r.at("/declared/1").asText().startsWith("5.3.4"));
        assertEquals(List.of(552, 552), codes(r.at("/big/data")), "one reply per recipient");
        assertTrue(r.at("/big/data/0/1").asText().startsWith("5.3.4"));
        assertEquals(List.of(250), codes(r.at("/after/data")));
        assertEquals(221, r.at("/quit/0").asInt());
        assertEquals(0, subjects(f.messages("alice", WellKnownFolder.INBOX), "too big").size());
        assertEquals(1, subjects(f.messages("alice", WellKnownFolder.INBOX), "After the big one").size());
    }

    @Test
    void bareLineFeedsAndNulBytes() throws Exception {
        JsonNode r = run("barelf", lmtp.port());
        assertEquals(List.of(354, 250), codes(r.get("data")));
        MessageData m = subjects(f.messages("alice", WellKnownFolder.INBOX), "bare LF and NUL").get(0);
        byte[] original = f.original(m);
        String text = new String(original, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\r\nfirst line\r\nwith a NUL \u0000 inside\r\n.stuffed dot\r\nlast line\r\n"),
                "bare LF stored as CRLF, the NUL kept, the dot unstuffed: " + text);
        assertFalse(text.matches("(?s).*[^\r]\n.*"), "no bare LF left");
    }

    @Test
    void eightBitHeadersAndSmtpUtf8() throws Exception {
        JsonNode r = run("eightbit", lmtp.port());
        assertEquals(250, r.at("/mail/0").asInt(), r.toString());
        assertEquals(List.of(250), codes(r.get("data")));
        MessageData m = subjects(f.messages("alice", WellKnownFolder.INBOX), "Grüße aus Köln").get(0);
        assertEquals("Jürgen Groß", DagentFixture.value(m, PropTags.PR_SENT_REPRESENTING_NAME));
        assertTrue(((String) DagentFixture.value(m, PropTags.PR_BODY)).contains("Schöne Grüße!"));
    }

    @Test
    void spamGoesToJunkEmailAndHamToTheInbox() throws Exception {
        JsonNode r = run("spam", lmtp.port());
        assertEquals(List.of(250), codes(r.at("/spam/data")));
        assertTrue(r.at("/spam/data/0/1").asText().contains("Junk E-mail"), r.toString());
        assertEquals(List.of(250), codes(r.at("/ham/data")));
        assertEquals(1, subjects(f.messages("alice", WellKnownFolder.JUNK), "You have won").size());
        assertEquals(0, subjects(f.messages("alice", WellKnownFolder.INBOX), "You have won").size());
        assertEquals(1, subjects(f.messages("alice", WellKnownFolder.INBOX), "Minutes").size());
        assertEquals(0, subjects(f.messages("alice", WellKnownFolder.JUNK), "Minutes").size());
    }

    @Test
    void fiftyMegabyteMessageStreamsThroughASmallHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 256L << 20, "the test runs with a small heap (-Xmx192m), not " + maxHeap);
        long started = System.nanoTime();
        JsonNode r = run("big", lmtp.port());
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(List.of(250), codes(r.get("data")), r.toString());
        assertTrue(r.get("size").asLong() > 50_000_000);
        MessageData m = subjects(f.messages("bob", WellKnownFolder.INBOX), "fifty megabytes").get(0);
        AttachmentInfo bin = m.attachments().stream().filter(a -> a.properties().stream().anyMatch(
                p -> p.tag().equals(PropTags.PR_ATTACH_LONG_FILENAME) && "big.bin".equals(p.javaValue())))
                .findFirst().orElseThrow();
        long data;
        try (var in = f.admin.attachments().open(m.entryId(), bin.attachNum())) {
            data = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertEquals(37_500_000, data, "the attachment decoded whole");
        assertEquals(r.get("size").asLong(), f.original(m).length, "the original kept byte for byte");
        System.out.printf("50 MB message: %d bytes delivered over LMTP in %d ms (client included), heap max %d MB%n",
                r.get("size").asLong(), ms, maxHeap >> 20);
    }

    @Test
    void starttlsWhenACertificateIsConfigured() throws Exception {
        Path dir = f.dir();
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "lmtp.key", "-subj", "/CN=localhost", "-days", "2", "-out", "lmtp.crt");
        LmtpServer tls = f.lmtp(f.config().withTls(java.util.Optional.of(
                new DagentConfig.TlsFiles(dir.resolve("lmtp.crt"), dir.resolve("lmtp.key")))));
        JsonNode r = run("starttls", tls.port());
        assertTrue(r.at("/lhlo/1").asText().contains("STARTTLS"), r.toString());
        assertEquals(220, r.at("/starttls/0").asInt());
        assertFalse(r.at("/lhlo_tls/1").asText().contains("STARTTLS"), "not offered again once active");
        assertTrue(r.get("cipher").asText().startsWith("TLSv1."), r.toString());
        assertEquals(List.of(250), codes(r.get("data")));
        assertEquals(1, subjects(f.messages("bob", WellKnownFolder.INBOX), "Lunch over TLS").size());
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static List<MessageData> subjects(List<MessageData> messages, String subject) {
        return messages.stream().filter(m -> subject.equals(DagentFixture.value(m, PropTags.PR_SUBJECT))).toList();
    }

    private static List<Integer> codes(JsonNode replies) {
        List<Integer> out = new ArrayList<>();
        replies.forEach(n -> out.add(n.get(0).asInt()));
        return out;
    }

    private JsonNode run(String scenario, int port) throws Exception {
        Path dir = Path.of(LmtpPythonTest.class.getResource("/lmtp/plain.eml").toURI()).getParent();
        Process p = new ProcessBuilder("python3", dir.resolve("lmtp_client.py").toString(), scenario,
                Integer.toString(port), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), scenario + " did not finish");
        assertEquals(0, p.exitValue(), scenario + " failed: " + new String(out, StandardCharsets.UTF_8));
        return JSON.readTree(out);
    }
}
