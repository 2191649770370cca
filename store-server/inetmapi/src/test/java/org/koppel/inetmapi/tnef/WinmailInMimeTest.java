package org.koppel.inetmapi.tnef;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;

/** A mail from Outlook with a winmail.dat: MimeReader takes body and attachments out of the TNEF. */
class WinmailInMimeTest {

    private static byte[] mail(byte[] winmail) {
        String head = "From: Outlook User <out@example.org>\r\nTo: bob@example.org\r\nSubject: Quarterly numbers\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"W\"\r\n\r\n--W\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nplain stub\r\n--W\r\n"
                + "Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"winmail.dat\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(winmail) + "\r\n--W--\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    private static Object value(MessageContent m, org.koppel.mapi.PropTag t) {
        return m.properties().stream().filter(v -> v.tag().equals(t)).map(PropValue::javaValue).findFirst().orElse(null);
    }

    private static String name(AttachmentContent a) {
        return a.properties().stream().filter(v -> v.tag().equals(PropTags.PR_ATTACH_LONG_FILENAME)
                || v.tag().equals(PropTags.PR_DISPLAY_NAME)).map(v -> (String) v.javaValue()).findFirst().orElse("");
    }

    @Test
    void theTnefBodyAndAttachmentsBecomeTheMessages() throws Exception {
        byte[] data = "%PDF report".getBytes(StandardCharsets.US_ASCII);
        MimeReader reader = new MimeReader(new LocalNamedTags());
        try (ConvertedMessage c = reader.read(new ByteArrayInputStream(mail(TnefReaderTest.fullMessage(data))),
                Instant.EPOCH)) {
            MessageContent m = c.content();
            assertEquals("Quarterly numbers", value(m, PropTags.PR_SUBJECT));
            assertNotNull(value(m, PropTags.PR_HTML), "the HTML body from the compressed RTF");
            List<String> names = m.attachments().stream().map(WinmailInMimeTest::name).toList();
            assertFalse(names.contains("winmail.dat"), names.toString());
            AttachmentContent pdf = m.attachments().stream().filter(a -> name(a).equals("Quarterly report 2026.pdf"))
                    .findFirst().orElseThrow(() -> new AssertionError(names.toString()));
            try (InputStream in = ((AttachmentContent.ByValue) pdf).data().open()) {
                assertArrayEquals(data, in.readAllBytes());
            }
            assertTrue(m.attachments().stream().anyMatch(a -> a instanceof AttachmentContent.Embedded),
                    "the embedded message too");
        }
    }

    @Test
    void aBrokenWinmailDatStaysAnAttachment() throws Exception {
        byte[] broken = TnefReaderTest.fullMessage("x".getBytes(StandardCharsets.US_ASCII));
        broken[broken.length / 2] ^= 0x5A;
        try (ConvertedMessage c = new MimeReader(new LocalNamedTags()).read(new ByteArrayInputStream(mail(broken)),
                Instant.EPOCH)) {
            assertFalse(c.fallback());
            assertEquals("plain stub", value(c.content(), PropTags.PR_BODY).toString().strip());
            AttachmentContent kept = c.content().attachments().get(0);
            assertEquals("winmail.dat", name(kept));
            try (InputStream in = ((AttachmentContent.ByValue) kept).data().open()) {
                assertArrayEquals(broken, in.readAllBytes(), "nothing lost");
            }
        }
    }
}
