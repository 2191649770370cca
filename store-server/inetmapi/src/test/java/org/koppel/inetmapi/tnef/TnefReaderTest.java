package org.koppel.inetmapi.tnef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.koppel.inetmapi.tnef.TnefWriter.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/** Decoding well-formed TNEF: legacy attributes, every property encoding, attachments and embedded messages. */
class TnefReaderTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Instant SENT = Instant.parse("2026-02-17T11:25:35Z");
    private static final Instant RECEIVED = Instant.parse("2026-02-17T11:26:09Z");

    @TempDir
    Path temp;

    private TnefMessage read(byte[] tnef) throws IOException {
        return new TnefReader(TnefLimits.defaults().withTempDir(temp).withMemoryThreshold(1024))
                .read(new ByteArrayInputStream(tnef));
    }

    private static Object value(TnefMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).orElse(null);
    }

    static Object value(List<PropValue> props, PropTag tag) {
        return props.stream().filter(v -> v.tag().equals(tag)).findFirst().map(PropValue::javaValue).orElse(null);
    }

    @Test
    void mapsLegacyAttributesToProperties() throws IOException {
        byte[] tnef = new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_MESSAGE_CLASS, cString("IPM.Microsoft Mail.Note"))
                .attribute(LEVEL_MESSAGE, ATT_FROM, from("Anna Example", "SMTP:anna@example.org"))
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("Gr\u00fc\u00dfe aus K\u00f6ln", CP1252))
                .attribute(LEVEL_MESSAGE, ATT_DATE_SENT, date(utc(SENT)))
                .attribute(LEVEL_MESSAGE, ATT_DATE_RECD, date(utc(RECEIVED)))
                .attribute(LEVEL_MESSAGE, ATT_PRIORITY, le(1, 2))
                .attribute(LEVEL_MESSAGE, ATT_BODY, cString("Hallo,\r\nbis bald.\r\n", CP1252))
                .toBytes();
        try (TnefMessage m = read(tnef)) {
            assertEquals(1252, m.codepage());
            assertEquals("IPM.Note", value(m, PropTags.PR_MESSAGE_CLASS));
            assertEquals("Gr\u00fc\u00dfe aus K\u00f6ln", value(m, PropTags.PR_SUBJECT));
            assertEquals(SENT, value(m, PropTags.PR_CLIENT_SUBMIT_TIME));
            assertEquals(RECEIVED, value(m, PropTags.PR_MESSAGE_DELIVERY_TIME));
            assertEquals(2, value(m, PropTags.PR_IMPORTANCE));
            assertEquals("Hallo,\r\nbis bald.\r\n", value(m, PropTags.PR_BODY));
            assertEquals("Anna Example", value(m, PropTags.PR_SENDER_NAME));
            assertEquals("SMTP", value(m, PropTags.PR_SENDER_ADDRTYPE));
            assertEquals("anna@example.org", value(m, PropTags.PR_SENDER_EMAIL_ADDRESS));
            assertTrue(m.attachments().isEmpty());

            TnefContent c = m.toContent(new LocalNamedTags());
            assertEquals("Hallo,\r\nbis bald.\r\n", c.plainBody().orElseThrow());
            assertTrue(c.htmlBody().isEmpty());
            assertEquals("Anna Example", value(c.properties(), PropTags.PR_SENT_REPRESENTING_NAME));
            assertEquals("anna@example.org", value(c.properties(), PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS));
            assertEquals(null, value(c.properties(), PropTags.PR_BODY), "the body is a piece of its own");
        }
    }

    @Test
    void decodesEveryPropertyEncodingOfAttMapiProps() throws IOException {
        Instant due = Instant.parse("2026-03-01T08:00:00.1234567Z");
        byte[] props = new Props()
                .longValue(0x0036, 2)
                .unicode(0x0037, "\u00dcnic\u00f6de \u2603 subject")
                .string8(0x0E1D, "Caf\u00e9", CP1252)
                .systime(0x0039, due)
                .binary(0x300B, new byte[] {1, 2, 3, 4, 5})
                .bool(0x0029, true)
                .bool(0x0023, false)
                .i2(0x6801, (short) -7)
                .i8(0x6802, 1L << 40)
                .mvUnicode(0x6803, List.of("red", "gr\u00fcn", ""))
                .mvLong(0x6804, List.of(1, -2, 3))
                .namedLong(PropertySets.PSETID_COMMON, 0x8580, 42)
                .namedUnicode(PropertySets.PS_INTERNET_HEADERS, "x-mailer", "Microsoft Outlook 16.0")
                .toBytes();
        // attSubject after attMAPIProps: the encapsulated PT_UNICODE subject still wins, as MS-OXTNEF asks.
        byte[] tnef = new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, props)
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("legacy subject"))
                .toBytes();
        try (TnefMessage m = read(tnef)) {
            assertEquals(2, value(m, PropTags.PR_SENSITIVITY));
            assertEquals("\u00dcnic\u00f6de \u2603 subject", value(m, PropTags.PR_SUBJECT));
            assertEquals("Caf\u00e9", value(m, PropTag.of(0x0E1D, PropType.PT_STRING8)));
            assertEquals(due.minusNanos(due.getNano() % 100), value(m, PropTags.PR_CLIENT_SUBMIT_TIME));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, (byte[]) value(m, PropTags.PR_SEARCH_KEY));
            assertEquals(true, value(m, PropTag.of(0x0029, PropType.PT_BOOLEAN)));
            assertEquals(false, value(m, PropTag.of(0x0023, PropType.PT_BOOLEAN)));
            assertEquals((short) -7, value(m, PropTag.of(0x6801, PropType.PT_I2)));
            assertEquals(1L << 40, value(m, PropTag.of(0x6802, PropType.PT_I8)));
            assertEquals(List.of("red", "gr\u00fcn", ""), value(m, PropTag.of(0x6803, PropType.PT_MV_UNICODE)));
            assertEquals(List.of(1, -2, 3), value(m, PropTag.of(0x6804, PropType.PT_MV_LONG)));
            assertEquals(List.of(
                    new NamedValue(NamedPropTag.byId(PropertySets.PSETID_COMMON, 0x8580, PropType.PT_LONG), 42),
                    new NamedValue(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, "x-mailer",
                            PropType.PT_UNICODE), "Microsoft Outlook 16.0")), m.namedProperties());
            assertFalse(m.properties().stream().anyMatch(v -> v.tag().isNamed()),
                    "the stream's ids for names are not store ids");

            LocalNamedTags names = new LocalNamedTags();
            TnefContent c = m.toContent(names);
            assertEquals("Caf\u00e9", value(c.properties(), PropTag.of(0x0E1D, PropType.PT_UNICODE)),
                    "8-bit strings become PT_UNICODE");
            PropTag common = names.find(NamedPropTag.byId(PropertySets.PSETID_COMMON, 0x8580, PropType.PT_LONG))
                    .orElseThrow();
            assertEquals(42, value(c.properties(), common));
            PropTag mailer = names.find(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, "x-mailer",
                    PropType.PT_UNICODE)).orElseThrow();
            assertEquals("Microsoft Outlook 16.0", value(c.properties(), mailer));
        }
    }

    /** A message with a recipient table, two files, an embedded message and an HTML body in compressed RTF. */
    static byte[] fullMessage(byte[] bigData) {
        byte[] inner = new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_MESSAGE_CLASS, cString("IPM.Note"))
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("Inner subject"))
                .attribute(LEVEL_MESSAGE, ATT_BODY, cString("inner body"))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, cString("DEEP.TXT"))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, "deep data".getBytes(StandardCharsets.US_ASCII))
                .toBytes();
        return new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_MESSAGE_CLASS, cString("IPM.Note"))
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("Quarterly numbers"))
                .attribute(LEVEL_MESSAGE, ATT_RECIP_TABLE, recipientTable(
                        new Props().longValue(0x0C15, 1).unicode(0x3001, "Bob Builder").unicode(0x3002, "SMTP")
                                .unicode(0x3003, "bob@example.org"),
                        new Props().longValue(0x0C15, 2).string8(0x3001, "Carla", CP1252)
                                .unicode(0x39FE, "carla@example.org")))
                .attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, new Props()
                        .binary(0x1009, lzfu(TestFiles.bytes("fromhtml.rtf")))
                        .bool(0x0E1F, true)
                        .toBytes())
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, cString("QUARTE~1.PDF"))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_MODIFY_DATE, date(LocalDateTime.of(2026, 2, 16, 9, 30, 0)))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, bigData)
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACHMENT, new Props()
                        .unicode(0x3707, "Quarterly report 2026.pdf")
                        .unicode(0x370E, "application/pdf")
                        .longValue(0x0E21, 0)
                        .toBytes())
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, cString("NOTESF~1.TXT"))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, "notes\r\n".getBytes(StandardCharsets.US_ASCII))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACHMENT, new Props()
                        .unicode(0x3707, "notes for the meeting.txt")
                        .toBytes())
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACHMENT, new Props()
                        .longValue(0x3705, 5)
                        .unicode(0x3001, "Inner subject")
                        .object(0x3701, IID_IMESSAGE, inner)
                        .toBytes())
                .toBytes();
    }

    private static byte[] content(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodesAttachmentsInOrderWithSpooledDataAndAnEmbeddedMessage() throws IOException {
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        try (TnefMessage m = read(fullMessage(big))) {
            assertEquals(3, m.attachments().size());
            TnefAttachment pdf = m.attachments().get(0);
            assertEquals("QUARTE~1.PDF", pdf.property(PropTags.PR_ATTACH_FILENAME).orElseThrow().javaValue());
            assertEquals("Quarterly report 2026.pdf",
                    pdf.property(PropTags.PR_ATTACH_LONG_FILENAME).orElseThrow().javaValue());
            assertEquals(Instant.parse("2026-02-16T09:30:00Z"),
                    pdf.property(PropTags.PR_LAST_MODIFICATION_TIME).orElseThrow().javaValue());
            assertEquals(1, pdf.property(PropTags.PR_ATTACH_METHOD).orElseThrow().javaValue());
            assertArrayEquals(big, content(pdf.data().orElseThrow().open()));
            assertEquals(1, countFiles(), "300 KB past a 1 KB threshold is spooled to a file");

            TnefAttachment notes = m.attachments().get(1);
            assertArrayEquals("notes\r\n".getBytes(StandardCharsets.US_ASCII), content(notes.data().orElseThrow().open()));

            TnefAttachment forwarded = m.attachments().get(2);
            assertTrue(forwarded.data().isEmpty());
            TnefMessage inner = forwarded.embedded().orElseThrow();
            assertEquals("Inner subject", value(inner, PropTags.PR_SUBJECT));
            assertEquals("inner body", value(inner, PropTags.PR_BODY));
            assertEquals("deep data", new String(content(inner.attachments().get(0).data().orElseThrow().open()),
                    StandardCharsets.US_ASCII));

            assertEquals(2, m.recipients().size());
            assertEquals("Carla", value(m.recipients().get(1).properties(), PropTag.of(0x3001, PropType.PT_STRING8)));
        }
        assertEquals(0, countFiles(), "closing the message deletes its spool files");
    }

    @Test
    void givesThePiecesOfAMapiMessage() throws IOException {
        try (TnefMessage m = read(fullMessage("%PDF-1.7 tiny".getBytes(StandardCharsets.US_ASCII)))) {
            TnefContent c = m.toContent(new LocalNamedTags());
            String html = new String(TestFiles.bytes("fromhtml.html"), StandardCharsets.UTF_8);
            assertEquals(html, c.htmlBody().orElseThrow(), "HTML de-encapsulated from the compressed RTF");
            assertTrue(c.plainBody().isEmpty());
            assertEquals(null, value(c.properties(), PropTags.PR_RTF_COMPRESSED), "encapsulated HTML is not kept as RTF");
            assertEquals(null, value(c.properties(), PropTags.PR_RTF_IN_SYNC));
            assertEquals("Quarterly numbers", value(c.properties(), PropTags.PR_SUBJECT));

            assertEquals(List.of(
                    new Recipient(0, RecipientType.MAPI_TO, "Bob Builder", "bob@example.org", List.of(
                            PropValue.of(PropTags.PR_ADDRTYPE, "SMTP"),
                            PropValue.of(PropTags.PR_EMAIL_ADDRESS, "bob@example.org"))),
                    new Recipient(0, RecipientType.MAPI_CC, "Carla", "carla@example.org", List.of(
                            PropValue.of(PropTags.PR_SMTP_ADDRESS, "carla@example.org")))), c.recipients());

            assertEquals(3, c.attachments().size());
            AttachmentContent.ByValue pdf = assertInstanceOf(AttachmentContent.ByValue.class, c.attachments().get(0));
            assertEquals("Quarterly report 2026.pdf", value(pdf.properties(), PropTags.PR_ATTACH_LONG_FILENAME));
            assertEquals("Quarterly report 2026.pdf", value(pdf.properties(), PropTags.PR_DISPLAY_NAME));
            assertEquals(".pdf", value(pdf.properties(), PropTags.PR_ATTACH_EXTENSION));
            assertEquals("application/pdf", value(pdf.properties(), PropTags.PR_ATTACH_MIME_TAG));
            assertEquals("QUARTE~1.PDF", value(pdf.properties(), PropTags.PR_ATTACH_FILENAME));
            assertEquals(null, value(pdf.properties(), PropTags.PR_ATTACH_NUM), "the store numbers attachments");
            assertEquals("%PDF-1.7 tiny", new String(content(pdf.data().open()), StandardCharsets.US_ASCII));

            AttachmentContent.ByValue notes = assertInstanceOf(AttachmentContent.ByValue.class, c.attachments().get(1));
            assertEquals("notes for the meeting.txt", value(notes.properties(), PropTags.PR_ATTACH_LONG_FILENAME));
            assertEquals("application/octet-stream", value(notes.properties(), PropTags.PR_ATTACH_MIME_TAG));

            AttachmentContent.Embedded forwarded = assertInstanceOf(AttachmentContent.Embedded.class,
                    c.attachments().get(2));
            assertEquals(5, value(forwarded.properties(), PropTags.PR_ATTACH_METHOD));
            assertEquals("Inner subject", value(forwarded.properties(), PropTags.PR_DISPLAY_NAME));
            MessageContent inner = forwarded.message();
            assertEquals("Inner subject", value(inner.properties(), PropTags.PR_SUBJECT));
            assertEquals("inner body", value(inner.properties(), PropTags.PR_BODY));
            AttachmentContent.ByValue deep = assertInstanceOf(AttachmentContent.ByValue.class, inner.attachments().get(0));
            assertEquals("DEEP.TXT", value(deep.properties(), PropTags.PR_ATTACH_LONG_FILENAME));

            MessageContent whole = c.toMessageContent();
            assertArrayEquals(html.getBytes(StandardCharsets.UTF_8), (byte[]) value(whole.properties(), PropTags.PR_HTML));
            assertEquals(65001, value(whole.properties(), PropTags.PR_INTERNET_CPID));
        }
    }

    @Test
    void keepsRtfOfItsOwnAndGivesItsText() throws IOException {
        byte[] rtf = TestFiles.bytes("plain.rtf");
        byte[] compressed = lzfu(rtf);
        byte[] tnef = new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, new Props().binary(0x1009, compressed).toBytes())
                .toBytes();
        try (TnefMessage m = read(tnef)) {
            TnefContent c = m.toContent(new LocalNamedTags());
            assertArrayEquals(compressed, (byte[]) value(c.properties(), PropTags.PR_RTF_COMPRESSED));
            assertEquals("Dear Anna,\r\nsee here\r\n\u201Cquoted\u201D \u20AC 5\r\n", c.plainBody().orElseThrow());
            assertTrue(c.htmlBody().isEmpty());
        }
    }

    private long countFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.count();
        }
    }
}
