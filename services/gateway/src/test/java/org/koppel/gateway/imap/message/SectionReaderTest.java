package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.imap.syntax.Section;

class SectionReaderTest {

    private final byte[] nested = TestMessages.bytes("nested.eml");
    private final SectionReader reader = new SectionReader(TestMessages.source(nested));

    private String section(List<Integer> part, Section.Text text, String... fields) throws Exception {
        return new String(reader.read(new Section(part, text, List.of(fields))).orElseThrow().readAll(),
                StandardCharsets.UTF_8);
    }

    /** The octets between the end of {@code before} and the start of {@code after}, found independently. */
    private String between(String before, String after) {
        String all = new String(nested, StandardCharsets.UTF_8);
        int start = all.indexOf(before) + before.length();
        return all.substring(start, all.indexOf(after, start));
    }

    @Test
    void wholeMessageHeaderAndText() throws Exception {
        assertEquals(nested.length, reader.size());
        assertArrayEquals(nested, reader.read(Section.whole()).orElseThrow().readAll());
        String all = new String(nested, StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n") + 4;
        assertEquals(all.substring(0, split), section(List.of(), Section.Text.HEADER));
        assertEquals(all.substring(split), section(List.of(), Section.Text.TEXT));
    }

    @Test
    void partsExcludeTheLineBreakBeforeTheBoundary() throws Exception {
        assertEquals(between("Content-Language: en, de\r\n\r\n", "\r\n--outer"), section(List.of(1), Section.Text.NONE));
        assertEquals("AAECAwQFBgcICQ==", section(List.of(3), Section.Text.NONE));
        assertEquals("inner plain", section(List.of(2, 1), Section.Text.NONE));
        assertEquals("<p>inner html</p>", section(List.of(2, 2), Section.Text.NONE));
    }

    @Test
    void mimeHeaderOfAPart() throws Exception {
        assertEquals("Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Language: en, de\r\n\r\n", section(List.of(1), Section.Text.MIME));
        assertEquals("Content-Type: text/html; charset=utf-8\r\n\r\n", section(List.of(2, 2), Section.Text.MIME));
    }

    @Test
    void headerAndTextOfAnEmbeddedMessage() throws Exception {
        assertEquals("From: Inner Sender <inner@example.org>\r\nSubject: inner\r\n"
                + "Content-Type: multipart/alternative; boundary=inner\r\n\r\n", section(List.of(2), Section.Text.HEADER));
        assertEquals(between("boundary=inner\r\n\r\n", "\r\n--outer"), section(List.of(2), Section.Text.TEXT));
        assertEquals(between("Content-Description: forwarded\r\n\r\n", "\r\n--outer"), section(List.of(2), Section.Text.NONE));
        assertTrue(reader.read(new Section(List.of(1), Section.Text.HEADER, List.of())).isEmpty(),
                "HEADER of a part that is not a message");
    }

    @Test
    void headerFieldsMatchCaseInsensitivelyAndKeepFolding() throws Exception {
        assertEquals("Subject: =?ISO-8859-1?Q?Caf=E9?= afternoon\r\nX-Long: first line\r\n continued here\r\n\r\n",
                section(List.of(), Section.Text.HEADER_FIELDS, "x-long", "SUBJECT", "Nope"));
        assertEquals("\r\n", section(List.of(), Section.Text.HEADER_FIELDS, "Nope"));
        String not = section(List.of(), Section.Text.HEADER_FIELDS_NOT, "date", "from", "subject", "to", "cc",
                "message-id", "in-reply-to", "x-long");
        assertEquals("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n", not);
        assertEquals("Subject: inner\r\n\r\n", section(List.of(2), Section.Text.HEADER_FIELDS, "subject"));
    }

    @Test
    void partial() throws Exception {
        SectionContent whole = reader.read(Section.whole()).orElseThrow();
        assertArrayEquals(Arrays.copyOfRange(nested, 10, 30), whole.slice(10, 20).readAll());
        assertEquals(5, whole.slice(nested.length - 5, 100).size());
        assertEquals(0, whole.slice(nested.length + 10, 100).size());
    }

    @Test
    void missingPartsAreEmpty() throws Exception {
        assertTrue(reader.read(new Section(List.of(4), Section.Text.NONE, List.of())).isEmpty());
        assertTrue(reader.read(new Section(List.of(1, 1), Section.Text.NONE, List.of())).isEmpty());
        assertTrue(reader.read(new Section(List.of(2, 3), Section.Text.NONE, List.of())).isEmpty());
    }

    @Test
    void nonMultipartMessageHasPartOne() throws Exception {
        byte[] simple = TestMessages.bytes("simple.eml");
        SectionReader r = new SectionReader(TestMessages.source(simple));
        String text = new String(r.read(Section.of(Section.Text.TEXT)).orElseThrow().readAll(), StandardCharsets.US_ASCII);
        assertEquals("This is a message just to say hello.\r\nSo, \"Hello\".\r\n", text);
        assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII),
                r.read(new Section(List.of(1), Section.Text.NONE, List.of())).orElseThrow().readAll());
    }

    @Test
    void binaryUndoesTheTransferEncoding() throws Exception {
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, reader.binary(List.of(3)).orElseThrow().readAll());
        assertEquals(10, reader.binary(List.of(3)).orElseThrow().size());
        String qp = new String(reader.binary(List.of(1)).orElseThrow().readAll(), StandardCharsets.ISO_8859_1);
        assertTrue(qp.contains("Caf\u00e9?"), qp);
        assertTrue(reader.binary(List.of(2, 5)).isEmpty());
    }

    @Test
    void encodedPartsOfOnlySkippedCharactersDecodeToNothing() throws Exception {
        // found by MessageStructureFuzzTest: mime4j's decoders return 0 octets here, which Readers reject
        byte[] m = ("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!! ....\r\n*&^%\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        SectionReader r = new SectionReader(TestMessages.source(m));
        assertEquals(0, r.binary(List.of(1)).orElseThrow().size());
        assertFalse(new ContentSearch(TestMessages.source(m), r.structure()).bodyContains("x"));
    }

    @Test
    void binaryOfAnUnknownEncodingFails() {
        byte[] m = "Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n".getBytes(StandardCharsets.US_ASCII);
        SectionReader r = new SectionReader(TestMessages.source(m));
        assertThrows(UnknownTransferEncodingException.class, () -> r.binary(List.of(1)));
    }
}
