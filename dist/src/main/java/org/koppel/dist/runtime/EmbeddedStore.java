package org.koppel.dist.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.store.core.blob.BlobStore;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store engine running in this process, with the database and attachment store under it. Closing it
 * stops the engine before the database; closing twice (a shutdown hook and the normal path) is harmless.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);

    private final Database database;
    private final BlobStore blobs;
    private final Engine engine;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedStore(Database database, BlobStore blobs, Engine engine) {
        this.database = database;
        this.blobs = blobs;
        this.engine = engine;
    }

    public static EmbeddedStore start(DatabaseConfig databaseConfig, BlobStorage blobStorage, EngineConfig config) {
        Database database = Database.open(databaseConfig);
        try {
            BlobStore blobs = blobStorage.open(database);
            return new EmbeddedStore(database, blobs, Engine.start(database, blobs, config));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    public Engine engine() {
        return engine;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            engine.close();
        } catch (RuntimeException e) {
            LOG.warn("Engine did not stop cleanly: {}", e.toString());
        } finally {
            database.close();
        }
    }
}
