package org.koppel.eas.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.koppel.backend.Body;
import org.koppel.backend.EmailItem;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** ApplicationData as a document of its own: the fixtures' root, written and read alone. */
final class EmailHarness {

    private EmailHarness() {
    }

    static String resource(String name) {
        try (InputStream in = EmailHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as WBXML of {@code version}. */
    static byte[] fixture(String name, ProtocolVersion version) throws IOException {
        return CodecHarness.wbxml(resource(name), version);
    }

    /** {@code data} written inside an ApplicationData root at {@code version}. */
    static byte[] encode(ApplicationDataWriter data, ProtocolVersion version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ElementWriter out = new ElementWriter(new WbxmlWriter(bytes, CodecHarness.PAGES, version), CodecHarness.PAGES);
        out.start("AirSync:ApplicationData");
        data.write(out);
        out.end().finish();
        return bytes.toByteArray();
    }

    static EmailFields decode(byte[] wbxml, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(new WbxmlReader(new ByteArrayInputStream(wbxml), CodecHarness.PAGES),
                CodecHarness.PAGES, version);
        in.root("AirSync:ApplicationData");
        EmailFields f = EmailFields.decoder().decode("5", in);
        in.endDocument();
        return f;
    }

    static EmailFields decode(String fixture, ProtocolVersion version) throws DecodeException, IOException {
        return decode(fixture(fixture, version), version);
    }

    /** Checks two items are the same, comparing the byte arrays and body data by content. */
    static void assertSameItem(EmailItem expected, EmailItem actual) throws IOException {
        assertArrayEquals(expected.conversationId().orElse(null), actual.conversationId().orElse(null), "ConversationId");
        assertArrayEquals(expected.conversationIndex().orElse(null), actual.conversationIndex().orElse(null),
                "ConversationIndex");
        assertEquals(expected.body().map(EmailHarness::comparable), actual.body().map(EmailHarness::comparable), "Body");
        assertEquals(comparable(expected), comparable(actual));
    }

    private static EmailItem comparable(EmailItem m) {
        return new EmailItem(m.to(), m.cc(), m.from(), m.replyTo(), m.subject(), m.dateReceived(), m.displayTo(),
                m.importance(), m.read(), m.messageClass(), m.internetCpid(), m.contentClass(), m.flag(),
                m.categories(), Optional.empty(), Optional.empty(), m.lastVerbExecuted(), m.lastVerbExecutionTime(),
                m.attachments(), Optional.empty(), m.meetingRequest());
    }

    /** A body with stream data turned into its text, as a reader of the response sees it. */
    private static Body comparable(Body b) {
        return new Body(b.type(), b.estimatedDataSize(), b.truncated(), b.data().map(d -> switch (d) {
            case Body.Text t -> t;
            case Body.Stream s -> {
                try (InputStream in = s.source().open()) {
                    yield new Body.Text(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }), b.preview());
    }
}
