package org.koppel.store.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.core.blob.DatabaseBlobStore;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** The session API contract over the in-process engine, on both databases and both blob stores. */
class InProcessSessionTest {

    /** Test cost is dominated by PBKDF2 otherwise; production uses the configured (high) cost. */
    static final EngineConfig CONFIG = EngineConfig.defaults().withPbkdf2Iterations(1000)
            .withLimits(4L << 20, 64L << 20);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Fixture extends SessionApiContract {
        private TestDatabase db;
        private Engine engine;
        private Session admin;
        private Path files;

        abstract DatabaseKind kind();

        abstract boolean fileBlobs();

        @BeforeAll
        void start() throws IOException {
            db = TestDatabases.open(kind());
            files = Files.createTempDirectory("koppel-blobs");
            var blobs = fileBlobs() ? new FileBlobStore(db.database(), files)
                    : new DatabaseBlobStore(db.database(), 256 * 1024);
            engine = Engine.start(db.database(), blobs, CONFIG);
            admin = engine.systemSession();
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
        protected Session admin() {
            return admin;
        }
    }

    @Nested
    class OnH2WithFiles extends Fixture {
        DatabaseKind kind() { return DatabaseKind.H2; }
        boolean fileBlobs() { return true; }
    }

    @Nested
    class OnH2WithDatabaseBlobs extends Fixture {
        DatabaseKind kind() { return DatabaseKind.H2; }
        boolean fileBlobs() { return false; }
    }

    @Nested
    class OnMariaDbWithFiles extends Fixture {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
        boolean fileBlobs() { return true; }
    }

    @Nested
    class OnMariaDbWithDatabaseBlobs extends Fixture {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
        boolean fileBlobs() { return false; }
    }
}
