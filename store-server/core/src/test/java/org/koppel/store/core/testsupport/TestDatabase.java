package org.koppel.store.core.testsupport;

import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseConfig;

/** A migrated database made for one test class or test; closing it closes the pool and drops the database. */
public record TestDatabase(DatabaseConfig config, Database database) implements AutoCloseable {

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            TestDatabases.drop(config);
        }
    }
}
