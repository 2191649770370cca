package org.koppel.eas.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where device state lives and how long this node may trust what it read. The database may be the store's
 * own (same URL and credentials: the tables are apart by their {@code eas_} prefix and their own migration
 * history) or one of its own.
 *
 * @param cacheTtl        how long a device record or a device's folder ids read from the database are
 *                        served from memory. Writes through this node take effect at once; writes by other
 *                        gateway nodes or by {@code koppel admin} are seen after at most this long, except
 *                        where {@link Devices#findFresh} is used
 * @param cacheSize       at most this many devices (and as many folder-id maps) are kept in memory
 * @param lastSyncStep    {@link Devices#register} writes a device's last-sync time only when it moved by at
 *                        least this much, so a busy device does not cost a write per request
 * @param sharesStoreDatabase the database is the store's: device state then refuses to create its tables
 *                        before the store created its own, because the store's migrations will not start
 *                        on a database that holds tables but no store schema history
 */
public record DeviceStateConfig(
        DatabaseKind kind,
        String jdbcUrl,
        String user,
        String password,
        int poolSize,
        Duration cacheTtl,
        long cacheSize,
        Duration lastSyncStep,
        boolean sharesStoreDatabase) {

    private static final String H2_OPTIONS = ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=20000";
    private static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);
    private static final long DEFAULT_CACHE_SIZE = 10_000;
    private static final Duration DEFAULT_LAST_SYNC_STEP = Duration.ofMinutes(1);

    public DeviceStateConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(lastSyncStep, "lastSyncStep");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        if (cacheTtl.isNegative() || lastSyncStep.isNegative()) {
            throw new IllegalArgumentException("cache ttl and last-sync step must not be negative");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache size must not be negative");
        }
    }

    /**
     * Any database by URL, for example the store's own: pass the store's JDBC URL, user and password to
     * share its database (in one JVM an H2 file database is then opened once and used by both pools).
     */
    public static DeviceStateConfig of(DatabaseKind kind, String jdbcUrl, String user, String password) {
        return new DeviceStateConfig(kind, jdbcUrl, user, password, 8, DEFAULT_CACHE_TTL, DEFAULT_CACHE_SIZE,
                DEFAULT_LAST_SYNC_STEP, false);
    }

    /** A database of its own as an H2 file {@code eas-state.mv.db} under {@code dataDir}. */
    public static DeviceStateConfig embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("eas-state");
        // WRITE_DELAY=0: a sync key the device was sent must survive a killed process.
        return of(DatabaseKind.H2, "jdbc:h2:file:" + file + H2_OPTIONS + ";WRITE_DELAY=0", "koppel", "");
    }

    /** An in-memory H2 database that lives as long as the JVM, for tests. */
    public static DeviceStateConfig inMemory(String name) {
        return of(DatabaseKind.H2, "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "koppel", "");
    }

    /** MariaDB/MySQL; the database is created if it does not exist and the user may create it. */
    public static DeviceStateConfig mysql(String host, int port, String database, String user, String password) {
        String url = "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
                + "&useServerPrepStmts=false&cachePrepStmts=true&tcpKeepAlive=true&allowPublicKeyRetrieval=true"
                + "&sslMode=PREFERRED";
        return of(DatabaseKind.MYSQL, url, user, password);
    }

    public DeviceStateConfig withPoolSize(int size) {
        return new DeviceStateConfig(kind, jdbcUrl, user, password, size, cacheTtl, cacheSize, lastSyncStep,
                sharesStoreDatabase);
    }

    public DeviceStateConfig withCache(Duration ttl, long size) {
        return new DeviceStateConfig(kind, jdbcUrl, user, password, poolSize, ttl, size, lastSyncStep,
                sharesStoreDatabase);
    }

    public DeviceStateConfig withLastSyncStep(Duration step) {
        return new DeviceStateConfig(kind, jdbcUrl, user, password, poolSize, cacheTtl, cacheSize, step,
                sharesStoreDatabase);
    }

    /** Marks the database as the store's own (see {@link #sharesStoreDatabase}). */
    public DeviceStateConfig sharingStoreDatabase() {
        return new DeviceStateConfig(kind, jdbcUrl, user, password, poolSize, cacheTtl, cacheSize, lastSyncStep,
                true);
    }

    @Override
    public String toString() {
        return "DeviceStateConfig[" + kind + " " + jdbcUrl + " user=" + user
                + (sharesStoreDatabase ? " shared with the store" : "") + "]";
    }
}
