package org.koppel.eas.wbxml;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed, truncated, oversized and random input: a WbxmlException, quickly, and nothing else. */
class WbxmlReaderHostileTest {
    private static final CodePages PAGES = CodePages.load();
    private static final String HEADER = "03 01 6A 00 ";

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Reads to the end, taking every opaque block, as a command parser would. */
    private static void drain(InputStream in, WbxmlLimits limits) throws IOException {
        WbxmlReader r = new WbxmlReader(in, PAGES, limits);
        while (true) {
            WbxmlReader.Event e = r.next();
            if (e == WbxmlReader.Event.END_DOCUMENT) {
                return;
            }
            if (e == WbxmlReader.Event.TEXT) {
                assertNotNull(r.text());
            } else if (e == WbxmlReader.Event.OPAQUE) {
                r.opaqueBytes();
            }
        }
    }

    private static WbxmlException refused(String hex) {
        return refused(bytes(hex), WbxmlLimits.DEFAULTS);
    }

    private static WbxmlException refused(byte[] doc, WbxmlLimits limits) {
        return assertThrows(WbxmlException.class, () -> drain(new ByteArrayInputStream(doc), limits));
    }

    private static List<byte[]> corpus() {
        List<byte[]> docs = new ArrayList<>();
        for (String name : Fixtures.names("golden", ".hex")) {
            docs.add(Fixtures.hex("golden/" + name + ".hex"));
        }
        // one with opaque data and multi-byte UTF-8
        docs.add(bytes(HEADER + "00 14 45 4C C3 05 01 02 03 04 05 01 4C 03 C3 A4 E2 82 AC 00 01 01"));
        return docs;
    }

    @Test
    void theCorpusItselfReads() throws IOException {
        for (byte[] doc : corpus()) {
            drain(new ByteArrayInputStream(doc), WbxmlLimits.DEFAULTS);
        }
    }

    @Test
    void everyTruncationOfEveryCorpusDocumentIsRefused() {
        for (byte[] doc : corpus()) {
            for (int len = 0; len < doc.length; len++) {
                WbxmlException e = refused(Arrays.copyOf(doc, len), WbxmlLimits.DEFAULTS);
                assertTrue(e.offset() <= len, "offset " + e.offset() + " beyond " + len);
            }
        }
    }

    @Test
    void headersOtherThanActiveSyncsAreRefused() {
        assertEquals(0, refused("02 01 6A 00 45 01").offset(), "WBXML 1.2");
        assertEquals(1, refused("03 00 00 6A 00 45 01").offset(), "public id from the string table");
        assertEquals(1, refused("03 04 6A 00 45 01").offset(), "another public id");
        assertEquals(2, refused("03 01 04 00 45 01").offset(), "charset not UTF-8");
        assertTrue(refused("03 01 6A 03 41 42 00 45 01").getMessage().contains("string table"));
    }

    @Test
    void badMultiByteIntegersAreRefused() {
        assertTrue(refused("03 81 81 81 81 81 01 6A 00 45 01").getMessage().contains("longer than 5 bytes"));
        assertTrue(refused("03 9F FF FF FF 7F 6A 00 45 01").getMessage().contains("overflows"));
        assertTrue(refused(HEADER + "00 14 4C C3 90 80 80 80 00").getMessage().contains("overflows"));
        assertTrue(refused(HEADER + "00 14 4C C3 80 80 80 80 80 80 00").getMessage().contains("longer than 5"));
    }

