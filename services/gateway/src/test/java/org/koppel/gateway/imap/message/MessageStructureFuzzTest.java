package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.imap.syntax.Section;

/**
 * Every prefix and random mutations of the test messages must yield a consistent structure (offsets nested and
 * within the message) and encodable ENVELOPE/BODYSTRUCTURE, with sections readable, never an exception.
 */
class MessageStructureFuzzTest {

    private static final String[] MESSAGES = {"nested.eml", "simple.eml", "python-msg_02.eml", "python-msg_07.eml",
        "python-msg_16.eml", "python-msg_35.eml"};
    private static final String[] INSERTS = {"\r\n", "\n", "--outer\r\n", "--outer--\r\n", "--inner\r\n",
        "Content-Type: multipart/mixed; boundary=outer\r\n", "Content-Type: message/rfc822\r\n\r\n", "\r\n\r\n", ":",
        "Content-Transfer-Encoding: base64\r\n", "=?utf-8?q?=C3?=", "<", ">", "\"", "(", " ", "\t", "["};

    private static void exercise(byte[] message) throws Exception {
        SectionReader reader = new SectionReader(TestMessages.source(message));
        MimePart root = reader.structure();
        assertEquals(message.length, root.bodyEnd());
        List<List<Integer>> paths = new ArrayList<>();
        walk(root, root.bodyEnd(), List.of(), paths, true);
        ResponseText.of(reader.envelope()::write);
        ResponseText.of(w -> reader.bodyStructure().write(w, true));
        ThreadMessage.of(1, Instant.EPOCH, root.headers());
        SortFields.of(1, Instant.EPOCH, message.length, root.headers());
        new ContentSearch(TestMessages.source(message), root).textContains("zz");
        for (List<Integer> path : paths) {
            for (Section.Text text : new Section.Text[] {Section.Text.NONE, Section.Text.MIME, Section.Text.HEADER,
                Section.Text.TEXT}) {
                if (text == Section.Text.MIME && path.isEmpty()) {
                    continue;
                }
                reader.read(new Section(path, text, List.of())).ifPresent(c -> {
                    try {
                        assertEquals(c.size(), c.readAll().length);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
            }
            try {
                reader.binary(path).ifPresent(c -> { });
            } catch (UnknownTransferEncodingException e) {
                // fine: a mutated encoding name
            }
        }
    }

    private static void walk(MimePart part, long limit, List<Integer> path, List<List<Integer>> paths, boolean top) {
        if (!(part.headerStart() <= part.bodyStart() && part.bodyStart() <= part.bodyEnd() && part.bodyEnd() <= limit)) {
            throw new AssertionError("inconsistent offsets " + part);
        }
        paths.add(path);
        if (part.contentType().multipart()) {
            for (int i = 0; i < part.children().size(); i++) {
                List<Integer> child = new ArrayList<>(path);
                child.add(i + 1);
                walk(part.children().get(i), part.bodyEnd(), child, paths, false);
            }
        }
        part.embedded().ifPresent(e -> {
            if (e.headerStart() != part.bodyStart() || e.bodyEnd() != part.bodyEnd()) {
                throw new AssertionError("embedded message does not fill its part");
            }
        });
    }

    @Test
    void everyPrefix() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (String name : new String[] {"nested.eml", "simple.eml"}) {
                byte[] bytes = TestMessages.bytes(name);
                for (int n = 0; n <= bytes.length; n++) {
                    exercise(Arrays.copyOf(bytes, n));
                }
            }
        });
    }

    @Test
    void randomMutations() {
        Random random = new Random(5256);
        List<byte[]> corpus = new ArrayList<>();
        for (String name : MESSAGES) {
            corpus.add(TestMessages.bytes(name));
        }
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < 10_000; i++) {
                byte[] data = corpus.get(random.nextInt(corpus.size())).clone();
                for (int m = 0; m < 1 + random.nextInt(6); m++) {
                    int pos = data.length == 0 ? 0 : random.nextInt(data.length);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            out.write(data, 0, pos);
                            out.writeBytes(INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8));
                            out.write(data, pos, data.length - pos);
                        }
                        case 1 -> {
                            int end = Math.min(data.length, pos + random.nextInt(40));
                            out.write(data, 0, pos);
                            out.write(data, end, data.length - end);
                        }
                        default -> {
                            out.writeBytes(data);
                            if (data.length > 0) {
                                byte[] d = out.toByteArray();
                                d[pos] = (byte) random.nextInt(256);
                                out.reset();
                                out.writeBytes(d);
                            }
                        }
                    }
                    data = out.toByteArray();
                }
                exercise(data);
            }
        });
    }

    @Test
    void deepNestingIsBounded() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("Content-Type: message/rfc822\r\n\r\n");
        }
        sb.append("Subject: bottom\r\n\r\nbody\r\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        exercise(bytes);
        MimePart root = MessageStructure.parse(new ByteArrayInputStream(bytes));
        assertEquals(bytes.length, root.bodyEnd());
    }
}
