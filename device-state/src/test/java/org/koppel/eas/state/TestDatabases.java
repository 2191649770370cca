package org.koppel.eas.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases device-state tests run on, each fresh and uniquely named: H2 in memory, H2 as files in a
 * test's directory, and MariaDB at 127.0.0.1:3306 (user root, no password; KOPPEL_TEST_MARIADB=host:port
 * points elsewhere). The same idea as the store's test databases, without depending on the store. When
 * MariaDB cannot be reached the test is skipped, except on CI (CI=true), where it fails.
 */
final class TestDatabases {

    private static final String MARIADB_ENV = "KOPPEL_TEST_MARIADB";
    private static final String DEFAULT_MARIADB = "127.0.0.1:3306";
    private static final Pattern MYSQL_URL = Pattern.compile("jdbc:mysql://([^/]+)/([^?]+).*");

    private TestDatabases() {
    }

    static DeviceStateConfig h2InMemory() {
        return DeviceStateConfig.inMemory("eas_test_" + uniqueSuffix());
    }

    static DeviceStateConfig h2Files(Path dir) {
        return DeviceStateConfig.embedded(dir.resolve("h2-" + uniqueSuffix()));
    }

    static DeviceStateConfig mariaDb() {
        String hostPort = System.getenv().getOrDefault(MARIADB_ENV, DEFAULT_MARIADB);
        requireReachable(hostPort);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 3306 : Integer.parseInt(hostPort.substring(colon + 1));
        return DeviceStateConfig.mysql(host, port, "koppel_eas_test_" + uniqueSuffix(), "root", "");
    }

    /** A plain connection to a test database, for setting up what a test needs besides the store. */
    static Connection connect(DeviceStateConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    /** Drops a test database; no pool may use it any more. H2 files go with the test's directory. */
    static void drop(DeviceStateConfig config) {
        try {
            switch (config.kind()) {
                case H2 -> {
                    if (config.jdbcUrl().startsWith("jdbc:h2:mem:")) {
                        try (Connection c = connect(config); Statement s = c.createStatement()) {
                            s.execute("SHUTDOWN");
                        }
                    }
                }
                case MYSQL -> {
                    Matcher m = MYSQL_URL.matcher(config.jdbcUrl());
                    if (!m.matches() || !m.group(2).startsWith("koppel_eas_test_")) {
                        throw new IllegalArgumentException("not a test database: " + config);
                    }
                    try (Connection c = adminConnection(m.group(1)); Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS `" + m.group(2) + "`");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + config + ": " + e.getMessage(), e);
        }
    }

    private static void requireReachable(String hostPort) {
        try (Connection c = adminConnection(hostPort)) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "MariaDB is not reachable at " + hostPort + " (user root, no password; set "
                    + MARIADB_ENV + "=host:port to use another): " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " -- on CI the MariaDB tests must run", e);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message + " -- skipping the MariaDB variant");
        }
    }

    private static Connection adminConnection(String hostPort) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + hostPort
                + "/?connectTimeout=3000&socketTimeout=60000&sslMode=PREFERRED&allowPublicKeyRetrieval=true",
                "root", "");
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
