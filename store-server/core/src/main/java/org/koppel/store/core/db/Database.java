package org.koppel.store.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.koppel.mapi.MapiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connection pool, its schema migrations, and the one way to run SQL: a transaction that
 * commits as a whole or not at all, retried when the database reports a deadlock or serialization
 * failure.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 5;

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;

    private Database(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /** Opens the pool and brings the schema to the newest version. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setAutoCommit(false);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hc.setPoolName("koppel-store");
        hc.setConnectionTimeout(30_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("blob_type", blobType(config.kind())))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("Store database ready: {}", config.kind());
        return new Database(config, ds);
    }

    /**
     * The column type for property sets and attachment chunks. H2 moves every BLOB value over a few hundred
     * bytes out of the row into its LOB storage, which made each message write and read several times
     * slower; a long VARBINARY stays in the row. MariaDB's VARBINARY stops at 64 KB, so it gets LONGBLOB.
     */
    static String blobType(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> "VARBINARY(1000000000)";
            case MYSQL -> "LONGBLOB";
        };
    }

    public DatabaseKind kind() {
        return config.kind();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs the work in one transaction. MAPI errors thrown by the work roll back and pass through;
     * SQL failures roll back and become MAPI_E_CALL_FAILED (after retries for transient ones).
     * The work must not have effects outside the database that a retry would repeat.
     */
    public <T> T transaction(SqlWork<T> work) {
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
                    LOG.debug("Retrying transaction after {} (attempt {})", e.getMessage(), attempt);
                    sleepBackoff(attempt);
                } catch (RuntimeException | Error e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw new MapiException.CallFailed("database error: " + e.getMessage(), e);
            }
        }
        throw new MapiException.CallFailed("database error: " + (last == null ? "" : last.getMessage()), last);
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

    private static void sleepBackoff(int attempt) {
        try {
            Thread.sleep(5L * attempt * attempt);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new MapiException.CallFailed("interrupted while retrying a transaction", ie);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
