package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.imap.syntax.Section;

/** A 32 MiB message generated on the fly: structure and sections come from streams, not from a byte array. */
class LargeMessageTest {

    private static final String HEAD = "Subject: big\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            + "Content-Type: text/plain\r\n\r\nsee attachment\r\n--b\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n";
    private static final String TAIL = "\r\n--b--\r\n";
    private static final byte[] LINE = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int LINES = 32 * 1024 * 1024 / LINE.length;

    private static InputStream open() {
        InputStream lines = new InputStream() {
            private long position;
            private final long size = (long) LINES * LINE.length - 2; // the last line's break belongs to the delimiter

            @Override
            public int read() {
                return position < size ? LINE[(int) (position++ % LINE.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = LINE[(int) (position++ % LINE.length)];
                }
                return n;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(
                new java.io.ByteArrayInputStream(HEAD.getBytes(StandardCharsets.US_ASCII)), lines),
                new java.io.ByteArrayInputStream(TAIL.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void structureAndSectionsOfALargeMessage() throws Exception {
        SectionReader reader = new SectionReader(LargeMessageTest::open);
        long attachment = (long) LINES * LINE.length - 2;
        assertEquals(HEAD.length() + attachment + TAIL.length(), reader.size());
        MimePart part = reader.structure().part(List.of(2)).orElseThrow();
        assertEquals(attachment, part.bodySize());
        SectionContent body = reader.read(new Section(List.of(2), Section.Text.NONE, List.of())).orElseThrow();
        assertEquals(attachment, body.size());
        assertEquals("2d3h5ejAxMjM0", new String(body.slice(attachment - 13, 100).readAll(), StandardCharsets.US_ASCII));
        assertEquals("see attachment", new String(reader.read(new Section(List.of(1), Section.Text.NONE, List.of()))
                .orElseThrow().readAll(), StandardCharsets.US_ASCII));
        assertEquals((long) LINES * 57, reader.binary(List.of(2)).orElseThrow().size(), "57 octets per base64 line");
    }
}
