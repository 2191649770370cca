package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Large literals: a multi-megabyte APPEND comes back byte for byte (RFC 9051 6.3.12: the message is stored as
 * sent), with RFC822.SIZE its length; command lines beyond the limit end the connection.
 */
class ImapLiteralTest {

    private static ImapFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void multiMegabyteAppendIsReturnedByteExact() throws Exception {
        appendAndFetch(withAttachment(5 << 20), "Big");
    }

    @Test
    // A text body longer than PR_BODY may hold is cut in the MAPI message; the kept original, and so FETCH, is whole.
    void multiMegabyteTextBodyAppend() throws Exception {
        appendAndFetch(bigTextMessage(5 << 20), "BigText");
    }

    private static void appendAndFetch(byte[] message, String folder) throws IOException {
        try (ImapClient c = ImapClient.login(fixture.port(), "bob")) {
            c.ok("CREATE " + folder);
            String tag = c.tag();
            c.s.send(tag + " APPEND " + folder + " {" + message.length + "}");
            c.s.expect("\\+ .*");
            c.s.sendRaw(message);
            c.s.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            String done = c.responses(tag).getLast();
            assertTrue(done.matches(tag + " OK \\[APPENDUID \\d+ \\d+\\] APPEND completed\\."), done);

            c.ok("EXAMINE " + folder);
            List<String> size = c.ok("FETCH 1 (RFC822.SIZE)");
            assertEquals("* 1 FETCH (RFC822.SIZE " + message.length + ")", size.get(0));
            String fetch = c.tag();
            c.s.send(fetch + " FETCH 1 (BODY.PEEK[])");
            c.s.expect("\\* 1 FETCH \\(BODY\\[\\] \\{" + message.length + "\\}");
            assertArrayEquals(message, c.s.readBytes(message.length));
            c.s.expect("\\)");
            c.s.expect(fetch + " OK FETCH completed\\.");
            // a partial fetch from the middle
            String partial = c.tag();
            c.s.send(partial + " FETCH 1 (BODY.PEEK[]<3000000.100>)");
            c.s.expect("\\* 1 FETCH \\(BODY\\[\\]<3000000> \\{100\\}");
            byte[] slice = c.s.readBytes(100);
            assertArrayEquals(java.util.Arrays.copyOfRange(message, 3_000_000, 3_000_100), slice);
        }
    }

    @Test
    void commandLineLongerThanTheLimitIsRefusedWithBye() throws Exception {
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            c.ok("SELECT INBOX");
            StringBuilder line = new StringBuilder("x1 SEARCH");
            while (line.length() <= fixture.config.maxLineLength()) {
                line.append(" ALL");
            }
            c.s.sendRaw((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply;
            try {
                reply = c.s.readLine();
            } catch (SocketException e) {
                reply = null; // the server closed with the rest of our line unread: a reset may beat the BYE
            }
            if (reply != null) {
                assertTrue(reply.matches("\\* BYE \\[TOOBIG\\] .+"), reply);
            }
        }
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            c.ok("CAPABILITY");
        }
    }

    /** A short text and a binary attachment, about {@code size} octets in all. */
    private static byte[] withAttachment(int size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(size + 1000);
        b.write(("From: Bob <bob@example.org>\r\nTo: bob@example.org\r\nSubject: big\r\n"
                + "Message-ID: <big-attachment@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"xyz\"\r\n\r\n--xyz\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n--xyz\r\n"
                + "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(42);
        byte[] raw = new byte[size / 4 * 3];
        random.nextBytes(raw);
        b.write(java.util.Base64.getMimeEncoder().encode(raw));
        b.write("\r\n--xyz--\r\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    /** A plain-text message of about {@code size} octets with CRLF lines and some 8-bit content. */
    private static byte[] bigTextMessage(int size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(size + 1000);
        b.write(("From: Bob <bob@example.org>\r\nTo: bob@example.org\r\nSubject: big\r\n"
                + "Message-ID: <big@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(42);
        while (b.size() < size) {
            for (int i = 0; i < 76; i++) {
                b.write(32 + random.nextInt(200) % 95 + (random.nextInt(10) == 0 ? 128 : 0));
            }
            b.write('\r');
            b.write('\n');
        }
        return b.toByteArray();
    }
}
