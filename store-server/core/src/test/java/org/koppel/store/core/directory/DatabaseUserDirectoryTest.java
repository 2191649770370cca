package org.koppel.store.core.directory;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** The user directory contract for the database directory, on both databases. */
class DatabaseUserDirectoryTest {

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Fixture extends UserDirectoryContract {
        private TestDatabase db;
        private DatabaseUserDirectory directory;

        abstract DatabaseKind kind();

        @BeforeAll
        void open() {
            db = TestDatabases.open(kind());
            directory = new DatabaseUserDirectory(db.database(), new PasswordHasher(1000), Clock.systemUTC());
        }

        @AfterAll
        void close() {
            if (db != null) {
                db.close();
            }
        }

        @Override
        protected UserDirectory directory() {
            return directory;
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
