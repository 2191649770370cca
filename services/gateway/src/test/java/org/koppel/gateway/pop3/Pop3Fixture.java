package org.koppel.gateway.pop3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.Feature;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * A real store engine (H2 in memory, attachments in files) for POP3 tests. Users: alice (every feature, the
 * three messages of {@code pop3/messages/} in her Inbox, delivered with their original MIME kept), bob (POP3
 * off) and carol (every feature, an empty Inbox).
 */
final class Pop3Fixture implements AutoCloseable {

    static final List<String> MESSAGES = List.of("1.eml", "2.eml", "3.eml");

    final TestDatabase db;
    final Engine engine;
    final Session admin;
    final Path dir;

    private Pop3Fixture(TestDatabase db, Path dir, Engine engine) {
        this.db = db;
        this.dir = dir;
        this.engine = engine;
        this.admin = engine.systemSession();
    }

    static Pop3Fixture start() throws IOException {
        TestDatabase db = TestDatabases.open(DatabaseKind.H2);
        Path dir = Files.createTempDirectory("koppel-pop3");
        Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), dir.resolve("blobs")),
                EngineConfig.defaults().withPbkdf2Iterations(1000));
        Pop3Fixture f = new Pop3Fixture(db, dir, engine);
        f.admin.directory().createUser(new NewUser("alice", "Alice Liddell", "alice@example.org", "alice-pw", false,
                UserKind.USER, List.of(), Set.of(Feature.values())));
        f.admin.directory().createUser(new NewUser("bob", "Bob Dylan", "bob@example.org", "bob-pw", false,
                UserKind.USER, List.of(), EnumSet.complementOf(EnumSet.of(Feature.POP3))));
        f.admin.directory().createUser(new NewUser("carol", "Carol King", "carol@example.org", "carol-pw", false,
                UserKind.USER, List.of(), Set.of(Feature.values())));
        for (String name : MESSAGES) {
            f.deliver("alice", message(name));
        }
        return f;
    }

    /** The gateway configuration tests use: loopback, any free port, the self-signed certificate in the fixture. */
    GatewayConfig config() {
        return GatewayConfig.forTests(dir.resolve("gateway"));
    }

    static byte[] message(String name) {
        try (InputStream in = Pop3Fixture.class.getResourceAsStream("/pop3/messages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path messagesDir() {
        try {
            return Path.of(Pop3Fixture.class.getResource("/pop3/messages/1.eml").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers MIME into a user's Inbox as the delivery agent does: converted, the original kept. */
    EntryId deliver(String login, byte[] mime) throws IOException {
        StoreInfo store = admin.stores().openUserStore(login);
        MimeReader reader = new MimeReader(new StoreNamedTags(admin, store.entryId())).keepingOriginal();
        try (ConvertedMessage m = reader.read(new ByteArrayInputStream(mime), Instant.now())) {
            return admin.messages().create(store.folder(WellKnownFolder.INBOX), m.content());
        }
    }

    /** Saves a message without original MIME (as a MAPI client would): POP3 sends generated MIME for it. */
    EntryId createWithoutMime(String login, String subject, String body) {
        StoreInfo store = admin.stores().openUserStore(login);
        return admin.messages().create(store.folder(WellKnownFolder.INBOX), MessageContent.of(List.of(
                PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"), PropValue.of(PropTags.PR_SUBJECT, subject),
                PropValue.of(PropTags.PR_BODY, body),
                PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, Instant.parse("2026-03-02T12:00:00Z")))));
    }

    /** The subjects in a user's Inbox. */
    List<String> inboxSubjects(String login) {
        EntryId inbox = admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX);
        List<String> out = new ArrayList<>();
        for (TableRow row : admin.contents().query(inbox, new TableQuery(List.of(PropTags.PR_SUBJECT),
                Optional.empty(), SortOrderSet.none(), 0, 1000, false)).rows()) {
            out.add(String.valueOf(row.values().get(0).javaValue()));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        engine.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
