package org.koppel.inetmapi.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageContent;

/** MS-OXOMSG conversation properties from a message's headers, checked against MD5 values computed elsewhere. */
class ConversationPropertiesTest {

    private static MessageContent read(String headers) throws IOException {
        byte[] mime = (headers + "From: a@example.org\r\nTo: b@example.org\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try (ConvertedMessage m = new MimeReader(new LocalNamedTags()).read(new ByteArrayInputStream(mime),
                Instant.parse("2026-11-29T12:00:00Z"))) {
            return m.content();
        }
    }

    private static Object value(MessageContent m, PropTag tag) {
        return m.properties().stream().filter(p -> p.tag().equals(tag)).map(p -> p.javaValue()).findFirst()
                .orElse(null);
    }

    @Test
    void theIdIsTheMd5OfTheUpperCasedTopicInUtf16() throws IOException {
        MessageContent m = read("Subject: Quarterly report\r\n");
        assertEquals("Quarterly report", value(m, PropTags.PR_CONVERSATION_TOPIC));
        // python3: hashlib.md5("QUARTERLY REPORT".encode("utf-16-le")).hexdigest()
        assertArrayEquals(HexFormat.of().parseHex("8a916e0237773915a0abf8505e619919"),
                (byte[]) value(m, PropTags.PR_CONVERSATION_ID));
    }

    @Test
    void repliesAndForwardsShareTheOriginalsConversation() throws IOException {
        byte[] original = (byte[]) value(read("Subject: Quarterly report\r\n"), PropTags.PR_CONVERSATION_ID);
        for (String subject : new String[] {"Re: Quarterly report", "RE: Fwd: Quarterly report", "AW: Quarterly report",
                "Fw:Quarterly report"}) {
            MessageContent reply = read("Subject: " + subject + "\r\n");
            assertEquals("Quarterly report", value(reply, PropTags.PR_CONVERSATION_TOPIC), subject);
            assertArrayEquals(original, (byte[]) value(reply, PropTags.PR_CONVERSATION_ID), subject);
        }
    }

    @Test
    void aSubjectThatMerelyHasAColonKeepsIt() {
        assertEquals("Meeting at 10:30", ConversationProperties.topic("Meeting at 10:30"));
        assertEquals("1st: results", ConversationProperties.topic("1st: results"));
        assertEquals("Agenda: Monday", ConversationProperties.topic("Agenda: Monday"), "a word longer than 3 letters");
    }

    @Test
    void outlooksThreadHeadersWin() throws IOException {
        MessageContent m = read("Subject: RE: something else\r\nThread-Topic: Hello\r\n"
                + "Thread-Index: AQECAwQFBgcICQoLDA0ODxAREhMUFQkIBwYF\r\n");
        assertEquals("Hello", value(m, PropTags.PR_CONVERSATION_TOPIC));
        // python3: hashlib.md5("HELLO".encode("utf-16-le")).hexdigest()
        assertArrayEquals(HexFormat.of().parseHex("88d02997c7cf2fbca9e5ed72d848ff05"),
                (byte[]) value(m, PropTags.PR_CONVERSATION_ID));
        byte[] index = (byte[]) value(m, PropTags.PR_CONVERSATION_INDEX);
        assertNotNull(index);
        assertEquals(27, index.length, "the 22-byte header and one child block");
    }

    @Test
    void aMalformedThreadIndexIsLeftOut() {
        assertTrue(ConversationProperties.index("not base64 !!").isEmpty());
        assertTrue(ConversationProperties.index("AQID").isEmpty(), "too short");
        assertTrue(ConversationProperties.index("AgECAwQFBgcICQoLDA0ODxAREhMUFQ==").isEmpty(), "first byte not 1");
    }

    @Test
    void noSubjectMeansNoConversation() throws IOException {
        MessageContent m = read("");
        assertEquals(null, value(m, PropTags.PR_CONVERSATION_ID));
        assertEquals(Optional.empty(), Optional.ofNullable(value(m, PropTags.PR_CONVERSATION_TOPIC)));
    }
}
