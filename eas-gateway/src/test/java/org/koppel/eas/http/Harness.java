package org.koppel.eas.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.koppel.eas.auth.LoginThrottle;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.wbxml.CodePages;

/** A started gateway on 127.0.0.1 (HTTP and HTTPS, free ports) with in-memory users and devices, and a client. */
final class Harness implements AutoCloseable {

    static final CodePages PAGES = CodePages.load();

    final InMemoryAuthenticator users = new InMemoryAuthenticator()
            .user("carol", "s3cret", "carol@example.org")
            .user("dave", "pw-dave", "dave@example.org")
            .withoutMobile("dave");
    final InMemoryPolicy devices = new InMemoryPolicy().provisioned("dev1", 1234567890L)
            .provisioned("v140Device", 3000000000L);
    final EasHttpConfig config;
    final EasServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Harness(Path dataDir, UnaryOperator<EasHttpConfig> tweak, Map<Command, CommandHandler<String>> handlers,
            Clock clock) {
        EasHttpConfig base = EasHttpConfig.defaults(dataDir).withListen(
                Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)),
                Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)));
        config = tweak.apply(base);
        LoginThrottle throttle = new LoginThrottle(config.loginMaxFailures(), config.loginMaxFailuresPerAddress(),
                config.loginFailureWindow(), clock, 10_000);
        server = EasServer.start(config, new EasServlet<>(config, users, devices, handlers, PAGES, throttle));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A POST as carol with a 14.1 header, the policy key of dev1 and the given body, to a plain query. */
    HttpRequest.Builder post(String query, byte[] body) {
        return HttpRequest.newBuilder(uri("/Microsoft-Server-ActiveSync?" + query))
                .header("Authorization", basic("carol", "s3cret"))
                .header("MS-ASProtocolVersion", "14.1")
                .header("X-MS-PolicyKey", "1234567890")
                .header("Content-Type", EasServlet.WBXML)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        // shutdownNow: close() waits about a second for pooled connections to go idle.
        http.shutdownNow();
        server.close();
    }
}
