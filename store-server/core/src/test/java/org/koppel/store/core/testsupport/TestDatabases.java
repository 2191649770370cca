package org.koppel.store.core.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.db.DatabaseKind;

/**
 * The databases the store's tests run on: embedded H2 always, and MariaDB at 127.0.0.1:3306 (user root,
 * no password; KOPPEL_TEST_MARIADB=host:port points elsewhere). Each test gets a database of its own,
 * uniquely named, dropped when its {@link TestDatabase} closes. When MariaDB cannot be reached the test
 * is skipped, except on CI (CI=true), where a silently skipped half of the suite would hide failures.
 *
 * <p>Use as {@code @ParameterizedTest @MethodSource("org.koppel.store.core.testsupport.TestDatabases#both")}
 * with a {@link DatabaseKind} parameter and {@code try (TestDatabase t = TestDatabases.open(kind))}, or
 * open one per class in {@code @BeforeAll} of a per-class test.
 */
public final class TestDatabases {

    private static final String MARIADB_ENV = "KOPPEL_TEST_MARIADB";
    private static final String DEFAULT_MARIADB = "127.0.0.1:3306";
    private static final Pattern MYSQL_URL = Pattern.compile("jdbc:mysql://([^/]+)/([^?]+).*");

    private TestDatabases() {
    }

    /** Every kind the store supports: a parameterized-test source. */
    public static Stream<DatabaseKind> both() {
        return Stream.of(DatabaseKind.H2, DatabaseKind.MYSQL);
    }

    /** Creates (empty), migrates and opens a fresh database; skips or fails the test if MariaDB is down. */
    public static TestDatabase open(DatabaseKind kind) {
        return open(freshConfig(kind));
    }

    /** Migrates and opens the database of a config from {@link #freshConfig}. */
    public static TestDatabase open(DatabaseConfig config) {
        return new TestDatabase(config, Database.open(config));
    }

    /** A fresh database that exists only in this JVM: H2 in memory, or a new MariaDB database. */
    public static DatabaseConfig freshConfig(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> DatabaseConfig.inMemory("koppel_test_" + uniqueSuffix());
            case MYSQL -> freshMariaDb();
        };
    }

    /**
     * A fresh database that another process can open too (a child JVM, or this one after a child was
     * killed): H2 as files under {@code dir}, or a new MariaDB database. Nothing is created until opened.
     */
    public static DatabaseConfig freshSharedConfig(DatabaseKind kind, Path dir) {
        return switch (kind) {
            case H2 -> DatabaseConfig.embedded(dir.resolve("h2-" + uniqueSuffix()));
            case MYSQL -> freshMariaDb();
        };
    }

    /** Drops a database made from {@link #freshConfig} or {@link #freshSharedConfig}; no pool may use it. */
    public static void drop(DatabaseConfig config) {
        try {
            switch (config.kind()) {
                case H2 -> {
                    // In-memory databases outlive their pool (DB_CLOSE_DELAY=-1); files are the caller's dir.
                    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
                            config.password()); Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                }
                case MYSQL -> {
                    Matcher m = MYSQL_URL.matcher(config.jdbcUrl());
                    if (!m.matches()) {
                        throw new IllegalArgumentException("not a test database: " + config);
                    }
                    try (Connection c = adminConnection(m.group(1), config.user(), config.password());
                            Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS `" + m.group(2) + "`");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + config + ": " + e.getMessage(), e);
        }
    }

    private static DatabaseConfig freshMariaDb() {
        String hostPort = System.getenv().getOrDefault(MARIADB_ENV, DEFAULT_MARIADB);
        requireReachable(hostPort);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 3306 : Integer.parseInt(hostPort.substring(colon + 1));
        return DatabaseConfig.mysql(host, port, "koppel_test_" + uniqueSuffix(), "root", "");
    }

    private static void requireReachable(String hostPort) {
        try (Connection c = adminConnection(hostPort, "root", "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "MariaDB is not reachable at " + hostPort + " (user root, no password; set "
                    + MARIADB_ENV + "=host:port to use another): " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " -- on CI the MariaDB tests must run", e);
            }
            // Surefire does not show why a whole class was aborted; say it where a developer looks.
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message + " -- skipping the MariaDB variant");
        }
    }

    private static Connection adminConnection(String hostPort, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + hostPort
                + "/?connectTimeout=3000&socketTimeout=60000&sslMode=PREFERRED&allowPublicKeyRetrieval=true",
                user, password);
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
