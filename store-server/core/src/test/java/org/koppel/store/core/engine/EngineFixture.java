package org.koppel.store.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.koppel.store.client.Session;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/** A started engine on a fresh database of one kind, attachments in a temporary directory. */
final class EngineFixture implements AutoCloseable {

    final TestDatabase db;
    final Engine engine;
    final Session admin;
    private final Path files;

    private EngineFixture(TestDatabase db, Engine engine, Path files) {
        this.db = db;
        this.engine = engine;
        this.admin = engine.systemSession();
        this.files = files;
    }

    static EngineFixture start(DatabaseKind kind) throws IOException {
        TestDatabase db = TestDatabases.open(kind);
        Path files = Files.createTempDirectory("koppel-engine");
        return new EngineFixture(db, Engine.start(db.database(), new FileBlobStore(db.database(), files),
                InProcessSessionTest.CONFIG), files);
    }

    @Override
    public void close() throws IOException {
        admin.close();
        engine.close();
        db.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
