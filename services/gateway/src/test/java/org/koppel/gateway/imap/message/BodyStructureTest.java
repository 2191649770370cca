package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyStructureTest {

    private static final String INNER_ENVELOPE = "(NIL \"inner\" ((\"Inner Sender\" NIL \"inner\" \"example.org\"))"
            + " ((\"Inner Sender\" NIL \"inner\" \"example.org\")) ((\"Inner Sender\" NIL \"inner\" \"example.org\"))"
            + " NIL NIL NIL NIL NIL)";

    private static String bodyStructure(String name, boolean extended) throws Exception {
        BodyStructure structure = TestMessages.reader(name).bodyStructure();
        return ResponseText.of(w -> structure.write(w, extended));
    }

    @Test
    void nestedMessageWithExtensionData() throws Exception {
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 75 2 NIL NIL"
                + " (\"en\" \"de\") NIL)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL \"forwarded\" \"7BIT\" 240 " + INNER_ENVELOPE
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 1 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 17 1 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"inner\") NIL NIL NIL) 13 NIL NIL NIL NIL)"
                + "(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" \"data.bin\") \"<part3@example>\" NIL \"BASE64\" 16"
                + " \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"ATTACHMENT\" (\"FILENAME\" \"data.bin\")) NIL"
                + " \"http://example.org/data.bin\")"
                + " \"MIXED\" (\"BOUNDARY\" \"outer\") NIL NIL NIL)", bodyStructure("nested.eml", true));
    }

    @Test
    void nonExtensibleBodyForm() throws Exception {
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 75 2)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL \"forwarded\" \"7BIT\" 240 " + INNER_ENVELOPE
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 1)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 17 1) \"ALTERNATIVE\") 13)"
                + "(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" \"data.bin\") \"<part3@example>\" NIL \"BASE64\" 16)"
                + " \"MIXED\")", bodyStructure("nested.eml", false));
    }

    @Test
    void plainMessageWithoutMimeHeaders() throws Exception {
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 52 2 NIL NIL NIL NIL)",
                bodyStructure("simple.eml", true));
    }

    @Test
    void lastLineWithoutLineBreakCounts() throws Exception {
        byte[] m = "Subject: x\r\n\r\na\r\nb".getBytes(StandardCharsets.US_ASCII);
        MimePart root = MessageStructure.parse(new ByteArrayInputStream(m));
        assertEquals(2, root.bodyLines());
        assertEquals(4, root.bodySize());
    }

    @Test
    void multipartWithoutPartsGetsAnEmptyTextPart() throws Exception {
        byte[] m = "Content-Type: multipart/mixed; boundary=x\r\n\r\nno parts here\r\n".getBytes(StandardCharsets.US_ASCII);
        BodyStructure s = BodyStructure.of(MessageStructure.parse(new ByteArrayInputStream(m)));
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 0 0) \"MIXED\")",
                ResponseText.of(w -> s.write(w, false)));
    }

    @Test
    void emptyEmbeddedMessageEndsWhereItsPartEnds() throws Exception {
        // found by MessageStructureFuzzTest: the embedded message overran its part by the delimiter's line break
        byte[] m = ("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n"
                + "Subject: x\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
        MimePart root = MessageStructure.parse(new ByteArrayInputStream(m));
        MimePart message = root.children().get(0);
        MimePart embedded = message.embedded().orElseThrow();
        assertEquals(message.bodyEnd(), embedded.bodyEnd());
        assertEquals(0, embedded.bodySize());
        assertEquals("Subject: x\r\n", new String(m, (int) embedded.headerStart(), (int) embedded.headerSize(),
                StandardCharsets.US_ASCII));
        MimePart empty = root.children().get(1);
        assertEquals(0, empty.bodySize());
        assertEquals(0, empty.bodyLines());
    }

    @Test
    void partsCutShortByADelimiterStayInsideTheirParent() throws Exception {
        // found by MessageStructureFuzzTest: a message/rfc822 header line directly followed by the close delimiter
        byte[] m = ("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        MimePart message = MessageStructure.parse(new ByteArrayInputStream(m)).children().getFirst();
        MimePart embedded = message.embedded().orElseThrow();
        assertEquals(message.bodyStart(), embedded.headerStart());
        assertEquals(message.bodyEnd(), embedded.bodyEnd());
        byte[] nested = ("Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: multipart/mixed; "
                + "boundary=i\r\n\r\n--i\r\n--o--\r\n").getBytes(StandardCharsets.US_ASCII);
        MimePart inner = MessageStructure.parse(new ByteArrayInputStream(nested)).children().getFirst();
        MimePart empty = inner.children().getFirst();
        assertEquals(true, empty.bodyEnd() <= inner.bodyEnd() && empty.headerStart() <= inner.bodyEnd());
    }

    @Test
    void corpusMessagesHaveConsistentStructure() throws Exception {
        for (String name : new String[] {"python-msg_02.eml", "python-msg_07.eml", "python-msg_16.eml",
            "python-msg_35.eml"}) {
            byte[] bytes = TestMessages.bytes(name);
            MimePart root = MessageStructure.parse(new ByteArrayInputStream(bytes));
            assertEquals(bytes.length, root.bodyEnd(), name);
            check(root, bytes.length, name);
            ResponseText.of(w -> BodyStructure.of(root).write(w, true));
        }
    }

    private static void check(MimePart part, long limit, String name) {
        if (!(part.headerStart() <= part.bodyStart() && part.bodyStart() <= part.bodyEnd() && part.bodyEnd() <= limit)) {
            throw new AssertionError(name + ": bad offsets " + part);
        }
        for (MimePart child : part.children()) {
            check(child, part.bodyEnd(), name);
        }
        part.embedded().ifPresent(e -> check(e, part.bodyEnd(), name));
    }

    @Test
    void digestPartsDefaultToMessages() throws Exception {
        BodyStructure s = TestMessages.reader("python-msg_02.eml").bodyStructure();
        BodyStructure.Multipart mixed = (BodyStructure.Multipart) s;
        BodyStructure.Multipart digest = (BodyStructure.Multipart) mixed.parts().get(2);
        assertEquals(4, mixed.parts().size());
        assertEquals(5, digest.parts().size());
        assertEquals("digest", digest.subtype());
        BodyStructure.Single first = (BodyStructure.Single) digest.parts().getFirst();
        assertEquals("message", first.type());
    }
}
