package org.koppel.gateway.imap.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ResponseWriter w = new ResponseWriter(out);

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusResponses() throws Exception {
        w.status(null, ResponseWriter.Status.OK, ResponseCode.of("UIDNEXT", "12"), "Predicted next UID.");
        w.status("A1", ResponseWriter.Status.NO, ResponseCode.TRYCREATE, "No such mailbox");
        w.status("A2", ResponseWriter.Status.BAD, "Command unknown");
        w.continuation("Ready for literal data");
        assertEquals("* OK [UIDNEXT 12] Predicted next UID.\r\nA1 NO [TRYCREATE] No such mailbox\r\n"
                + "A2 BAD Command unknown\r\n+ Ready for literal data\r\n", written());
    }

    @Test
    void statusNeedsText() {
        assertThrows(IllegalArgumentException.class, () -> w.status("a", ResponseWriter.Status.OK, ""));
        assertThrows(IllegalArgumentException.class, () -> w.status("a", ResponseWriter.Status.OK, "a\r\nb"));
    }

    @Test
    void itemsAreSpacedAndListsNest() throws Exception {
        w.untagged().number(12).atom("FETCH").openList().atom("FLAGS").flags(List.of("\\Seen", "$Junk")).atom("UID")
                .number(4).atom("X").openList().closeList().closeList().end();
        assertEquals("* 12 FETCH (FLAGS (\\Seen $Junk) UID 4 X ())\r\n", written());
    }

    @Test
    void stringsAreQuotedEscapedOrLiteral() throws Exception {
        w.untagged().string("a \"b\" \\c").string("line\r\nbreak").nstring((String) null).astring("atom")
                .astring("two words").astring("NIL").astring("").end();
        assertEquals("* \"a \\\"b\\\" \\\\c\" {11}\r\nline\r\nbreak NIL atom \"two words\" \"NIL\" \"\"\r\n", written());
    }

    @Test
    void eightBitIsALiteralUnlessUtf8IsAccepted() throws Exception {
        w.untagged().string("Caf\u00e9").end();
        w.utf8Accept(true);
        w.untagged().string("Caf\u00e9").end();
        assertEquals("* {5}\r\nCaf\u00e9\r\n* \"Caf\u00e9\"\r\n", written());
    }

    @Test
    void longStringsBecomeLiterals() throws Exception {
        String s = "x".repeat(2000);
        w.untagged().string(s).end();
        assertEquals("* {2000}\r\n" + s + "\r\n", written());
    }

    @Test
    void mailboxNamesInModifiedUtf7() throws Exception {
        w.untagged().atom("LIST").openList().closeList().string("/").mailbox("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e")
                .mailbox("Sent Items").mailbox("INBOX").end();
        assertEquals("* LIST () \"/\" ~peter/mail/&U,BTFw-/&ZeVnLIqe- \"Sent Items\" INBOX\r\n", written());
    }

    @Test
    void dateTime() throws Exception {
        w.untagged().dateTime(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHoursMinutes(-8, 0)))
                .dateTime(OffsetDateTime.of(2024, 12, 17, 1, 2, 3, 0, ZoneOffset.ofHoursMinutes(5, 30))).end();
        assertEquals("* \"07-Feb-1994 21:52:25 -0800\" \"17-Dec-2024 01:02:03 +0530\"\r\n", written());
    }

    @Test
    void streamedLiterals() throws Exception {
        byte[] body = "Subject: x\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII);
        w.untagged().number(1).atom("FETCH").openList().atom("BODY[]").literal(new ByteArrayInputStream(body), body.length)
                .closeList().end();
        assertEquals("* 1 FETCH (BODY[] {16}\r\nSubject: x\r\n\r\nhi)\r\n", written());
        out.reset();
        w.untagged().atom("BINARY[1]").literal8(new ByteArrayInputStream(new byte[] {0, 1}), 2).end();
        assertEquals("* BINARY[1] ~{2}\r\n\0\u0001\r\n", written());
        assertThrows(EOFException.class, () -> w.literal(new ByteArrayInputStream(body), 100));
    }

    @Test
    void readerReadsWhatTheWriterWrote() throws Exception {
        String tricky = "p\"w\\d \u00e9\r\n";
        w.tagged("a").atom("LOGIN").astring("user name").string(tricky).end();
        CommandReader reader = new CommandReader(new ByteArrayInputStream(out.toByteArray()), CommandLimits.DEFAULT);
        assertEquals(new ImapCommand.Login("a", "user name", tricky), reader.read(() -> { }).orElseThrow());
    }
}
