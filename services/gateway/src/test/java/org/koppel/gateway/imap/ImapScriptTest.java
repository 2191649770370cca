package org.koppel.gateway.imap;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.gateway.script.ScriptedSession;

/** Replays every script of {@code imap/scripts/} against a fresh server and store. */
class ImapScriptTest {

    private ImapFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterEach
    void stop() throws IOException {
        fixture.close();
    }

    static Stream<Path> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(ImapScriptTest.class.getResource("/imap/scripts").toURI());
        return Files.list(dir).filter(p -> p.toString().endsWith(".script")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(Path script) {
        ScriptedSession.replay(script, "127.0.0.1", fixture.port(), Map.of());
    }
}
