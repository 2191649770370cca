package org.koppel.eas.email;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.email.EmailHarness.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.Body;
import org.koppel.backend.BodyType;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.EmailAttachment;
import org.koppel.backend.EmailItem;
import org.koppel.backend.Flag;
import org.koppel.backend.Importance;
import org.koppel.backend.LastVerb;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class EmailApplicationDataTest {
    private static final byte[] CONVERSATION_ID = new byte[16];
    private static final byte[] CONVERSATION_INDEX = new byte[22];

    static {
        for (int i = 0; i < 16; i++) {
            CONVERSATION_ID[i] = (byte) i;
        }
        CONVERSATION_INDEX[0] = 1;
        for (int i = 1; i < 22; i++) {
            CONVERSATION_INDEX[i] = (byte) (0x1F + i);
        }
    }

    private static final String HTML = "<html><body><p>Hallo Anna, anbei die Agenda für Dienstag";

    /** The item of item-14.1.xml. */
    static EmailItem item14() {
        return new EmailItem(
                List.of(new EmailAddress("Anna Berg", "anna@example.org"), EmailAddress.of("carl@example.net")),
                List.of(new EmailAddress("O'Brien, Dana", "dana@example.com")),
                Optional.of(new EmailAddress("Jörg Müller", "joerg@example.de")),
                List.of(EmailAddress.of("joerg+reply@example.de")),
                "Grüße aus Köln – 日本語 ✓",
                Optional.of(Instant.parse("2024-03-05T08:09:10.123Z")),
                "Anna Berg; carl@example.net",
                Importance.HIGH, false, "IPM.Note", 65001, EmailItem.CONTENT_CLASS_MESSAGE,
                Optional.of(new Flag(Flag.Status.ACTIVE, "Follow up", Optional.of(Instant.parse("2024-03-06T00:00:00Z")),
                        Optional.of(Instant.parse("2024-03-08T00:00:00Z")), Optional.empty(), true,
                        Optional.of(Instant.parse("2024-03-08T07:30:00Z")))),
                List.of("Projekt", "Köln"),
                Optional.of(CONVERSATION_ID), Optional.of(CONVERSATION_INDEX),
                Optional.of(LastVerb.REPLY_TO_SENDER), Optional.of(Instant.parse("2024-03-05T09:00:00Z")),
                List.of(new EmailAttachment("Agenda März.pdf", "5%3a21%3a0", 1, 48213, Optional.empty(),
                                Optional.empty(), false),
                        new EmailAttachment("logo.png", "5%3a21%3a1", 1, 2048, Optional.of("logo@koppel.example"),
                                Optional.of("logo.png"), true)),
                Optional.of(new Body(BodyType.HTML, 20480, true, Optional.of(new Body.Text(HTML)),
                        Optional.of("Hallo Anna, anbei die Agenda für Dienstag"))),
                Optional.empty());
    }

    /** What a 12.x client gets of {@link #item14()}: no email2 elements, Preview or Categories. */
    static EmailItem item12() {
        EmailItem m = item14();
        Body b = m.body().get();
        return new EmailItem(m.to(), m.cc(), m.from(), m.replyTo(), m.subject(), m.dateReceived(), m.displayTo(),
                m.importance(), m.read(), m.messageClass(), m.internetCpid(), m.contentClass(), m.flag(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), m.attachments(),
                Optional.of(new Body(b.type(), b.estimatedDataSize(), b.truncated(), b.data(), Optional.empty())),
                Optional.empty());
    }

    private static void assertDocument(String fixture, ProtocolVersion v, byte[] encoded) throws IOException {
        assertEquals(CodecHarness.xml(EmailHarness.fixture(fixture, v)), CodecHarness.xml(encoded),
                fixture + " at " + v);
    }

    @Test
    void writesTheWholeItemFor14() throws Exception {
        byte[] encoded = encode(EmailApplicationData.of(item14()), ProtocolVersion.V14_1);
        assertDocument("item-14.1.xml", ProtocolVersion.V14_1, encoded);
        assertSameItem(item14(), decode("item-14.1.xml", ProtocolVersion.V14_1).toItem());
    }

    @Test
    void leavesOutEmail2PreviewAndCategoriesFor12() throws Exception {
        for (ProtocolVersion v : List.of(ProtocolVersion.V12_0, ProtocolVersion.V12_1)) {
            assertDocument("item-12.1.xml", v, encode(EmailApplicationData.of(item14()), v));
            assertSameItem(item12(), decode("item-12.1.xml", v).toItem());
        }
    }

    @Test
    void a12ClientCannotSendWhat12DoesNotHave() throws Exception {
        // The 14.1 document read as 12.1: email2 tags do not exist there.
        byte[] wbxml = EmailHarness.fixture("item-14.1.xml", ProtocolVersion.V14_1);
        DecodeException e = assertThrows(DecodeException.class, () -> decode(wbxml, ProtocolVersion.V12_1));
        assertEquals(DecodeException.Reason.NOT_IN_VERSION, e.reason(), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void roundTripsInEveryVersion(ProtocolVersion v) throws Exception {
        EmailItem expected = v.compareTo(ProtocolVersion.V14_0) >= 0 ? item14() : item12();
        assertSameItem(expected, decode(encode(EmailApplicationData.of(item14()), v), v).toItem());
    }

    @Test
    void mimeBodyIsStreamedAsAStringWithTheCompletedFlag() throws Exception {
        byte[] mime = resource("message.eml").getBytes(StandardCharsets.UTF_8);
        AtomicInteger opened = new AtomicInteger();
        Body body = new Body(BodyType.MIME, mime.length, false, Optional.of(new Body.Stream(mime.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(mime);
        })), Optional.empty());
        Instant done = Instant.parse("2024-03-07T16:00:00Z");
        EmailItem item = new EmailItem(List.of(EmailAddress.of("anna@example.org")), List.of(),
                Optional.of(new EmailAddress("Jörg Müller", "joerg@example.de")), List.of(), "Grüße",
                Optional.of(Instant.parse("2024-03-05T08:09:10Z")), "anna@example.org", Importance.NORMAL, true,
                "IPM.Note", 65001, EmailItem.CONTENT_CLASS_MESSAGE, Optional.of(Flag.complete(done)), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(body),
                Optional.empty());
        String xml = resource("item-mime-12.1.xml").replace("@SIZE@", Integer.toString(mime.length))
                .replace("@MIME@", new String(mime, StandardCharsets.UTF_8).replace("&", "&amp;").replace("<", "&lt;")
                        .replace(">", "&gt;"));
        byte[] encoded = encode(EmailApplicationData.of(item), ProtocolVersion.V12_1);
        // Compared as XML: opaque data would show as a processing instruction, not as text.
        assertEquals(CodecHarness.xml(CodecHarness.wbxml(xml, ProtocolVersion.V12_1)), CodecHarness.xml(encoded));
        assertEquals(1, opened.get());
        EmailItem back = decode(encoded, ProtocolVersion.V12_1).toItem();
        assertSameItem(item, back);
        assertEquals(Flag.Status.COMPLETE, back.flag().get().status());
    }

    @Test
    void mimeThatIsNotUtf8IsSentWithReplacementCharacters() throws Exception {
        byte[] latin1 = "Subject: Gr\u00FC\u00DFe\r\n\r\nx\0y".getBytes(StandardCharsets.ISO_8859_1);
        EmailItem item = withBody(new Body(BodyType.MIME, latin1.length, false,
                Optional.of(new Body.Stream(latin1.length, () -> new ByteArrayInputStream(latin1))), Optional.empty()));
        Body back = decode(encode(EmailApplicationData.of(item), ProtocolVersion.V14_1), ProtocolVersion.V14_1)
                .toItem().body().get();
        assertEquals(new Body.Text("Subject: Gr\uFFFD\uFFFDe\r\n\r\nx\uFFFDy"), back.data().get());
    }

    @Test
    void anItemWithoutFlagOrCategoriesSaysSoSoAChangeClearsThem() throws Exception {
        EmailItem bare = withBody(new Body(BodyType.PLAIN_TEXT, 5, false, Optional.of(new Body.Text("Hallo")),
                Optional.empty()));
        String xml = CodecHarness.xml(encode(EmailApplicationData.of(bare), ProtocolVersion.V16_1));
        assertTrue(xml.matches("(?s).*<email:Flag[^>]*/>.*"), xml);
        assertTrue(xml.matches("(?s).*<email:Categories[^>]*/>.*"), xml);
        EmailFields f = decode(encode(EmailApplicationData.of(bare), ProtocolVersion.V16_1), ProtocolVersion.V16_1);
        assertEquals(Optional.of(Flag.cleared()), f.flag());
        assertEquals(Optional.of(List.of()), f.categories());
        assertSameItem(bare, f.toItem());
    }

    @Test
    void aBodyLeftOutByAllOrNoneHasSizeAndTruncatedButNoData() throws Exception {
        EmailItem item = withBody(new Body(BodyType.HTML, 300_000, true, Optional.empty(), Optional.empty()));
        String xml = CodecHarness.xml(encode(EmailApplicationData.of(item), ProtocolVersion.V14_1));
        assertTrue(xml.contains("<airsyncbase:EstimatedDataSize>300000</airsyncbase:EstimatedDataSize>"), xml);
        assertTrue(xml.contains("<airsyncbase:Truncated>1</airsyncbase:Truncated>"), xml);
        assertFalse(xml.contains("airsyncbase:Data>"), xml);
    }

    @Test
    void readChangeCarriesOnlyRead() throws Exception {
        byte[] encoded = encode(EmailApplicationData.readChange(true), ProtocolVersion.V14_1);
        EmailFields f = decode(encoded, ProtocolVersion.V14_1);
        assertEquals(java.util.Set.of("Email:Read"), f.elements());
        assertEquals(Optional.of(true), f.toUpdate().read());
    }

    @Test
    void textWbxmlCannotCarryIsReplacedInsteadOfBreakingTheResponse() throws Exception {
        EmailItem odd = new EmailItem(List.of(), List.of(), Optional.empty(), List.of(), "a\0b\uD800c",
                Optional.empty(), "", Importance.NORMAL, false, "IPM.Note", 65001, EmailItem.CONTENT_CLASS_MESSAGE,
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
        EmailItem back = decode(encode(EmailApplicationData.of(odd), ProtocolVersion.V14_1), ProtocolVersion.V14_1)
                .toItem();
        assertEquals("a\uFFFDb\uFFFDc", back.subject());
    }

    @Test
    void flagDatesAreWrittenAsAllFourEvenWhenTheStoreHasOnlyADueDate() throws Exception {
        Instant due = Instant.parse("2024-04-01T00:00:00Z");
        EmailItem item = withFlag(Flag.active("Follow up", Optional.empty(), Optional.of(due)));
        String xml = CodecHarness.xml(encode(EmailApplicationData.of(item), ProtocolVersion.V14_1));
        for (String e : List.of("StartDate", "DueDate", "UtcStartDate", "UtcDueDate")) {
            assertTrue(xml.matches("(?s).*<tasks:" + e + "[^>]*>2024-04-01T00:00:00.000Z</tasks:" + e + ">.*"), xml);
        }
        // Read back, the flag is valid by MS-ASEMAIL's rules, starting when it is due.
        Flag back = decode(encode(EmailApplicationData.of(item), ProtocolVersion.V14_1), ProtocolVersion.V14_1)
                .toItem().flag().get();
        assertEquals(Optional.of(due), back.startDate());
        assertEquals(Optional.of(due), back.dueDate());
    }

    @Test
    void datesHaveMillisecondsAndZ() {
        assertEquals("2009-11-12T13:14:15.000Z", EasDateTime.format(Instant.parse("2009-11-12T13:14:15Z")));
        assertEquals("2009-11-12T13:14:15.007Z", EasDateTime.format(Instant.parse("2009-11-12T13:14:15.007999Z")));
        assertEquals("0001-01-01T00:00:00.000Z", EasDateTime.format(Instant.parse("0001-01-01T00:00:00Z")));
    }

    private static EmailItem withBody(Body body) {
        return new EmailItem(List.of(), List.of(), Optional.empty(), List.of(), "s", Optional.empty(), "",
                Importance.NORMAL, false, "IPM.Note", 65001, EmailItem.CONTENT_CLASS_MESSAGE, Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.of(body), Optional.empty());
    }

    private static EmailItem withFlag(Flag flag) {
        return new EmailItem(List.of(), List.of(), Optional.empty(), List.of(), "s", Optional.empty(), "",
                Importance.NORMAL, false, "IPM.Note", 65001, EmailItem.CONTENT_CLASS_MESSAGE, Optional.of(flag),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
    }
}
