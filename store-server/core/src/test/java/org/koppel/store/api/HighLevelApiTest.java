package org.koppel.store.api;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreKind;
import org.koppel.store.client.StoreServer;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** The high-level API contract over the in-process engine, on both databases. */
class HighLevelApiTest {

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Fixture extends HighLevelApiContract {
        private TestDatabase db;
        private Engine engine;
        private Path files;

        abstract DatabaseKind kind();

        @BeforeAll
        void start() throws IOException {
            db = TestDatabases.open(kind());
            files = Files.createTempDirectory("koppel-api");
            engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                    EngineConfig.defaults().withPbkdf2Iterations(1000));
        }

        @AfterAll
        void stop() throws IOException {
            if (engine != null) {
                engine.close();
            }
            if (db != null) {
                db.close();
            }
            try (Stream<Path> walk = Files.walk(files)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        @Override
        protected StoreServer server() {
            return engine;
        }

        @Override
        protected Session systemSession() {
            return engine.systemSession();
        }
    }

    @Nested
    class OnH2 extends Fixture {
        DatabaseKind kind() { return DatabaseKind.H2; }
    }

    @Nested
    class OnMariaDb extends Fixture {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
    }
}
