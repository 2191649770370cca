package org.koppel.dist.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.koppel.store.client.Quota;
import org.koppel.store.core.blob.TieredBlobStore;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.engine.EngineConfig;

/**
 * The store server's settings from server.cfg, read once at start. Every key of the shipped
 * config/server.cfg is here with the same default; the rest of the program uses these fields, never keys.
 *
 * @param dataDir             the data directory (command line {@code --data}), base of relative paths
 * @param serviceSecret       the shared secret for service logons; empty means DATA/service.secret
 * @param attachmentSmallSize attachment data up to this size is kept in the database, written in its message's
 *                            transaction, whatever {@code attachmentStorage} says (0: never)
 */
public record ServerSettings(
        Path dataDir,
        DatabaseEngine databaseEngine,
        String mysqlHost,
        int mysqlPort,
        String mysqlUser,
        String mysqlPassword,
        String mysqlDatabase,
        AttachmentStorage attachmentStorage,
        Path attachmentPath,
        long attachmentSmallSize,
        ListenAddress serverListen,
        long maxPropertySize,
        long maxAttachmentSize,
        Quota defaultQuota,
        int pbkdf2Iterations,
        String serviceSecret,
        int maxRestrictionDepth,
        int loginMaxFailures,
        Duration loginFailureWindow,
        Duration attachmentPurgeGrace,
        Duration syncTombstoneRetention,
        Duration submitLockTimeout,
        Duration housekeepingInterval,
        Duration sessionTimeout,
        int maxSessions,
        LogLevel logLevel,
        java.util.Optional<TlsSettings> tls) {

    /** The file name (without .cfg) and {@code --set} prefix of these settings. */
    public static final String FILE = "server";

    private static final EngineConfig ENGINE_DEFAULTS = EngineConfig.defaults();

    public ServerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseEngine, "databaseEngine");
        Objects.requireNonNull(attachmentStorage, "attachmentStorage");
        Objects.requireNonNull(attachmentPath, "attachmentPath");
        Objects.requireNonNull(serverListen, "serverListen");
        Objects.requireNonNull(defaultQuota, "defaultQuota");
        Objects.requireNonNull(logLevel, "logLevel");
        serviceSecret = serviceSecret == null ? "" : serviceSecret;
        Objects.requireNonNull(tls, "tls");
    }

    /** Reads every server.cfg key (so that the rest count as unknown) and checks the values. */
    public static ServerSettings from(ConfigValues cfg, Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        String attachments = cfg.string("attachment_path", "");
        Path attachmentPath = attachments.isEmpty() ? data.resolve("attachments") : data.resolve(attachments);
        ListenAddress listen;
        try {
            listen = ListenAddress.parse(cfg.string("server_listen", "127.0.0.1:2360"));
        } catch (IllegalArgumentException e) {
            throw cfg.bad("server_listen", e.getMessage());
        }
        long warn = cfg.size("quota_warn", 0);
        long soft = cfg.size("quota_soft", 0);
        long hard = cfg.size("quota_hard", 0);
        if (hard > 0 && soft > hard) {
            throw cfg.bad("quota_soft", "is larger than quota_hard");
        }
        if (soft > 0 && warn > soft || hard > 0 && warn > hard) {
            throw cfg.bad("quota_warn", "is larger than quota_soft or quota_hard");
        }
        long maxProperty = cfg.size("max_property_size", ENGINE_DEFAULTS.maxPropertyBytes());
        long maxAttachment = cfg.size("max_attachment_size", ENGINE_DEFAULTS.maxAttachmentBytes());
        if (maxProperty < 1024) {
            throw cfg.bad("max_property_size", "must be at least 1K");
        }
        if (maxAttachment < 1) {
            throw cfg.bad("max_attachment_size", "must be at least 1 byte");
        }
        long smallAttachment = cfg.size("attachment_small_size", ENGINE_DEFAULTS.smallAttachmentBytes());
        if (smallAttachment > TieredBlobStore.SMALL_MAX_LIMIT) {
            throw cfg.bad("attachment_small_size", "must be at most 1M");
        }
        Duration window = cfg.duration("login_failure_window", ENGINE_DEFAULTS.loginFailureWindow());
        Duration grace = cfg.duration("attachment_purge_grace", ENGINE_DEFAULTS.blobPurgeGrace());
        Duration retention = cfg.duration("sync_deletion_retention", ENGINE_DEFAULTS.tombstoneRetention());
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw cfg.bad("sync_deletion_retention", "must be at least 1d");
        }
        Duration submitLock = cfg.duration("submit_lock_timeout", ENGINE_DEFAULTS.submitLockTimeout());
        if (submitLock.compareTo(Duration.ofSeconds(10)) < 0) {
            throw cfg.bad("submit_lock_timeout", "must be at least 10s");
        }
        Duration sessionTimeout = cfg.duration("session_timeout", Duration.ofMinutes(30));
        if (sessionTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw cfg.bad("session_timeout", "must be at least 10s");
        }
        Duration housekeeping = cfg.duration("housekeeping_interval", Duration.ofHours(1));
        if (housekeeping.compareTo(Duration.ofMinutes(1)) < 0) {
            throw cfg.bad("housekeeping_interval", "must be at least 1m");
        }
        return new ServerSettings(
                data,
                cfg.choice("database_engine", DatabaseEngine.class, DatabaseEngine.EMBEDDED),
                cfg.string("mysql_host", "localhost"),
                cfg.integer("mysql_port", 3306, 1, 65535),
                cfg.string("mysql_user", "koppel"),
                cfg.raw("mysql_password").orElse(""),
                cfg.string("mysql_database", "koppel"),
                cfg.choice("attachment_storage", AttachmentStorage.class, AttachmentStorage.FILES),
                attachmentPath,
                smallAttachment,
                listen,
                maxProperty,
                maxAttachment,
                new Quota(warn, soft, hard),
                cfg.integer("password_pbkdf2_iterations", ENGINE_DEFAULTS.pbkdf2Iterations(), 1_000, 100_000_000),
                cfg.raw("service_secret").orElse(""),
                cfg.integer("max_restriction_depth", ENGINE_DEFAULTS.maxRestrictionDepth(), 1, 1_000),
                cfg.integer("login_max_failures", ENGINE_DEFAULTS.maxLoginFailures(), 0, 1_000_000),
                window,
                grace,
                retention,
                submitLock,
                housekeeping,
                sessionTimeout,
                cfg.integer("max_sessions", 100_000, 1, 10_000_000),
                cfg.choice("log_level", LogLevel.class, LogLevel.INFO),
                TlsSettings.from(cfg, data));
    }

    /** How to reach the database these settings name. */
    public DatabaseConfig databaseConfig() {
        return switch (databaseEngine) {
            case EMBEDDED -> DatabaseConfig.embedded(dataDir);
            case MYSQL -> DatabaseConfig.mysql(mysqlHost, mysqlPort, mysqlDatabase, mysqlUser, mysqlPassword);
        };
    }

    /** The engine's settings, with the service secret actually in use (configured or from the data directory). */
    public EngineConfig engineConfig(String effectiveServiceSecret) {
        return new EngineConfig(maxPropertySize, maxAttachmentSize, defaultQuota, pbkdf2Iterations,
                effectiveServiceSecret, maxRestrictionDepth, loginMaxFailures, loginFailureWindow,
                attachmentPurgeGrace, syncTombstoneRetention, submitLockTimeout, ENGINE_DEFAULTS.submitRetryDelay(),
                attachmentSmallSize);
    }

    /** Where a generated service secret is kept when server.cfg configures none. */
    public Path serviceSecretFile() {
        return dataDir.resolve("service.secret");
    }

    @Override
    public String toString() {
        return "ServerSettings[data=" + dataDir + ", database=" + databaseEngine
                + (databaseEngine == DatabaseEngine.MYSQL ? " " + mysqlUser + "@" + mysqlHost + ":" + mysqlPort + "/" + mysqlDatabase : "")
                + ", attachments=" + attachmentStorage
                + (attachmentStorage == AttachmentStorage.FILES ? " " + attachmentPath : "")
                + ", listen=" + serverListen + ", log_level=" + logLevel + "]";
    }
}
