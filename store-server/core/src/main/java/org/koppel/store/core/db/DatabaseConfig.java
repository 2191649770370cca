package org.koppel.store.core.db;

import java.nio.file.Path;
import java.util.Objects;

/** How to reach the store's database. */
public record DatabaseConfig(
        DatabaseKind kind,
        String jdbcUrl,
        String user,
        String password,
        int poolSize) {

    public DatabaseConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    /** The embedded database as a file under {@code dataDir}. */
    public static DatabaseConfig embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("koppel");
        // WRITE_DELAY=0: every commit reaches the file before the call returns, so a killed process loses
        // nothing it acknowledged (H2 would otherwise batch writes for half a second).
        return new DatabaseConfig(DatabaseKind.H2, "jdbc:h2:file:" + file + H2_OPTIONS + ";WRITE_DELAY=0", "koppel",
                "", 8);
    }

    /** An in-memory embedded database, for tests and benchmarks. */
    public static DatabaseConfig inMemory(String name) {
        return new DatabaseConfig(DatabaseKind.H2, "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
                "koppel", "", 8);
    }

    /** MariaDB/MySQL; the database is created if it does not exist. */
    public static DatabaseConfig mysql(String host, int port, String database, String user, String password) {
        String url = "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
                + "&useServerPrepStmts=true&rewriteBatchedStatements=true&cachePrepStmts=true"
                + "&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&tcpKeepAlive=true&allowPublicKeyRetrieval=true"
                + "&sslMode=PREFERRED";
        return new DatabaseConfig(DatabaseKind.MYSQL, url, user, password, 10);
    }

    private static final String H2_OPTIONS = ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=20000;QUERY_CACHE_SIZE=128";

    @Override
    public String toString() {
        return "DatabaseConfig[" + kind + " " + jdbcUrl + " user=" + user + "]";
    }
}
