package org.koppel.store.endpoint.soap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Session;
import org.koppel.store.client.soap.SoapStoreServer;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;
import org.koppel.store.endpoint.http.EndpointConfig;
import org.koppel.store.endpoint.http.EndpointServer;

/** An engine behind a real HTTP endpoint, and a SOAP client of it: the remote transport end to end. */
final class SoapFixture implements AutoCloseable {

    static final String SECRET = "soap-service-secret-for-tests";

    final TestDatabase db;
    final Engine engine;
    final EndpointServer endpoint;
    final SoapStoreServer client;
    final Session admin;
    private final Path files;

    private SoapFixture(TestDatabase db, Path files, Engine engine, EndpointServer endpoint, SoapStoreServer client) {
        this.db = db;
        this.files = files;
        this.engine = engine;
        this.endpoint = endpoint;
        this.client = client;
        this.admin = client.logon(new Credentials.Service("koppel-admin", SECRET, ""));
    }

    static SoapFixture start(DatabaseKind kind, Duration sessionTimeout) throws IOException {
        return start(kind, sessionTimeout, java.util.function.UnaryOperator.identity());
    }

    static SoapFixture start(DatabaseKind kind, Duration sessionTimeout,
            java.util.function.UnaryOperator<EngineConfig> tune) throws IOException {
        TestDatabase db = TestDatabases.open(kind);
        Path files = Files.createTempDirectory("koppel-soap");
        Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                tune.apply(EngineConfig.defaults().withPbkdf2Iterations(1000).withLimits(4L << 20, 64L << 20)
                        .withServiceSecret(SECRET)));
        EndpointServer endpoint = EndpointServer.start(engine,
                new EndpointConfig("127.0.0.1", 0, sessionTimeout, 10_000, "test"));
        SoapStoreServer client = SoapStoreServer.connect(URI.create("http://127.0.0.1:" + endpoint.port()));
        return new SoapFixture(db, files, engine, endpoint, client);
    }

    String base() {
        return "http://127.0.0.1:" + endpoint.port();
    }

    @Override
    public void close() throws IOException {
        admin.close();
        client.close();
        endpoint.close();
        engine.close();
        db.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
