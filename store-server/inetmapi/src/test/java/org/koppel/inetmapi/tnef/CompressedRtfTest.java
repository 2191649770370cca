package org.koppel.inetmapi.tnef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** [MS-OXRTFCP]: the specification's own examples byte for byte, and what a broken stream does. */
class CompressedRtfTest {

    private static final int MAX = 1 << 20;

    @Test
    void decompressesTheSpecificationsSimpleExample() throws Exception {
        byte[] rtf = CompressedRtf.decompress(TestFiles.hex("rtfcp-example1.hex"), MAX);
        assertArrayEquals("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n".getBytes(StandardCharsets.US_ASCII), rtf);
    }

    @Test
    void decompressesAReferenceThatCrossesTheWriteOffset() throws Exception {
        byte[] rtf = CompressedRtf.decompress(TestFiles.hex("rtfcp-example2.hex"), MAX);
        assertArrayEquals("{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}".getBytes(StandardCharsets.US_ASCII), rtf);
    }

    @Test
    void computesTheSpecificationsCrc() {
        byte[] example = TestFiles.hex("rtfcp-example1.hex");
        assertEquals(0xA7C7C5F1L, CompressedRtf.crc(example, 16, example.length));
        byte[] second = TestFiles.hex("rtfcp-example2.hex");
        assertEquals(0x514BD4E2L, CompressedRtf.crc(second, 16, second.length));
    }

    @Test
    void refusesContentThatFailsItsCrc() {
        byte[] example = TestFiles.hex("rtfcp-example1.hex");
        example[20] ^= 0x01;
        TnefException e = assertThrows(TnefException.Corrupt.class, () -> CompressedRtf.decompress(example, MAX));
        assertEquals("compressed RTF fails its CRC", e.getMessage());
    }

    @Test
    void refusesEveryTruncation() {
        byte[] example = TestFiles.hex("rtfcp-example1.hex");
        for (int n = 0; n < example.length; n++) {
            byte[] prefix = Arrays.copyOf(example, n);
            assertThrows(TnefException.Corrupt.class, () -> CompressedRtf.decompress(prefix, MAX), "prefix " + n);
        }
    }

    @Test
    void refusesARawSizePastTheLimit() {
        byte[] example = TestFiles.hex("rtfcp-example1.hex");
        assertThrows(TnefException.LimitExceeded.class, () -> CompressedRtf.decompress(example, 42));
    }

    @Test
    void refusesAnUnknownCompressionType() {
        byte[] example = TestFiles.hex("rtfcp-example1.hex");
        example[8] = 'X';
        assertThrows(TnefException.Corrupt.class, () -> CompressedRtf.decompress(example, MAX));
    }

    @Test
    void readsUncompressedContentAsItIs() throws Exception {
        byte[] rtf = "{\\rtf1\\ansi plain}".getBytes(StandardCharsets.US_ASCII);
        byte[] mela = TnefWriter.cat(TnefWriter.le(rtf.length + 12, 4), TnefWriter.le(rtf.length, 4),
                "MELA".getBytes(StandardCharsets.US_ASCII), TnefWriter.le(0, 4), rtf);
        assertArrayEquals(rtf, CompressedRtf.decompress(mela, MAX));
    }

    @Test
    void readsWhatTheTestWriterCompresses() throws Exception {
        byte[] rtf = TestFiles.bytes("fromhtml.rtf");
        assertArrayEquals(rtf, CompressedRtf.decompress(TnefWriter.lzfu(rtf), MAX));
    }
}
