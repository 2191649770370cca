package org.koppel.inetmapi.mime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/** Hand-made messages that real mail contains and naive parsers get wrong. */
class MimeEdgeCaseTest {

    private final LocalNamedTags names = new LocalNamedTags();
    private final MimeReader reader = new MimeReader(names);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private ConvertedMessage read(String resource) throws IOException {
        return reader.read(getClass().getResourceAsStream("/mime/" + resource), NOW);
    }

    private static Object value(MessageContent m, org.koppel.mapi.PropTag t) {
        return CorpusRoundTripTest.value(m, t);
    }

    private byte[] write(MessageContent m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MimeWriter(names).write(new ContentMessage(m), out);
        return out.toByteArray();
    }

    @Test
    void eightBitHeadersAndUnknownCharsetsAreReadAsWhatTheyAre() throws Exception {
        try (ConvertedMessage c = read("eight-bit-headers.eml")) {
            MessageContent m = c.content();
            assertEquals("Café ohne Kodierung", value(m, PropTags.PR_SUBJECT));
            assertEquals("Jörg", value(m, PropTags.PR_SENT_REPRESENTING_NAME), "RFC 2047 in a display name");
            assertEquals("Grüße aus Köln", CorpusRoundTripTest.text(value(m, PropTags.PR_BODY)));
            assertEquals(List.of("ann@example.org", "bob@example.org"),
                    m.recipients().stream().map(Recipient::email).toList());
            assertEquals("Jörg list", value(m, PropTags.PR_REPLY_RECIPIENT_NAMES));
            String out = new String(write(m), StandardCharsets.US_ASCII);
            assertTrue(out.contains("Subject: =?"), "written back encoded, 7-bit clean:\n" + out);
            assertTrue(out.contains("<list@example.org>") && out.contains("Reply-To: =?"), out);
            try (ConvertedMessage again = reader.read(new ByteArrayInputStream(write(m)), NOW)) {
                assertEquals("Jörg list", value(again.content(), PropTags.PR_REPLY_RECIPIENT_NAMES));
            }
            assertTrue(out.chars().allMatch(ch -> ch < 0x80), "nothing 8-bit leaves the writer");
        }
        try (ConvertedMessage c = read("latin1-mislabelled.eml")) {
            assertEquals("Köln und München", CorpusRoundTripTest.text(value(c.content(), PropTags.PR_BODY)),
                    "labelled UTF-8 but Latin-1: repaired");
        }
    }

