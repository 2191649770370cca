package org.koppel.inetmapi.tnef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** [MS-OXRTFEX] de-encapsulation and the plain-text fallback of RTF bodies. */
class EncapsulatedRtfTest {

    @Test
    void givesBackEncapsulatedHtml() {
        byte[] rtf = TestFiles.bytes("fromhtml.rtf");
        assertEquals(EncapsulatedRtf.Origin.HTML, EncapsulatedRtf.origin(rtf));
        String expected = new String(TestFiles.bytes("fromhtml.html"), StandardCharsets.UTF_8);
        assertEquals(Optional.of(expected), EncapsulatedRtf.html(rtf));
        assertEquals(Optional.empty(), EncapsulatedRtf.text(rtf));
    }

    @Test
    void givesBackEncapsulatedText() {
        byte[] rtf = TestFiles.bytes("fromtext.rtf");
        assertEquals(EncapsulatedRtf.Origin.TEXT, EncapsulatedRtf.origin(rtf));
        assertEquals(Optional.of("Hello Jos\u00e9,\r\nsecond line\ttabbed\r\n"), EncapsulatedRtf.text(rtf));
        assertEquals(Optional.empty(), EncapsulatedRtf.html(rtf));
    }

    @Test
    void givesTheTextOfSimpleRtf() {
        byte[] rtf = TestFiles.bytes("plain.rtf");
        assertEquals(EncapsulatedRtf.Origin.RTF, EncapsulatedRtf.origin(rtf));
        assertEquals(Optional.of("Dear Anna,\r\nsee here\r\n\u201Cquoted\u201D \u20AC 5\r\n"), EncapsulatedRtf.text(rtf));
    }

    @Test
    void givesNoTextForRtfWithEmbeddedObjects() {
        assertEquals(Optional.empty(), EncapsulatedRtf.text(TestFiles.bytes("object.rtf")));
    }

    @Test
    void survivesUnbalancedAndTruncatedRtf() {
        byte[] rtf = TestFiles.bytes("fromhtml.rtf");
        for (int n = 0; n < rtf.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(rtf, n);
            EncapsulatedRtf.html(prefix);
            EncapsulatedRtf.text(prefix);
        }
        String deep = "{\\rtf1\\fromhtml1 " + "{".repeat(100_000) + "{\\*\\htmltag <p>}" + "}".repeat(50_000);
        assertTrue(EncapsulatedRtf.html(deep.getBytes(StandardCharsets.US_ASCII)).orElseThrow().contains("<p>"));
    }
}
