package org.koppel.dist.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.koppel.dist.runtime.BlobStorage;
import org.koppel.store.core.db.DatabaseConfig;

/**
 * A throw-away database for one benchmark run, removed again by {@link #close()}: an H2 file database in
 * a temporary directory, or a uniquely named database on a MariaDB server.
 */
sealed interface BenchDatabase extends AutoCloseable {

    DatabaseConfig config();

    BlobStorage blobStorage();

    String describe();

    /** What {@code koppel serve} is given as {@code --set} to use this database ("file.key=value"). */
    List<String> serveSettings();

    @Override
    void close();

    static BenchDatabase embedded(boolean attachmentsInDatabase) {
        try {
            Path dir = Files.createTempDirectory("koppel-bench-");
            return new Embedded(dir, attachmentsInDatabase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BenchDatabase mariadb(String host, int port, String user, String password, boolean attachmentsInDatabase) {
        String name = "koppel_bench_" + System.currentTimeMillis() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
        try {
            Path dir = Files.createTempDirectory("koppel-bench-");
            return new MariaDb(host, port, user, password, name, dir, attachmentsInDatabase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BlobStorage storage(Path dir, boolean inDatabase) {
        return inDatabase ? new BlobStorage.InDatabase(BlobStorage.DATABASE_CHUNK_BYTES)
                : new BlobStorage.Files(dir.resolve("attachments"));
    }

    record Embedded(Path dir, boolean attachmentsInDatabase) implements BenchDatabase {
        @Override
        public DatabaseConfig config() {
            return DatabaseConfig.embedded(dir);
        }

        @Override
        public BlobStorage blobStorage() {
            return storage(dir, attachmentsInDatabase);
        }

        @Override
        public String describe() {
            return "embedded H2 (file database in " + dir + ")";
        }

        /** None: serve keeps its embedded database in its own data directory. */
        @Override
        public List<String> serveSettings() {
            return List.of();
        }

        @Override
        public void close() {
            deleteTree(dir);
        }
    }

    record MariaDb(String host, int port, String user, String password, String database, Path dir,
                   boolean attachmentsInDatabase) implements BenchDatabase {
        @Override
        public DatabaseConfig config() {
            return DatabaseConfig.mysql(host, port, database, user, password);
        }

        @Override
        public BlobStorage blobStorage() {
            return storage(dir, attachmentsInDatabase);
        }

        @Override
        public String describe() {
            return "MariaDB " + user + "@" + host + ":" + port + "/" + database + " (dropped afterwards)";
        }

        @Override
        public List<String> serveSettings() {
            return List.of("server.database_engine=mysql", "server.mysql_host=" + host,
                    "server.mysql_port=" + port, "server.mysql_user=" + user, "server.mysql_password=" + password,
                    "server.mysql_database=" + database);
        }

        @Override
        public void close() {
            String url = "jdbc:mysql://" + host + ":" + port + "/?allowPublicKeyRetrieval=true&sslMode=PREFERRED";
            try (Connection c = DriverManager.getConnection(url, user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            } catch (SQLException e) {
                System.err.println("koppel bench: could not drop database " + database + ": " + e.getMessage());
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("koppel bench: could not remove " + root + ": " + e.getMessage());
        }
    }
}