    /**
     * A plain-text body of more characters than PR_BODY may hold (the store refuses a property over 8 MiB, two
     * bytes a character) is cut with a note instead of failing the whole message; the kept original is whole.
     */
    @Test
    void aHugeTextBodyIsCutNotRefused() throws Exception {
        StringBuilder mime = new StringBuilder("From: a@example.org\r\nTo: b@example.org\r\nSubject: long\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        String line = "x".repeat(76) + "\r\n";
        while (mime.length() < (5 << 20)) {
            mime.append(line);
        }
        byte[] bytes = mime.toString().getBytes(StandardCharsets.US_ASCII);
        try (ConvertedMessage c = reader.keepingOriginal().read(new ByteArrayInputStream(bytes), NOW)) {
            String body = CorpusRoundTripTest.text(value(c.content(), PropTags.PR_BODY));
            assertTrue(body.length() < MimeReader.MAX_PR_BODY_CHARS + 200, "cut to what the store holds");
            assertTrue(body.contains("the original message is complete.]"), "and says so");
            try (java.io.InputStream in = c.original().open()) {
                assertArrayEquals(bytes, in.readAllBytes(), "the original keeps every byte");
            }
        }
    }

    @Test
    void localUsersAreNamedAsTheStoreKnowsThem() throws Exception {
        org.koppel.store.client.UserInfo ann = new org.koppel.store.client.UserInfo(7, "ann", "Ann Archer",
                "ann.archer@example.org", List.of("ann@example.org"), false, org.koppel.store.client.UserKind.USER, true,
                java.util.Set.of());
        org.koppel.inetmapi.AddressBook book = address -> address.equalsIgnoreCase("ann@example.org")
                ? java.util.Optional.of(ann) : java.util.Optional.empty();
        MimeReader resolving = new MimeReader(MimeLimits.defaults(), names, MimeReader.DEFAULT_KEPT_HEADERS, book);
        try (ConvertedMessage c = resolving.read(getClass().getResourceAsStream("/mime/eight-bit-headers.eml"), NOW)) {
            Recipient first = c.content().recipients().get(0);
            assertEquals("Ann Archer", first.displayName(), "the directory's full name");
            assertEquals("ann.archer@example.org", first.email(), "the primary address, not the alias used");
            assertEquals("bob@example.org", c.content().recipients().get(1).email(), "strangers stay as written");
        }
    }

    @Test
    void rfc2231FileNamesAndAMissingFinalBoundary() throws Exception {
        try (ConvertedMessage c = read("rfc2231-no-final-boundary.eml")) {
            assertFalse(c.fallback());
            MessageContent m = c.content();
            assertEquals("see attached", CorpusRoundTripTest.text(value(m, PropTags.PR_BODY)));
            assertEquals(2, m.attachments().size(), m.attachments().toString());
            AttachmentContent pdf = m.attachments().get(0);
            assertEquals("Grüße und viele Äpfel.pdf", pdf.properties().stream()
                    .filter(v -> v.tag().equals(PropTags.PR_ATTACH_LONG_FILENAME)).findFirst().orElseThrow().javaValue());
            try (InputStream in = ((AttachmentContent.ByValue) pdf).data().open()) {
                assertEquals("%PDF-1.4\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            String out = new String(write(m), StandardCharsets.US_ASCII);
            assertTrue(out.contains("filename*=utf-8''Gr%C3%BC%C3%9Fe"), out);
        }
    }

    @Test
    void formatFlowedIsJoined() throws Exception {
        try (ConvertedMessage c = read("flowed.eml")) {
            assertEquals("This is a long paragraph that was wrapped.\n> quoted text\n-- \nsig",
                    CorpusRoundTripTest.text(value(c.content(), PropTags.PR_BODY)).replace("\r\n", "\n"));
        }
    }

    @Test
    void aSignedMessageStaysVerifiable() throws Exception {
        byte[] original = getClass().getResourceAsStream("/mime/smime-signed.eml").readAllBytes();
        try (ConvertedMessage c = read("smime-signed.eml")) {
            MessageContent m = c.content();
            assertEquals("IPM.Note.SMIME.MultipartSigned", value(m, PropTags.PR_MESSAGE_CLASS));
            assertEquals("signed text", CorpusRoundTripTest.text(value(m, PropTags.PR_BODY)), "readable");
            assertArrayEquals(original, write(m), "written back byte for byte: the signature still verifies");
        }
    }

    @Test
    void anEncryptedMessageGoesOutAsItsPkcs7Object() throws Exception {
        try (ConvertedMessage c = read("smime-encrypted.eml")) {
            MessageContent m = c.content();
            assertEquals("IPM.Note.SMIME", value(m, PropTags.PR_MESSAGE_CLASS));
            byte[] blob;
            try (InputStream in = ((AttachmentContent.ByValue) m.attachments().get(0)).data().open()) {
                blob = in.readAllBytes();
            }
            assertEquals(1024, blob.length);
            String out = new String(write(m), StandardCharsets.US_ASCII);
            assertTrue(out.contains("Content-Type: application/pkcs7-mime; smime-type=enveloped-data"), out);
            try (ConvertedMessage again = reader.read(new ByteArrayInputStream(write(m)), NOW)) {
                assertEquals("IPM.Note.SMIME", value(again.content(), PropTags.PR_MESSAGE_CLASS));
                try (InputStream in = ((AttachmentContent.ByValue) again.content().attachments().get(0)).data().open()) {
                    assertArrayEquals(blob, in.readAllBytes(), "the encrypted object unchanged");
                }
            }
        }
    }

    @Test
    void inlineImagesStayBesideTheirHtml() throws Exception {
        try (ConvertedMessage c = read("html-inline-image.eml")) {
            MessageContent m = c.content();
            assertTrue(new String((byte[]) value(m, PropTags.PR_HTML), StandardCharsets.UTF_8).contains("cid:img1"));
            assertEquals("Look:", CorpusRoundTripTest.text(value(m, PropTags.PR_BODY)), "text made from the HTML");
            AttachmentContent img = m.attachments().get(0);
            assertTrue(img.properties().stream().anyMatch(v -> v.tag().equals(PropTags.PR_ATTACHMENT_HIDDEN)));
            String out = new String(write(m), StandardCharsets.US_ASCII);
            assertTrue(out.contains("multipart/related"), out);
            assertTrue(out.contains("Content-ID: <img1@example.org>"), out);
        }
    }

    @Test
    void imipPartsMakeMeetingMessagesAndGoBackOut() throws Exception {
        org.koppel.mapi.PropTag start = names.resolve(org.koppel.mapi.NamedTags.APPOINTMENT_START_WHOLE);
        try (ConvertedMessage c = read("imip-request.eml")) {
            MessageContent m = c.content();
            assertEquals("IPM.Schedule.Meeting.Request", value(m, PropTags.PR_MESSAGE_CLASS));
            assertEquals(Instant.parse("2026-12-01T14:00:00Z"), value(m, start), "the event's start");
            assertEquals("Invitation: Planning", value(m, PropTags.PR_SUBJECT), "the mail's subject stays");
            assertEquals("Let us plan.", CorpusRoundTripTest.text(value(m, PropTags.PR_BODY)));
            assertTrue(m.attachments().isEmpty(), "the calendar part became the meeting, not an attachment");
            String out = new String(write(m), StandardCharsets.UTF_8);
            assertTrue(out.contains("text/calendar; method=REQUEST"), out);
            assertTrue(out.contains("METHOD:REQUEST"), out);
            assertTrue(out.contains("UID:meeting-42@example.org"), out);
            try (ConvertedMessage again = reader.read(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)), NOW)) {
                assertEquals("IPM.Schedule.Meeting.Request", value(again.content(), PropTags.PR_MESSAGE_CLASS));
                assertEquals(Instant.parse("2026-12-01T14:00:00Z"), value(again.content(), start));
            }
        }
        try (ConvertedMessage c = read("imip-reply.eml")) {
            assertEquals("IPM.Schedule.Meeting.Resp.Pos", value(c.content(), PropTags.PR_MESSAGE_CLASS));
            String reply = new String(write(c.content()), StandardCharsets.UTF_8);
            assertTrue(reply.contains("METHOD:REPLY"), reply);
            String unfolded = reply.replace("\r\n ", "");
            assertEquals(1, unfolded.split("\r\nATTENDEE").length - 1, "only the replier:\n" + reply);
            assertTrue(unfolded.contains("PARTSTAT=ACCEPTED") && unfolded.toLowerCase().contains("mailto:ann@example.org"),
                    reply);
        }
        try (ConvertedMessage c = read("imip-cancel.eml")) {
            assertEquals("IPM.Schedule.Meeting.Canceled", value(c.content(), PropTags.PR_MESSAGE_CLASS));
            assertTrue(new String(write(c.content()), StandardCharsets.UTF_8).contains("METHOD:CANCEL"));
        }
    }

    @Test
    void theOriginalIsKeptAndWrittenBackByteForByte() throws Exception {
        byte[] original = getClass().getResourceAsStream("/mime/rfc2231-no-final-boundary.eml").readAllBytes();
        try (ConvertedMessage c = reader.keepingOriginal().read(new ByteArrayInputStream(original), NOW)) {
            MessageContent m = c.content();
            assertEquals(3, m.attachments().size(), "the two parts and the hidden original");
            ByteArrayOutputStream exact = new ByteArrayOutputStream();
            new MimeWriter(names).writeOriginalOrNew(new ContentMessage(m), exact);
            assertArrayEquals(original, exact.toByteArray(), "IMAP's BODY[] is the message as received");
            String fresh = new String(write(m), StandardCharsets.UTF_8);
            assertFalse(fresh.contains("original.eml"), "new MIME does not carry the kept original");
            try (ConvertedMessage again = reader.read(new ByteArrayInputStream(fresh.getBytes(StandardCharsets.UTF_8)),
                    NOW)) {
                assertEquals(2, again.content().attachments().size());
            }
        }
    }

    @Test
    void nestingPastTheLimitFallsBackToTheOriginalAsAnAttachment() throws Exception {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nTo: b@example.org\r\nSubject: deep\r\n");
        for (int i = 0; i < 100; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\nbottom\r\n");
        for (int i = 99; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        byte[] raw = sb.toString().getBytes(StandardCharsets.US_ASCII);
        try (ConvertedMessage c = reader.read(new ByteArrayInputStream(raw), NOW)) {
            assertTrue(c.fallback(), "past 32 levels");
            assertEquals("deep", value(c.content(), PropTags.PR_SUBJECT));
            AttachmentContent.ByValue original = (AttachmentContent.ByValue) c.content().attachments().get(0);
            try (InputStream in = original.data().open()) {
                assertArrayEquals(raw, in.readAllBytes(), "nothing lost");
            }
        }
    }

    @Test
    void aFiftyMegabyteAttachmentStreamsThroughBothWays() throws Exception {
        int size = 50 << 20;
        String head = "From: a@example.org\r\nTo: b@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nbig one\r\n"
                + "--B\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        InputStream body = base64Of(size);
        InputStream mime = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), body,
                new ByteArrayInputStream("\r\n--B--\r\n".getBytes(StandardCharsets.US_ASCII)))));
        try (ConvertedMessage c = reader.read(mime, NOW)) {
            AttachmentContent.ByValue big = (AttachmentContent.ByValue) c.content().attachments().get(0);
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            try (InputStream in = pattern(size)) {
                in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), expected));
            }
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            try (InputStream in = big.data().open()) {
                in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), got));
            }
            assertArrayEquals(expected.digest(), got.digest());
            java.io.File written = java.io.File.createTempFile("koppel-big", ".eml");
            try {
                try (var out = new java.io.FileOutputStream(written)) {
                    new MimeWriter(names).write(new ContentMessage(c.content()), out);
                }
                assertTrue(written.length() > size, "the attachment was written out");
                try (ConvertedMessage again = reader.read(new java.io.FileInputStream(written), NOW)) {
                    MessageDigest back = MessageDigest.getInstance("SHA-256");
                    try (InputStream in = ((AttachmentContent.ByValue) again.content().attachments().get(0)).data().open()) {
                        in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), back));
                    }
                    MessageDigest expected2 = MessageDigest.getInstance("SHA-256");
                    try (InputStream in = pattern(size)) {
                        in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), expected2));
                    }
                    assertArrayEquals(expected2.digest(), back.digest(), "and read back the same");
                }
            } finally {
                written.delete();
            }
        }
    }

    private static InputStream base64Of(int size) throws IOException {
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 16);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream(in);
        Thread.ofVirtual().start(() -> {
            try (var enc = java.util.Base64.getMimeEncoder().wrap(pipe); InputStream src = pattern(size)) {
                src.transferTo(enc);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return in;
    }

    private static InputStream pattern(int size) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < size ? (pos++ * 131 + 17) & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((pos++ * 131 + 17) & 0xFF);
                }
                return n;
            }
        };
    }
}
