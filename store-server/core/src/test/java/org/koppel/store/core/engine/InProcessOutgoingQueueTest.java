package org.koppel.store.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** The outgoing-queue contract over the in-process engine, on both databases. */
class InProcessOutgoingQueueTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Fixture extends OutgoingQueueContract {
        private TestDatabase db;
        private Engine engine;
        private Session admin;
        private Path files;

        abstract DatabaseKind kind();

        @BeforeAll
        void start() throws IOException {
            db = TestDatabases.open(kind());
            files = Files.createTempDirectory("koppel-outgoing");
            engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                    InProcessSessionTest.CONFIG.withSubmitLockTimeout(LOCK_TIMEOUT));
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

        @Override
        protected Duration lockTimeout() {
            return LOCK_TIMEOUT;
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
