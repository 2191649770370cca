package org.koppel.gateway.imap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.koppel.gateway.GatewayConfig;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.Feature;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * A real store engine (H2 in memory, attachments in files) and an IMAP server on free loopback ports. Users:
 * alice (every feature, the messages of {@code imap/messages/} delivered into her Inbox with their original MIME),
 * bob (every feature, empty) and carol (IMAP off).
 */
final class ImapFixture implements AutoCloseable {

    static final List<String> MESSAGES = List.of("1.eml", "2.eml", "3.eml");

    final TestDatabase db;
    final Engine engine;
    final Session admin;
    final Path dir;
    final GatewayConfig config;
    ImapServer server;

    private ImapFixture(TestDatabase db, Path dir, Engine engine, GatewayConfig config) throws Exception {
        this.db = db;
        this.dir = dir;
        this.engine = engine;
        this.config = config;
        this.admin = engine.systemSession();
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
        TestDatabase db = TestDatabases.open(DatabaseKind.H2);
        Path dir = Files.createTempDirectory("koppel-imap");
        Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), dir.resolve("blobs")),
                EngineConfig.defaults().withPbkdf2Iterations(1000));
        Session admin = engine.systemSession();
        admin.directory().createUser(new NewUser("alice", "Alice Liddell", "alice@example.org", "alice-pw", false,
                UserKind.USER, List.of(), Set.of(Feature.values())));
        admin.directory().createUser(new NewUser("bob", "Bob Dylan", "bob@example.org", "bob-pw", false,
                UserKind.USER, List.of(), Set.of(Feature.values())));
        admin.directory().createUser(new NewUser("carol", "Carol King", "carol@example.org", "carol-pw", false,
                UserKind.USER, List.of(), EnumSet.complementOf(EnumSet.of(Feature.IMAP))));
        ImapFixture f = new ImapFixture(db, dir, engine,
                configure.apply(GatewayConfig.forTests(dir.resolve("gateway"))));
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
        StoreInfo store = admin.stores().openUserStore(login);
        MimeReader reader = new MimeReader(new StoreNamedTags(admin, store.entryId())).keepingOriginal();
        try (ConvertedMessage m = reader.read(new ByteArrayInputStream(mime), Instant.now())) {
            return admin.messages().create(store.folder(folder), m.content());
        }
    }

    EntryId folder(String login, WellKnownFolder folder) {
        return admin.stores().openUserStore(login).folder(folder);
    }

    Optional<Path> python() {
        return Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of).filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public void close() throws IOException {
        server.close();
        engine.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
