package org.koppel.dist.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.koppel.dist.config.ServerSettings;
import org.koppel.store.core.blob.BlobStore;
import org.koppel.store.core.blob.DatabaseBlobStore;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.Database;

/** The attachment store chosen by configuration, opened over the store's database. */
public sealed interface BlobStorage {

    /** Chunk size for attachment data kept in the database: well under MariaDB's default max_allowed_packet. */
    int DATABASE_CHUNK_BYTES = 256 * 1024;

    BlobStore open(Database database);

    /** One file per attachment under {@code root}. */
    record Files(Path root) implements BlobStorage {
        public Files {
            Objects.requireNonNull(root, "root");
        }

        @Override
        public BlobStore open(Database database) {
            try {
                java.nio.file.Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create attachment directory " + root, e);
            }
            return new FileBlobStore(database, root);
        }

        @Override
        public String toString() {
            return "files under " + root;
        }
    }

    /** Attachment data in the database, in chunks. */
    record InDatabase(int chunkBytes) implements BlobStorage {
        @Override
        public BlobStore open(Database database) {
            return new DatabaseBlobStore(database, chunkBytes);
        }

        @Override
        public String toString() {
            return "in the database";
        }
    }

    static BlobStorage of(ServerSettings settings) {
        return switch (settings.attachmentStorage()) {
            case FILES -> new Files(settings.attachmentPath());
            case DATABASE -> new InDatabase(DATABASE_CHUNK_BYTES);
        };
    }
}