    @Test
    void aDeclaredTwoGigabyteOpaqueIsRefusedBeforeAnythingIsAllocated() {
        // OPAQUE with length 0x80000000 and 3 bytes of data
        byte[] doc = bytes(HEADER + "00 14 4C C3 88 80 80 80 00 01 02 03");
        WbxmlException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(doc, WbxmlLimits.DEFAULTS));
        assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
        assertEquals(7, e.offset());
        // Even with limits lifted, memory follows the bytes that arrive, not the declared length.
        WbxmlLimits open = new WbxmlLimits(64, 1 << 20, Long.MAX_VALUE, Long.MAX_VALUE);
        WbxmlException truncated = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(doc, open));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void tenThousandDeepNestingIsRefusedAtTheDepthLimit() {
        byte[] doc = new byte[4 + 10_000];
        System.arraycopy(bytes(HEADER), 0, doc, 0, 4);
        Arrays.fill(doc, 4, doc.length, (byte) 0x45);
        WbxmlException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(doc, WbxmlLimits.DEFAULTS));
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
        assertEquals(4 + 64, e.offset());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(doc, WbxmlLimits.DEFAULTS.withMaxDepth(20_000)));
    }

    @Test
    void unknownPagesTokensAndUnusedWbxmlFeaturesAreRefused() {
        assertTrue(refused(HEADER + "00 1A 45 01").getMessage().contains("code page 26"));
        assertTrue(refused(HEADER + "51 01").getMessage().contains("unknown token 0x11"));
        assertTrue(refused(HEADER + "45 00 19 4F 01 01").getMessage().contains("unknown token 0x0F on code page 25"));
        assertTrue(refused(HEADER + "C5 01 01").getMessage().contains("attributes"));
        assertTrue(refused(HEADER + "85 01").getMessage().contains("attributes"));
        assertTrue(refused(HEADER + "45 02 41 01").getMessage().contains("entities"));
        assertTrue(refused(HEADER + "45 04 00 01").getMessage().contains("string table"));
        assertTrue(refused(HEADER + "45 83 00 01").getMessage().contains("string table"));
        assertTrue(refused(HEADER + "45 C4 00 01").getMessage().contains("string table"));
        assertTrue(refused(HEADER + "45 40 41 00 01").getMessage().contains("extension"));
        assertTrue(refused(HEADER + "45 C0 01").getMessage().contains("extension"));
        assertTrue(refused(HEADER + "45 43 01").getMessage().contains("processing"));
    }

    @Test
    void unbalancedAndMisplacedContentIsRefused() {
        assertTrue(refused(HEADER + "01").getMessage().contains("END without"));
        assertTrue(refused(HEADER + "03 41 00 45 01").getMessage().contains("outside the root"));
        assertTrue(refused(HEADER + "C3 01 00 45 01").getMessage().contains("outside the root"));
        assertTrue(refused(HEADER + "45 01 01").getMessage().contains("after the end"));
        assertTrue(refused(HEADER + "45 01 45 01").getMessage().contains("after the end"));
        assertTrue(refused(HEADER + "05 05").getMessage().contains("after the end"));
        assertTrue(refused(HEADER).getMessage().contains("before the root"));
        assertTrue(refused(HEADER + "45 5C 01").getMessage().contains("inside <Sync>"));
    }

    @Test
    void stringsMustBeUtf8AndWithinTheLimit() {
        assertTrue(refused(HEADER + "45 4B 03 C3 28 00 01 01").getMessage().contains("UTF-8"));
        assertTrue(refused(HEADER + "45 4B 03 ED A0 80 00 01 01").getMessage().contains("UTF-8"), "surrogate");
        byte[] doc = bytes(HEADER + "45 4B 03 41 41 41 41 41 00 01 01");
        refused(doc, WbxmlLimits.DEFAULTS.withMaxStringLength(4));
        assertDoesNotThrow(() -> drain(new ByteArrayInputStream(doc), WbxmlLimits.DEFAULTS.withMaxStringLength(5)));
    }

    @Test
    void theTotalSizeLimitHoldsEvenForAnEndlessStream() {
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(bytes(HEADER + "45 4B 03")),
                new InputStream() {
                    @Override
                    public int read() {
                        return 'a';
                    }
                });
        WbxmlException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(WbxmlException.class,
                () -> drain(endless, WbxmlLimits.DEFAULTS.withMaxTotalBytes(100_000))));
        assertTrue(e.getMessage().contains("longer than 100000"), e.getMessage());
        byte[] opaque = bytes(HEADER + "00 14 4C C3 64 " + "00 ".repeat(100) + "01");
        assertTrue(refused(opaque, WbxmlLimits.DEFAULTS.withMaxTotalBytes(50)).getMessage().contains("past the document limit"));
        assertTrue(refused(opaque, WbxmlLimits.DEFAULTS.withMaxOpaqueLength(99)).getMessage().contains("exceeds the limit"));
    }

    @Test
    void aStaleOpaqueStreamCannotReadOn() throws IOException {
        WbxmlReader r = new WbxmlReader(new ByteArrayInputStream(bytes(HEADER + "00 14 45 4C C3 02 01 02 01 01")), PAGES);
        r.next();
        r.next();
        r.next();
        InputStream s = r.opaqueStream();
        assertEquals(1, s.read());
        assertEquals(WbxmlReader.Event.END_TAG, r.next(), "the unread opaque byte is skipped");
        assertThrows(IllegalStateException.class, s::read);
    }

    @Test
    void randomMutationsEndInWbxmlExceptionOrAValidDocumentQuickly() {
        List<byte[]> corpus = corpus();
        Random random = new Random(0x6B6F7070656CL);
        int[] special = {0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x80, 0x83, 0xC3, 0xC4, 0x45, 0x05, 0xFF, 0x7F};
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 5000; i++) {
                byte[] doc = mutate(corpus.get(random.nextInt(corpus.size())), random, special);
                try {
                    drain(new ByteArrayInputStream(doc), WbxmlLimits.DEFAULTS.withMaxDepth(32));
                    outcome[0]++;
                } catch (WbxmlException expected) {
                    assertTrue(expected.offset() >= 0 && expected.offset() <= doc.length,
                            "offset " + expected.offset() + " in " + HexFormat.of().formatHex(doc));
                    outcome[1]++;
                } catch (Throwable t) {
                    fail("mutation " + i + " escaped as " + t + ": " + HexFormat.of().formatHex(doc), t);
                }
            }
        });
        assertTrue(outcome[1] > 2500, "most mutations must be refused: " + outcome[0] + " read, " + outcome[1] + " refused");
    }

    private static byte[] mutate(byte[] doc, Random random, int[] special) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] d = doc.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(d.length);
            switch (random.nextInt(5)) {
                case 0 -> d[at] = (byte) random.nextInt(256);
                case 1 -> d[at] = (byte) special[random.nextInt(special.length)];
                case 2 -> d[at] ^= (byte) (1 << random.nextInt(8));
                case 3 -> { // delete a byte
                    out.reset();
                    out.write(d, 0, at);
                    out.write(d, at + 1, d.length - at - 1);
                    d = out.toByteArray();
                    if (d.length == 0) {
                        return d;
                    }
                }
                default -> { // duplicate a range
                    int len = 1 + random.nextInt(Math.min(16, d.length - at));
                    out.reset();
                    out.write(d, 0, at + len);
                    out.write(d, at, d.length - at);
                    d = out.toByteArray();
                }
            }
        }
        return d;
    }
}
