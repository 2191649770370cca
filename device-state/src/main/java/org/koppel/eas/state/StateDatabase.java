package org.koppel.eas.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device-state connection pool, its migrations (apart from the store's: own location, own history
 * table), and the one way to run SQL: a transaction that commits whole or not at all, retried when the
 * database reports a deadlock or a lock timeout.
 */
final class StateDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateDatabase.class);
    private static final int MAX_ATTEMPTS = 5;
    /** Flyway's default history table, which the store's migrations use. */
    private static final String STORE_HISTORY = "flyway_schema_history";

    private final DatabaseKind kind;
    private final HikariDataSource dataSource;

    private StateDatabase(DatabaseKind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    static StateDatabase open(DeviceStateConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setAutoCommit(false);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hc.setPoolName("koppel-eas-state");
        hc.setConnectionTimeout(30_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            if (config.sharesStoreDatabase()) {
                requireStoreSchema(ds);
            }
            Flyway.configure()
                    .dataSource(ds)
                    // Not db/migration: the store's Flyway scans that location on the same classpath.
                    .locations("classpath:db/eas-state")
                    .table("eas_schema_history")
                    // The database may already hold the store's tables; ours start from nothing either way.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .placeholders(Map.of("blob_type", blobType(config.kind()), "text_type", textType(config.kind())))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("Device-state database ready: {}", config.kind());
        return new StateDatabase(config.kind(), ds);
    }

    /**
     * The store's Flyway (default history table) refuses a database that has tables but no history of its
     * own; were ours created first, the store could not start on this database any more.
     */
    private static void requireStoreSchema(DataSource ds) {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, STORE_HISTORY, new String[] {"TABLE"})) {
            boolean found = false;
            while (rs.next()) {
                found |= STORE_HISTORY.equalsIgnoreCase(rs.getString("TABLE_NAME"));
            }
            if (!found) {
                throw new IllegalStateException("the store's database has no store schema yet; start the store on it"
                        + " once before device state shares it (or give device state a database of its own)");
            }
        } catch (SQLException e) {
            throw new DeviceStateException.StorageFailure("cannot inspect the store's database: " + e.getMessage(), e);
        }
    }

    /** H2 moves BLOB values out of the row (slow for small states); MariaDB's VARBINARY stops at 64 KB. */
    private static String blobType(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> "VARBINARY(1000000000)";
            case MYSQL -> "LONGBLOB";
        };
    }

    private static String textType(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> "VARCHAR(1000000000)";
            case MYSQL -> "MEDIUMTEXT";
        };
    }

    DatabaseKind kind() {
        return kind;
    }

    /**
     * Runs the work in one transaction. Runtime exceptions thrown by the work roll back and pass through;
     * SQL failures roll back and become {@link DeviceStateException.StorageFailure} (after retries for
     * deadlocks and lock timeouts). The work must have no effects outside the database that a retry would
     * repeat.
     */
    <T> T transaction(SqlWork<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollback(c);
                    if (!isRetryable(e) || attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    last = e;
                    LOG.debug("Retrying device-state transaction after {} (attempt {})", e.getMessage(), attempt);
                    sleepBackoff(attempt);
                } catch (RuntimeException | Error e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw new DeviceStateException.StorageFailure("device-state database error: " + e.getMessage(), e);
            }
        }
        throw new DeviceStateException.StorageFailure(
                "device-state database error: " + (last == null ? "" : last.getMessage()), last);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                int code = s.getErrorCode();
                // 40001 serialization failure / deadlock; MySQL 1213 deadlock, 1205 lock wait timeout;
                // H2 40001 deadlock, 50200 lock timeout.
                if ("40001".equals(state) || code == 1213 || code == 1205 || code == 50200 || code == 40001) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A unique key was violated: two requests inserted the same row at once. */
    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // H2 23505; MariaDB/MySQL 1062 (SQLSTATE 23000, shared with foreign-key failures)
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || s.getErrorCode() == 1062)) {
                return true;
            }
        }
        return false;
    }

    private static void sleepBackoff(int attempt) {
        try {
            Thread.sleep(5L * attempt * attempt);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new DeviceStateException.StorageFailure("interrupted while retrying a transaction", ie);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
