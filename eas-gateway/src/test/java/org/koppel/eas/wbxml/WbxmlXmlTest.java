package org.koppel.eas.wbxml;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WbxmlXmlTest {
    private static final CodePages PAGES = CodePages.load();
    private final WbxmlXml xml = new WbxmlXml(PAGES);

    static Stream<String> fixtures() {
        return Fixtures.names("xml", ".xml").stream();
    }

    private static ProtocolVersion versionOf(String fixture) {
        String v = fixture.substring(fixture.lastIndexOf('-') + 1);
        return ProtocolVersion.fromHeader(v).orElseThrow(() -> new IllegalArgumentException("fixture " + fixture));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void xmlToWbxmlToXmlKeepsTheDocument(String name) throws IOException {
        String original = Fixtures.text("xml/" + name + ".xml");
        ProtocolVersion version = versionOf(name);
        byte[] wbxml = xml.toWbxml(original, version);
        String back = xml.toXml(wbxml);
        assertEquals(infoset(original), infoset(back), back);
        assertArrayEquals(wbxml, xml.toWbxml(back, version), "the printed form encodes to the same bytes");
        assertEquals(back, xml.toXml(xml.toWbxml(back, version)), "printing is stable");
    }

    @Test
    void theFixturesTouchEveryCodePage() throws IOException {
        Set<Integer> touched = new TreeSet<>();
        for (String name : Fixtures.names("xml", ".xml")) {
            byte[] wbxml = xml.toWbxml(Fixtures.text("xml/" + name + ".xml"), versionOf(name));
            for (String event : Fixtures.events(PAGES, wbxml)) {
                if (event.startsWith("<")) {
                    touched.add(Integer.parseInt(event.substring(1, event.indexOf(':'))));
                }
            }
        }
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < 26; i++) {
            all.add(i);
        }
        assertEquals(all, touched);
    }

    /** Every tag of every page that exists in a version, written, read, printed and parsed back. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTagOfEveryPageRoundTrips(ProtocolVersion version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WbxmlWriter w = new WbxmlWriter(out, PAGES, version);
        List<String> expected = new ArrayList<>();
        Tag root = PAGES.require("AirSync", "Sync");
        w.start(root);
        expected.add("<0:Sync");
        int written = 0;
        for (CodePage page : PAGES.pages()) {
            for (Tag tag : page.tags()) {
                if (tag.existsIn(version)) {
                    w.element(tag, tag.name() + " ✓");
                    expected.addAll(List.of("<" + page.number() + ":" + tag.name(), "T" + tag.name() + " ✓", ">" + tag.name()));
                    written++;
                }
            }
        }
        w.end().finish();
        expected.add(">Sync");
        assertTrue(written > 100, "only " + written + " tags in " + version);
        byte[] wbxml = out.toByteArray();
        assertEquals(expected, Fixtures.events(PAGES, wbxml));
        assertArrayEquals(wbxml, xml.toWbxml(xml.toXml(wbxml), version));
    }

    @Test
    void opaqueDataIsAProcessingInstructionInBase64() throws IOException {
        String doc = xml.toXml(xml.toWbxml(Fixtures.text("xml/sendmail-request-16.0.xml"), ProtocolVersion.V16_0));
        assertTrue(doc.contains("<Mime><?opaque RnJvbTog"), doc);
        assertTrue(doc.contains("<SaveInSentItems/>"), doc);
        List<String> events = Fixtures.events(PAGES, xml.toWbxml(doc, ProtocolVersion.V16_0));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("O46726f6d3a20")), events.toString());
    }

    @Test
    void textKeepsItsWhitespaceAndSpecialCharacters() throws IOException {
        String in = "<ApplicationData xmlns=\"AirSync:\" xmlns:notes=\"Notes:\">"
                + "<notes:Subject>  a &amp; b &lt;c&gt;&#13;\n\tz </notes:Subject></ApplicationData>";
        byte[] wbxml = xml.toWbxml(in, ProtocolVersion.V14_0);
        assertEquals(List.of("<0:ApplicationData", "<23:Subject", "T  a & b <c>\r\n\tz ", ">Subject", ">ApplicationData"),
                Fixtures.events(PAGES, wbxml));
        assertArrayEquals(wbxml, xml.toWbxml(xml.toXml(wbxml), ProtocolVersion.V14_0));
    }

    @Test
    void xmlOutsideActiveSyncIsRefused() {
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Sync/>", ProtocolVersion.V14_1), "no namespace");
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Sync xmlns=\"urn:x\"/>", ProtocolVersion.V14_1));
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Sync xmlns=\"AirSync:\" a=\"1\"/>", ProtocolVersion.V14_1));
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Snyc xmlns=\"AirSync:\"/>", ProtocolVersion.V14_1));
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Sync xmlns=\"AirSync:\"><?php x?></Sync>", ProtocolVersion.V14_1));
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Sync xmlns=\"AirSync:\"><?opaque !!?></Sync>", ProtocolVersion.V14_1));
        assertThrows(WbxmlException.class, () -> xml.toWbxml("<Sync xmlns=\"AirSync:\">", ProtocolVersion.V14_1), "unclosed");
        assertThrows(WbxmlException.class, () -> xml.toWbxml(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Sync xmlns=\"AirSync:\">&e;</Sync>",
                ProtocolVersion.V14_1), "DTD");
        assertThrows(WbxmlException.class, () -> xml.toWbxml(
                "<Ping xmlns=\"Ping:\" xmlns:a=\"AirSync:\"><a:HeartbeatInterval>9</a:HeartbeatInterval></Ping>",
                ProtocolVersion.V12_1), "tag not in 12.1");
    }

    /** Namespace URI (colon-less), local name and non-layout text of each node, in order. */
    private static List<String> infoset(String doc) {
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, true);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(doc));
            List<String> out = new ArrayList<>();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT ->
                            out.add("<" + r.getNamespaceURI().replaceAll(":$", "") + "|" + r.getLocalName());
                    case XMLStreamConstants.END_ELEMENT -> out.add(">");
                    case XMLStreamConstants.CHARACTERS -> {
                        if (!r.isWhiteSpace()) {
                            out.add("T" + r.getText());
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> out.add("?" + r.getPITarget() + " " + r.getPIData());
                    default -> {
                    }
                }
            }
            return out;
        } catch (XMLStreamException e) {
            throw new AssertionError(e);
        }
    }
}
