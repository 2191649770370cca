package org.koppel.inetmapi.mime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;

/**
 * Truncated and mutated corpus messages: the converter never throws, never hangs, and always gives a
 * message (converted, or the fallback with the original attached) that the writer can write.
 */
class MimeFuzzTest {

    private static final byte[][] NASTY = {
        "\r\n--".getBytes(StandardCharsets.US_ASCII), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        "Content-Type: multipart/mixed; boundary=\"\"\r\n".getBytes(StandardCharsets.US_ASCII),
        "=?utf-8?b?".getBytes(StandardCharsets.US_ASCII), "filename*0*=x'';".getBytes(StandardCharsets.US_ASCII),
        {(byte) 0xFF, (byte) 0xFE, 0, 0}, "Content-Transfer-Encoding: base64\r\n".getBytes(StandardCharsets.US_ASCII),
        "Content-Type: message/rfc822\r\n\r\n".getBytes(StandardCharsets.US_ASCII)};

    @Test
    void mutatedMessagesNeverThrowNorHang() throws Exception {
        List<Path> files = CorpusRoundTripTest.messages().toList();
        Random random = new Random(20261129L);
        int runs = 0;
        for (Path f : files) {
            byte[] original = Files.readAllBytes(f);
            for (int i = 0; i < 40; i++) {
                byte[] mutated = mutate(original, random);
                runs++;
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> convert(mutated),
                        () -> f.getFileName() + " mutation hangs");
            }
        }
        assertEquals(files.size() * 40, runs);
    }

    private static void convert(byte[] mime) throws Exception {
        LocalNamedTags names = new LocalNamedTags();
        try (ConvertedMessage c = new MimeReader(names).read(new ByteArrayInputStream(mime), Instant.EPOCH)) {
            assertNotNull(c.content());
            new MimeWriter(names).write(new ContentMessage(c.content()), OutputStream.nullOutputStream());
        }
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(5)) {
            case 0 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 1 -> {
                for (int k = 0; k < 1 + r.nextInt(20); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                int at = r.nextInt(b.length + 1);
                byte[] ins = NASTY[r.nextInt(NASTY.length)];
                byte[] out = new byte[b.length + ins.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(b, at, out, at + ins.length, b.length - at);
                b = out;
            }
            case 3 -> {
                int from = r.nextInt(b.length);
                int len = r.nextInt(Math.max(1, b.length - from));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, from + len, out, from, b.length - from - len);
                b = out;
            }
            default -> {
                // repeat a slice many times: deep or wide structures out of real headers
                int from = r.nextInt(b.length);
                int len = Math.min(200, b.length - from);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.write(b, 0, from);
                for (int k = 0; k < 50; k++) {
                    out.write(b, from, len);
                }
                out.write(b, from, b.length - from);
                b = out.toByteArray();
            }
        }
        return b;
    }
}
