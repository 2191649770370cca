package org.koppel.eas.wbxml;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-exact vectors: the MS-ASWBXML example and hand-encoded requests (see golden/README.md). */
class GoldenVectorTest {
    private static final CodePages PAGES = CodePages.load();
    private final WbxmlXml xml = new WbxmlXml(PAGES);

    static Stream<String> vectors() {
        List<String> names = Fixtures.names("golden", ".hex");
        assertTrue(names.contains("ms-aswbxml-3-contact"));
        return names.stream();
    }

    private static ProtocolVersion version(String name) {
        return ProtocolVersion.fromHeader(Fixtures.text("golden/" + name + ".version").strip()).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodingThePublishedXmlGivesExactlyTheseBytes(String name) throws IOException {
        byte[] expected = Fixtures.hex("golden/" + name + ".hex");
        byte[] actual = xml.toWbxml(Fixtures.text("golden/" + name + ".xml"), version(name));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodingTheBytesAndEncodingAgainIsTheIdentity(String name) throws IOException {
        byte[] bytes = Fixtures.hex("golden/" + name + ".hex");
        String decoded = xml.toXml(bytes);
        assertArrayEquals(bytes, xml.toWbxml(decoded, version(name)), decoded);
    }

    @Test
    void theSpecificationExampleReadsAsItsTableExplains() throws IOException {
        WbxmlReader r = new WbxmlReader(new ByteArrayInputStream(Fixtures.hex("golden/ms-aswbxml-3-contact.hex")), PAGES);
        assertEquals(WbxmlReader.Event.START_TAG, r.next());
        assertEquals(PAGES.require("AirSync", "Sync"), r.tag());
        assertEquals(4, r.offset(), "the body starts after the 4 header bytes");
        r.next(); // Collections
        r.next(); // Collection
        assertEquals(WbxmlReader.Event.START_TAG, r.next());
        assertEquals("Class", r.tag().name());
        assertEquals("Contacts", r.nextText());
        assertEquals(WbxmlReader.Event.END_TAG, r.event());
        assertEquals(4, r.depth(), "an END_TAG has the depth of its element");
        // fast-forward to airsyncbase:Body and check the page switch took effect
        while (!(r.next() == WbxmlReader.Event.START_TAG && r.tag().name().equals("Body"))) {
            assertNotEquals(WbxmlReader.Event.END_DOCUMENT, r.event());
        }
        assertEquals(17, r.tag().page());
        assertEquals(0x0A, r.tag().token());
        r.skipElement();
        assertEquals("Body", r.tag().name());
        assertEquals(WbxmlReader.Event.START_TAG, r.next());
        assertEquals("Contacts:FileAs", PAGES.page(r.tag().page()).orElseThrow().name() + ":" + r.tag().name());
        assertEquals("Funk, Don", r.nextText());
    }

    @Test
    void theXmlFormIsReadableAndNamespaced() throws IOException {
        String out = xml.toXml(Fixtures.hex("golden/sync-options-request.hex"));
        assertTrue(out.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Sync xmlns=\"AirSync:\">\n"), out);
        assertTrue(out.contains("      <GetChanges/>\n"), out);
        assertTrue(out.contains("<airsyncbase:BodyPreference xmlns:airsyncbase=\"AirSyncBase:\">"), out);
        assertTrue(out.contains("<airsyncbase:TruncationSize>5120</airsyncbase:TruncationSize>"), out);
        assertTrue(out.contains("<MIMESupport>0</MIMESupport>"), out);
    }
}
