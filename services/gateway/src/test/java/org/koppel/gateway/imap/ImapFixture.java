package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.testsupport.GatewayStore;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.Feature;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.engine.Engine;

/**
 * A real store engine (H2 in memory, attachments in files) and an IMAP server on free loopback ports. Users:
 * alice (every feature, the messages of {@code imap/messages/} delivered into her Inbox with their original MIME),
 * bob (every feature, empty) and carol (IMAP off).
 */
final class ImapFixture implements AutoCloseable {

    static final List<String> MESSAGES = List.of("1.eml", "2.eml", "3.eml");

    private final GatewayStore store;
    final Engine engine;
    final Session admin;
    final Path dir;
    final GatewayConfig config;
    ImapServer server;

    private ImapFixture(GatewayStore store, GatewayConfig config) throws Exception {
        this.store = store;
        this.dir = store.dir;
        this.engine = store.engine;
        this.admin = store.admin;
        this.config = config;
        this.server = ImapServer.start(config, engine);
    }

    /** Stops the IMAP server and starts a new one on the same store (new ports), as a gateway restart does. */
    void restartServer() throws Exception {
        server.close();
        server = ImapServer.start(config, engine);
    }

    static ImapFixture start() throws Exception {
        return start(c -> c);
    }

    static ImapFixture start(java.util.function.UnaryOperator<GatewayConfig> configure) throws Exception {
        GatewayStore store = GatewayStore.start("imap", List.of(
                new NewUser("alice", "Alice Liddell", "alice@example.org", "alice-pw", false, UserKind.USER,
                        List.of(), Set.of(Feature.values())),
                new NewUser("bob", "Bob Dylan", "bob@example.org", "bob-pw", false, UserKind.USER, List.of(),
                        Set.of(Feature.values())),
                new NewUser("carol", "Carol King", "carol@example.org", "carol-pw", false, UserKind.USER, List.of(),
                        EnumSet.complementOf(EnumSet.of(Feature.IMAP)))));
        ImapFixture f;
        try {
            f = new ImapFixture(store, configure.apply(GatewayConfig.forTests(store.dir.resolve("gateway"))));
        } catch (Exception e) {
            store.close();
            throw e;
        }
        for (String name : MESSAGES) {
            f.deliver("alice", message(name));
        }
        return f;
    }

    int port() {
        return server.port();
    }

    static byte[] message(String name) {
        try (InputStream in = ImapFixture.class.getResourceAsStream("/imap/messages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers MIME into a user's folder as the delivery agent does: converted, the original kept. */
    EntryId deliver(String login, byte[] mime) throws IOException {
        return deliver(login, WellKnownFolder.INBOX, mime);
    }

    EntryId deliver(String login, WellKnownFolder folder, byte[] mime) throws IOException {
        return store.deliver(login, folder, mime);
    }

    EntryId folder(String login, WellKnownFolder folder) {
        return store.folder(login, folder);
    }

    Optional<Path> python() {
        return Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of).filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public void close() throws IOException {
        server.close();
        store.close();
    }
}
