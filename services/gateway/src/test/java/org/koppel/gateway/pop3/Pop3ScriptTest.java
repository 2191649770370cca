package org.koppel.gateway.pop3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.script.ScriptedSession;

/**
 * Replays every {@code pop3/*.script} over a real socket against a POP3 server on a fresh store (see
 * {@link Pop3Fixture} for its users and messages). A script's first lines may say {@code #! disable_plaintext_auth}
 * to run against a server that refuses plaintext logins before STLS.
 */
class Pop3ScriptTest {

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(Pop3Fixture.messagesDir().getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".script")).sorted().toList()
                    .stream();
        }
    }

    static Map<String, String> variables() {
        return Map.of(
                "plain_alice", base64("\0alice\0alice-pw"),
                "plain_alice_authz", base64("alice\0alice\0alice-pw"),
                "plain_bob_as_alice", base64("alice\0bob\0bob-pw"),
                "plain_alice_wrong", base64("\0alice\0wrong"),
                "longline", "NOOP " + "x".repeat(70_000));
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(String name) throws Exception {
        Path script = Pop3Fixture.messagesDir().getParent().resolve(name);
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        try (Pop3Fixture f = Pop3Fixture.start()) {
            GatewayConfig config = f.config();
            if (lines.stream().anyMatch(l -> l.equals("#! disable_plaintext_auth"))) {
                config = config.withDisablePlaintextAuth(true);
            }
            try (Pop3Server server = Pop3Server.start(config, f.engine)) {
                ScriptedSession.replay(script, "127.0.0.1", server.port(), variables());
            }
        }
    }
}
