package org.koppel.store.core.engine;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.core.db.DatabaseKind;

/** The change-tracking, table and search-folder contracts over the in-process engine, on both databases. */
class InProcessChangeTrackingTest {

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Changes extends ChangeTrackingContract {
        private EngineFixture fixture;

        abstract DatabaseKind kind();

        @BeforeAll
        void start() throws IOException {
            fixture = EngineFixture.start(kind());
        }

        @AfterAll
        void stop() throws IOException {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Override
        protected StoreServer server() {
            return fixture.engine;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Tables extends TableContract {
        private EngineFixture fixture;

        abstract DatabaseKind kind();

        @BeforeAll
        void start() throws IOException {
            fixture = EngineFixture.start(kind());
        }

        @AfterAll
        void stop() throws IOException {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Override
        protected StoreServer server() {
            return fixture.engine;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    class ChangesOnH2 extends Changes {
        DatabaseKind kind() { return DatabaseKind.H2; }
    }

    @Nested
    class ChangesOnMariaDb extends Changes {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
    }

    @Nested
    class TablesOnH2 extends Tables {
        DatabaseKind kind() { return DatabaseKind.H2; }
    }

    @Nested
    class TablesOnMariaDb extends Tables {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Searches extends SearchFolderContract {
        private EngineFixture fixture;

        abstract DatabaseKind kind();

        @BeforeAll
        void start() throws IOException {
            fixture = EngineFixture.start(kind());
        }

        @AfterAll
        void stop() throws IOException {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Override
        protected StoreServer server() {
            return fixture.engine;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    class SearchesOnH2 extends Searches {
        DatabaseKind kind() { return DatabaseKind.H2; }
    }

    @Nested
    class SearchesOnMariaDb extends Searches {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class MessageSearches extends MessageSearchContract {
        private EngineFixture fixture;

        abstract DatabaseKind kind();

        @BeforeAll
        void start() throws IOException {
            fixture = EngineFixture.start(kind());
        }

        @AfterAll
        void stop() throws IOException {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Override
        protected StoreServer server() {
            return fixture.engine;
        }

        @Override
        protected Session admin() {
            return fixture.admin;
        }
    }

    @Nested
    class MessageSearchesOnH2 extends MessageSearches {
        DatabaseKind kind() { return DatabaseKind.H2; }
    }

    @Nested
    class MessageSearchesOnMariaDb extends MessageSearches {
        DatabaseKind kind() { return DatabaseKind.MYSQL; }
    }
}
