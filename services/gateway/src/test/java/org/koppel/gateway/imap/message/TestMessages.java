package org.koppel.gateway.imap.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Messages under {@code src/test/resources/imap/messages}. */
final class TestMessages {

    private TestMessages() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/imap/messages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageSource source(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static SectionReader reader(String name) {
        return new SectionReader(source(bytes(name)));
    }
}
