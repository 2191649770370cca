package org.koppel.gateway.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * The real store the gateway's tests run against: an engine on H2 in memory with attachments in files, the
 * given users, and delivery as the delivery agent does it (converted by inetmapi, the original MIME kept).
 */
public final class GatewayStore implements AutoCloseable {

    public final TestDatabase db;
    public final Engine engine;
    public final Session admin;
    public final Path dir;

    private GatewayStore(TestDatabase db, Path dir, Engine engine) {
        this.db = db;
        this.dir = dir;
        this.engine = engine;
        this.admin = engine.systemSession();
    }

    /** A fresh store with these users (passwords hashed with few iterations: tests log in often). */
    public static GatewayStore start(String name, List<NewUser> users) throws IOException {
        TestDatabase db = TestDatabases.open(DatabaseKind.H2);
        Path dir = Files.createTempDirectory("koppel-" + name);
        Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), dir.resolve("blobs")),
                EngineConfig.defaults().withPbkdf2Iterations(1000));
        GatewayStore store = new GatewayStore(db, dir, engine);
        users.forEach(u -> store.admin.directory().createUser(u));
        return store;
    }

    /** Delivers MIME into a user's folder as the delivery agent does: converted, the original kept. */
    public EntryId deliver(String login, WellKnownFolder folder, byte[] mime) throws IOException {
        StoreInfo store = admin.stores().openUserStore(login);
        MimeReader reader = new MimeReader(new StoreNamedTags(admin, store.entryId())).keepingOriginal();
        try (ConvertedMessage m = reader.read(new ByteArrayInputStream(mime), Instant.now())) {
            return admin.messages().create(store.folder(folder), m.content());
        }
    }

    public EntryId folder(String login, WellKnownFolder folder) {
        return admin.stores().openUserStore(login).folder(folder);
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
