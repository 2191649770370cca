package org.koppel.inetmapi.mime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/**
 * Every message of the shared corpus survives MIME -> MAPI -> MIME -> MAPI: subject, sender, recipients,
 * text bodies (after line-end normalisation) and attachment bytes come back the same.
 */
class CorpusRoundTripTest {

    /**
     * The shared corpus: ../shared/corpus beside the project (found from wherever surefire runs), or the
     * planners' copy at /work/shared on this kind of machine.
     */
    static Path corpus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/corpus/mime/python-email").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Path fallback = Path.of("/work/shared/corpus/mime/python-email");
        assertTrue(Files.isDirectory(fallback), "../shared/corpus not found above " + Path.of("").toAbsolutePath());
        return fallback;
    }

    static Stream<Path> messages() throws IOException {
        return Files.list(corpus()).filter(f -> f.getFileName().toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void roundTrips(Path file) throws Exception {
        LocalNamedTags names = new LocalNamedTags();
        MimeReader reader = new MimeReader(names);
        Instant received = Instant.parse("2026-11-29T10:00:00Z");
        try (ConvertedMessage first = reader.read(Files.newInputStream(file), received)) {
            assertFalse(first.fallback(), file + " should convert, not fall back");
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new MimeWriter(names).write(new ContentMessage(first.content()), written);
            try (ConvertedMessage second = reader.read(new ByteArrayInputStream(written.toByteArray()), received)) {
                assertFalse(second.fallback(), "what Koppel wrote reads back:\n" + written);
                same(first.content(), second.content(), written.toString());
            }
        }
    }

    /**
     * A stored message rendered twice is the same bytes (IMAP fetches it in pieces); two different messages
     * get different boundaries.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void renderingAStoredMessageIsRepeatable(Path file) throws Exception {
        LocalNamedTags names = new LocalNamedTags();
        try (ConvertedMessage read = new MimeReader(names).read(Files.newInputStream(file),
                Instant.parse("2026-11-29T10:00:00Z"))) {
            MessageContent stored = withIdentity(read.content(), new byte[] {1, 2, 3, 4});
            String once = render(names, stored);
            assertEquals(once, render(names, stored), file.toString());
            String other = render(names, withIdentity(read.content(), new byte[] {9, 9, 9, 9}));
            if (once.contains("----=_koppel_")) {
                assertNotEquals(once, other, "boundaries come from the message's identity");
            }
        }
    }

    /**
     * Messages attached without a Date of their own (msg_30 carries two) are dated like the message that
     * carries them, not with the time of the rendering, which would change between two fetches.
     */
    @org.junit.jupiter.api.Test
    void anUndatedAttachedMessageTakesTheOuterDate() throws Exception {
        LocalNamedTags names = new LocalNamedTags();
        try (ConvertedMessage read = new MimeReader(names).read(
                Files.newInputStream(corpus().resolve("msg_30.txt")), Instant.parse("2026-11-29T10:00:00Z"))) {
            String rendered = render(names, withIdentity(read.content(), new byte[] {1, 2, 3, 4}));
            List<String> dates = rendered.lines().filter(l -> l.startsWith("Date: ")).toList();
            assertEquals(3, dates.size(), rendered);
            assertEquals(List.of("Date: Sun, 29 Nov 2026 10:00:00 GMT"), dates.stream().distinct().toList(), rendered);
        }
    }

    private static MessageContent withIdentity(MessageContent c, byte[] sourceKey) {
        List<PropValue> props = new ArrayList<>(c.properties());
        props.add(PropValue.of(PropTags.PR_SOURCE_KEY, sourceKey));
        return new MessageContent(props, c.recipients(), c.attachments(), c.associated());
    }

    private static String render(LocalNamedTags names, MessageContent c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MimeWriter(names).write(new ContentMessage(c), out);
        return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static void same(MessageContent a, MessageContent b, String written) throws Exception {
        for (PropTag t : List.of(PropTags.PR_SUBJECT, PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS,
                PropTags.PR_SENT_REPRESENTING_NAME, PropTags.PR_SENDER_SMTP_ADDRESS, PropTags.PR_INTERNET_MESSAGE_ID,
                PropTags.PR_IN_REPLY_TO_ID, PropTags.PR_IMPORTANCE, PropTags.PR_CLIENT_SUBMIT_TIME,
                PropTags.PR_REPLY_RECIPIENT_NAMES)) {
            if (value(a, t) == null && (t.equals(PropTags.PR_INTERNET_MESSAGE_ID)
                    || t.equals(PropTags.PR_CLIENT_SUBMIT_TIME))) {
                continue; // the writer supplies a Message-ID and a Date where the original had none
            }
            assertEquals(value(a, t), value(b, t), t + "\n" + written);
        }
        assertEquals(text(value(a, PropTags.PR_BODY)), text(value(b, PropTags.PR_BODY)), "body\n" + written);
        assertEquals(a.recipients().stream().map(CorpusRoundTripTest::recipient).toList(),
                b.recipients().stream().map(CorpusRoundTripTest::recipient).toList(), "recipients");
        assertEquals(digests(a), digests(b), "attachments\n" + written);
    }

    static String recipient(Recipient r) {
        return r.type() + " " + r.email().toLowerCase() + " " + r.displayName();
    }

    static Object value(MessageContent m, PropTag t) {
        return m.properties().stream().filter(v -> v.tag().equals(t)).map(PropValue::javaValue).findFirst().orElse(null);
    }

    static String text(Object body) {
        return body == null ? "" : body.toString().replace("\r\n", "\n").strip();
    }

    static List<String> digests(MessageContent m) throws Exception {
        List<String> out = new ArrayList<>();
        for (AttachmentContent a : m.attachments()) {
            switch (a) {
                case AttachmentContent.ByValue v -> {
                    try (InputStream in = v.data().open()) {
                        out.add("data " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(in.readAllBytes())));
                    }
                }
                case AttachmentContent.Embedded e -> {
                    out.add("message " + value(e.message(), PropTags.PR_SUBJECT) + " "
                            + text(value(e.message(), PropTags.PR_BODY)).hashCode() + " " + digests(e.message()));
                }
            }
        }
        return out;
    }
}
