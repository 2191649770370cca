package org.koppel.inetmapi.tnef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.koppel.inetmapi.tnef.TnefWriter.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.koppel.inetmapi.LocalNamedTags;

/** Broken and hostile TNEF: each ends quickly in a TnefException, never a runtime exception or a hang. */
class TnefCorruptionTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private TnefReader reader() {
        return new TnefReader(TnefLimits.defaults().withTempDir(temp).withMemoryThreshold(64));
    }

    private TnefMessage read(byte[] tnef) throws IOException {
        return reader().read(new ByteArrayInputStream(tnef));
    }

    private static byte[] small() {
        return new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("Hi"))
                .attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, new Props().unicode(0x1000, "body").longValue(0x0036, 1)
                        .toBytes())
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, "0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII))
                .toBytes();
    }

    @Test
    void refusesABadSignature() {
        byte[] tnef = small();
        tnef[0] = 0x79;
        TnefException e = assertThrows(TnefException.Corrupt.class, () -> read(tnef));
        assertEquals("not a TNEF stream (signature 0x223E9F79)", e.getMessage());
        assertThrows(TnefException.Corrupt.class, () -> read("not tnef at all".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(TnefException.Corrupt.class, () -> read(new byte[0]));
    }

    @Test
    void refusesAWrongChecksum() {
        byte[] tnef = new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("Hi"), checksum(cString("Hi")) + 1)
                .toBytes();
        TnefException e = assertThrows(TnefException.Corrupt.class, () -> read(tnef));
        assertTrue(e.getMessage().startsWith("attribute 0x00018004 fails its checksum"), e.getMessage());
    }

    @Test
    void refusesAChangedByteInsideAttributeData() {
        byte[] tnef = small();
        tnef[tnef.length - 20] ^= 0x10; // inside the attachment's data: only the checksum can tell
        assertThrows(TnefException.Corrupt.class, () -> read(tnef));
    }

    @Test
    void refusesEveryTruncationThatIsNotAnAttributeBoundary() throws IOException {
        TnefWriter w = new TnefWriter()
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("Hi"))
                .attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, new Props().unicode(0x1000, "body").toBytes())
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACHMENT, new Props().object(0x3701, IID_IMESSAGE,
                        new TnefWriter().attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("inner")).toBytes()).toBytes());
        byte[] tnef = w.toBytes();
        List<Integer> boundaries = w.boundaries();
        assertTimeoutPreemptively(QUICKLY, () -> {
            for (int n = 0; n < tnef.length; n++) {
                byte[] prefix = Arrays.copyOf(tnef, n);
                if (boundaries.contains(n)) {
                    try (TnefMessage m = read(prefix)) {
                        assertTrue(m.attachments().size() <= 1, "a shorter stream at " + n);
                    }
                } else {
                    int at = n;
                    assertThrows(TnefException.Corrupt.class, () -> read(prefix), "cut at " + at);
                }
            }
        });
        try (TnefMessage whole = read(tnef)) {
            assertEquals(1, whole.attachments().size());
        }
    }

    @Test
    void refusesAnAttributeLengthOfTwoGigabytesAtOnce() {
        byte[] head = new TnefWriter().toBytes();
        byte[] huge = cat(head, new byte[] {LEVEL_ATTACHMENT}, le(ATT_ATTACH_DATA, 4), le(0x80000000L, 4),
                "a little".getBytes(StandardCharsets.US_ASCII));
        TnefException e = assertThrows(TnefException.LimitExceeded.class, () -> read(huge));
        assertTrue(e.getMessage().contains("2147483648 bytes"), e.getMessage());

        // With no limit in the way, the stream itself ends long before: still quick, still bounded.
        TnefReader unlimited = new TnefReader(TnefLimits.defaults().withTempDir(temp)
                .withMaxAttributeBytes(Long.MAX_VALUE));
        assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TnefException.Corrupt.class,
                () -> unlimited.read(new ByteArrayInputStream(huge))));
    }

    @Test
    void refusesLengthsAndCountsInsidePropertiesThatRunPastTheAttribute() {
        byte[] valueTooLong = cat(le(1, 4), le(0x0102, 2), le(0x300B, 2), le(1, 4), le(0x7FFFFFF0L, 4), new byte[8]);
        byte[] tooManyProps = cat(le(0xFFFFFFFFL, 4), new byte[16]);
        byte[] tooManyValues = cat(le(1, 4), le(0x101F, 2), le(0x6800, 2), le(0x40000000L, 4), new byte[16]);
        byte[] nameTooLong = cat(le(1, 4), le(0x0003, 2), le(0x8000, 2), new byte[16], le(1, 4), le(0x10000, 4),
                new byte[8]);
        for (byte[] props : List.of(valueTooLong, tooManyProps, tooManyValues, nameTooLong)) {
            byte[] tnef = new TnefWriter().attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, props).toBytes();
            assertTimeoutPreemptively(QUICKLY, () -> assertThrows(TnefException.Corrupt.class, () -> read(tnef)));
        }
    }

    @Test
    void refusesAnUnknownPropertyTypeAndAnUnknownLevel() {
        byte[] unknownType = cat(le(1, 4), le(0x0099, 2), le(0x6800, 2), le(0, 4));
        assertThrows(TnefException.Corrupt.class,
                () -> read(new TnefWriter().attribute(LEVEL_MESSAGE, ATT_MAPI_PROPS, unknownType).toBytes()));
        assertThrows(TnefException.Corrupt.class,
                () -> read(new TnefWriter().attribute(7, ATT_SUBJECT, cString("x")).toBytes()));
    }

    @Test
    void refusesEmbeddedMessagesNestedPastTheLimit() {
        byte[] tnef = new TnefWriter().attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("bottom")).toBytes();
        for (int i = 0; i < 20; i++) {
            tnef = new TnefWriter()
                    .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                    .attribute(LEVEL_ATTACHMENT, ATT_ATTACHMENT, new Props().object(0x3701, IID_IMESSAGE, tnef).toBytes())
                    .toBytes();
        }
        byte[] deep = tnef;
        TnefException e = assertThrows(TnefException.LimitExceeded.class, () -> read(deep));
        assertEquals("embedded messages nested deeper than 16", e.getMessage());
    }

    @Test
    void leavesNoSpoolFileBehindWhenItFails() throws IOException {
        byte[] big = new byte[10_000];
        byte[] tnef = new TnefWriter()
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rendData(1))
                .attribute(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, big)
                .attribute(LEVEL_MESSAGE, ATT_SUBJECT, cString("x"), 0)
                .toBytes();
        assertThrows(TnefException.Corrupt.class, () -> read(tnef));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void readsFromAStreamThatDeliversOneByteAtATime() throws IOException {
        byte[] tnef = TnefReaderTest.fullMessage("data".getBytes(StandardCharsets.US_ASCII));
        InputStream trickle = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < tnef.length ? tnef[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        try (TnefMessage m = reader().read(new SequenceInputStream(trickle, InputStream.nullInputStream()))) {
            assertEquals(3, m.attachments().size());
        }
    }

    /**
     * Mutations with the top-level checksums made right again, so they reach the property decoder instead of
     * stopping at the checksum.
     */
    @Test
    void survivesRandomMutationsPastTheChecksums() {
        byte[] corpus = TnefReaderTest.fullMessage("%PDF tiny".getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(11);
        int[] decoded = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 20_000; i++) {
                byte[] mutant = corpus.clone();
                for (int c = 1 + random.nextInt(3); c > 0; c--) {
                    int at = 6 + random.nextInt(mutant.length - 6);
                    mutant[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (mutant[at] ^ 0x80);
                }
                fixChecksums(mutant);
                try (TnefMessage m = read(mutant)) {
                    m.toContent(new LocalNamedTags()).toMessageContent();
                    decoded[0]++;
                } catch (TnefException expected) {
                    // a clean refusal
                } catch (Exception | Error e) {
                    fail("mutation " + i + " escaped as " + e, e);
                }
            }
        });
        assertTrue(decoded[0] > 0, "some mutants still decode, so the decoder was reached");
    }

    /** Recomputes the checksum of each top-level attribute whose framing is still intact. */
    private static void fixChecksums(byte[] tnef) {
        int pos = 6;
        while (pos + 9 <= tnef.length) {
            long length = (tnef[pos + 5] & 0xFFL) | (tnef[pos + 6] & 0xFFL) << 8 | (tnef[pos + 7] & 0xFFL) << 16
                    | (tnef[pos + 8] & 0xFFL) << 24;
            int data = pos + 9;
            if (data + length + 2 > tnef.length) {
                return;
            }
            int sum = checksum(Arrays.copyOfRange(tnef, data, data + (int) length));
            tnef[data + (int) length] = (byte) sum;
            tnef[data + (int) length + 1] = (byte) (sum >> 8);
            pos = data + (int) length + 2;
        }
    }

    /** Every one of 20,000 random mutations of a full message ends in a decoded message or a TnefException. */
    @Test
    void survivesRandomMutations() {
        byte[] corpus = TnefReaderTest.fullMessage("%PDF tiny".getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(20261129);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 20_000; i++) {
                byte[] mutant = corpus.clone();
                int changes = 1 + random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    int at = random.nextInt(mutant.length);
                    mutant[at] = switch (random.nextInt(3)) {
                        case 0 -> (byte) random.nextInt(256);
                        case 1 -> (byte) 0xFF;
                        default -> (byte) (mutant[at] ^ (1 << random.nextInt(8)));
                    };
                }
                if (random.nextInt(10) == 0) {
                    mutant = Arrays.copyOf(mutant, random.nextInt(mutant.length));
                }
                try (TnefMessage m = read(mutant)) {
                    m.toContent(new LocalNamedTags()).toMessageContent();
                } catch (TnefException expected) {
                    // a clean refusal
                } catch (Exception | Error e) {
                    fail("mutation " + i + " escaped as " + e, e);
                }
            }
        });
    }
}
