package org.koppel.eas.wbxml;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WbxmlWriterTest {
    private static final CodePages PAGES = CodePages.load();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Tag tag(String page, String name) {
        return PAGES.require(page, name);
    }

    private String hex() {
        return HexFormat.ofDelimiter(" ").formatHex(out.toByteArray());
    }

    @Test
    void writesTheSyncOptionsVectorWithLazyPageSwitches() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        w.start(tag("AirSync", "Sync")).start(tag("AirSync", "Collections")).start(tag("AirSync", "Collection"))
                .element(tag("AirSync", "SyncKey"), "1")
                .element(tag("AirSync", "CollectionId"), "1")
                .empty(tag("AirSync", "GetChanges"))
                .element(tag("AirSync", "WindowSize"), "100")
                .start(tag("AirSync", "Options"))
                .element(tag("AirSync", "FilterType"), "3")
                .start("AirSyncBase", "BodyPreference")
                .element(tag("AirSyncBase", "Type"), "2")
                .element(tag("AirSyncBase", "TruncationSize"), "5120")
                .end()
                .element(tag("AirSync", "MIMESupport"), "0")
                .end().end().end().end()
                .finish();
        assertArrayEquals(Fixtures.hex("golden/sync-options-request.hex"), out.toByteArray(), hex());
        assertEquals(out.size(), w.bytesWritten());
    }

    @Test
    void switchesPageOnlyWhenTheNextTagIsOnAnotherPage() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V16_1);
        w.start(tag("AirSync", "ApplicationData"))
                .element(tag("Email", "Subject"), "a")
                .element(tag("Email", "Read"), "1")        // same page: no switch
                .element(tag("Email2", "IsDraft"), "0")    // switch to 22
                .element(tag("Email", "Importance"), "1")  // back to 2
                .end().finish();
        assertEquals("03 01 6a 00 5d 00 02 54 03 61 00 01 55 03 31 00 01 00 16 55 03 30 00 01 00 02 52 03 31 00 01 01",
                hex());
    }

    @Test
    void aSwitchIsWrittenBeforeAnEmptyElementOnAnotherPageToo() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V16_1);
        w.start(tag("ComposeMail", "SendMail")).empty(tag("ComposeMail", "SaveInSentItems")).end().finish();
        assertEquals("03 01 6a 00 00 15 45 08 01", hex());
    }

    @Test
    void emptyElementsHaveTheNoContentBitAndEmptyTextWritesNothing() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_0);
        w.start(tag("Ping", "Ping")).element(tag("Ping", "HeartbeatInterval"), "").end().finish();
        assertEquals("03 01 6a 00 00 0d 45 08 01", hex());
        WbxmlReader r = new WbxmlReader(new ByteArrayInputStream(out.toByteArray()), PAGES);
        r.next();
        assertFalse(r.isEmptyElement());
        assertEquals(WbxmlReader.Event.START_TAG, r.next());
        assertTrue(r.isEmptyElement());
        assertEquals("", r.nextText());
    }

    @Test
    void refusesTagsThatDoNotExistInTheNegotiatedVersion() throws IOException {
        WbxmlWriter w121 = new WbxmlWriter(out, PAGES, ProtocolVersion.V12_1);
        w121.start(tag("Ping", "Ping"));
        WbxmlException e = assertThrows(WbxmlException.class, () -> w121.start(tag("AirSync", "HeartbeatInterval")));
        assertTrue(e.getMessage().contains("12.1"), e.getMessage());
        WbxmlWriter w160 = new WbxmlWriter(new ByteArrayOutputStream(), PAGES, ProtocolVersion.V16_0);
        assertThrows(WbxmlException.class, () -> w160.start(tag("Find", "Find")));
        WbxmlWriter w140 = new WbxmlWriter(new ByteArrayOutputStream(), PAGES, ProtocolVersion.V14_0);
        w140.start(tag("AirSync", "Sync"));
        assertThrows(WbxmlException.class, () -> w140.start(tag("Email", "Body")));
        assertThrows(WbxmlException.class, () -> w140.start("Email", "NoSuchTag"));
        assertThrows(WbxmlException.class,
                () -> w140.start(new Tag(0, 0x11, "Version", java.util.Set.of(ProtocolVersion.V14_0))));
    }

    @Test
    void refusesWhatCannotBeAWellFormedDocument() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        assertThrows(WbxmlException.class, () -> w.text("x"), "text before the root");
        assertThrows(WbxmlException.class, w::end, "end without start");
        assertThrows(WbxmlException.class, w::finish, "nothing written");
        w.start(tag("Ping", "Ping"));
        assertThrows(WbxmlException.class, () -> w.text("a\0b"), "NUL");
        assertThrows(WbxmlException.class, () -> w.text("\uD800"), "unpaired surrogate");
        assertThrows(WbxmlException.class, w::finish, "element still open");
        w.end();
        assertThrows(WbxmlException.class, () -> w.start(tag("Ping", "Ping")), "second root");
        w.finish();
    }

    @Test
    void opaqueFromAStreamOfKnownLengthRoundTrips() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        w.start(tag("ItemOperations", "ItemOperations")).start(tag("ItemOperations", "Data"))
                .opaque(new ByteArrayInputStream(data), data.length).end()
                .start(tag("ItemOperations", "Data")).opaque(new byte[] {1, 2, 3}).end()
                .end().finish();
        WbxmlReader r = new WbxmlReader(new ByteArrayInputStream(out.toByteArray()), PAGES);
        r.next();
        r.next();
        assertEquals(WbxmlReader.Event.OPAQUE, r.next());
        assertEquals(data.length, r.opaqueLength());
        try (InputStream in = r.opaqueStream()) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertEquals(WbxmlReader.Event.END_TAG, r.next());
        r.next();
        assertEquals(WbxmlReader.Event.OPAQUE, r.next());
        assertArrayEquals(new byte[] {1, 2, 3}, r.opaqueBytes());
        assertEquals(WbxmlReader.Event.END_TAG, r.next());
        assertEquals(WbxmlReader.Event.END_TAG, r.next());
        assertEquals(WbxmlReader.Event.END_DOCUMENT, r.next());
    }

    @Test
    void opaqueLengthIsAMultiByteInteger() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        w.start(tag("ItemOperations", "Data")).opaque(new byte[200]).end().finish();
        byte[] b = out.toByteArray();
        assertEquals(0xC3, b[7] & 0xFF);
        assertEquals(0x81, b[8] & 0xFF);
        assertEquals(0x48, b[9] & 0xFF);
        assertEquals(4 + 3 + 1 + 2 + 200 + 1, b.length);
    }

    @Test
    void aShortOpaqueSourceIsReported() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        w.start(tag("ItemOperations", "Data"));
        WbxmlException e = assertThrows(WbxmlException.class,
                () -> w.opaque(new ByteArrayInputStream(new byte[10]), 11));
        assertTrue(e.getMessage().contains("10 of 11"), e.getMessage());
        assertThrows(WbxmlException.class, () -> w.opaque(InputStream.nullInputStream(), -1));
        assertThrows(WbxmlException.class, () -> w.opaque(InputStream.nullInputStream(), 1L << 32));
    }
    @Test
    void textFromAReaderIsOneInlineStringEvenAcrossChunksAndSurrogatePairs() throws IOException {
        // 16383 chars fill the first read exactly, so the pair is split between two reads.
        String big = "a".repeat(16 * 1024 - 2) + "\uD83D\uDE00" + "ü".repeat(40_000);
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        w.start(tag("AirSyncBase", "Data")).text(new java.io.StringReader(big)).end().finish();
        byte[] doc = out.toByteArray();
        byte[] utf8 = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(4 + 2 + 1 + 1 + utf8.length + 1 + 1, doc.length, "one STR_I, no second string token");
        WbxmlReader r = new WbxmlReader(new ByteArrayInputStream(doc), PAGES);
        assertEquals(WbxmlReader.Event.START_TAG, r.next());
        assertEquals(big, r.nextText());
    }

    @Test
    void textFromAnEmptyReaderWritesNothingAndNulOrALoneSurrogateIsRefused() throws IOException {
        WbxmlWriter w = new WbxmlWriter(out, PAGES, ProtocolVersion.V14_1);
        w.start(tag("AirSyncBase", "Data")).text(new java.io.StringReader("")).end().finish();
        assertEquals("03 01 6a 00 00 11 0b", hex(), "an element without content");
        WbxmlWriter nul = new WbxmlWriter(new ByteArrayOutputStream(), PAGES, ProtocolVersion.V14_1);
        nul.start(tag("AirSyncBase", "Data"));
        assertThrows(WbxmlException.class, () -> nul.text(new java.io.StringReader("a\0b")));
        WbxmlWriter lone = new WbxmlWriter(new ByteArrayOutputStream(), PAGES, ProtocolVersion.V14_1);
        lone.start(tag("AirSyncBase", "Data"));
        assertThrows(WbxmlException.class, () -> lone.text(new java.io.StringReader("end\uD83D")));
    }
}
