package org.koppel.dist.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.koppel.gateway.GatewayConfig;

/**
 * The IMAP and POP3 gateway's settings from gateway.cfg, read once at start: whether {@code koppel serve}
 * runs it, its own log level, and the {@link GatewayConfig} it is built with. Every key of the shipped
 * config/gateway.cfg is read here with the same default.
 *
 * @param logLevel the gateway's loggers' level; empty: server.cfg's log_level
 */
public record GatewaySettings(boolean enabled, GatewayConfig config, Optional<LogLevel> logLevel) {

    /** The file's name in the config directory, without ".cfg". */
    public static final String FILE = "gateway";

    public GatewaySettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /** Reads every gateway.cfg key; relative paths are taken from the data directory. */
    public static GatewaySettings from(ConfigValues cfg, Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        boolean enabled = cfg.bool("enabled", true);
        String hostname = cfg.string("server_hostname", "");
        if (hostname.isEmpty()) {
            hostname = HostName.local();
        } else if (!hostname.matches("[A-Za-z0-9.-]+")) {
            throw cfg.bad("server_hostname", "expected a host name");
        }
        String cert = cfg.string("ssl_cert_file", "");
        String key = cfg.string("ssl_key_file", "");
        Optional<GatewayConfig.TlsFiles> tls = Optional.empty();
        if (!cert.isEmpty() || !key.isEmpty()) {
            tls = Optional.of(new GatewayConfig.TlsFiles(readable(cfg, "ssl_cert_file", cert, data),
                    readable(cfg, "ssl_key_file", key, data)));
        }
        Duration imapIdle = cfg.duration("imap_idle_timeout", Duration.ofMinutes(30));
        Duration pop3Idle = cfg.duration("pop3_idle_timeout", Duration.ofMinutes(10));
        if (imapIdle.compareTo(Duration.ofSeconds(10)) < 0 || pop3Idle.compareTo(Duration.ofSeconds(10)) < 0) {
            throw cfg.bad(imapIdle.compareTo(Duration.ofSeconds(10)) < 0 ? "imap_idle_timeout" : "pop3_idle_timeout",
                    "must be at least 10s");
        }
        long maxMessage = cfg.size("max_message_size", 64L << 20);
        long maxLine = cfg.size("max_line_length", 64 * 1024);
        if (maxMessage < 1024 || maxLine < 1024 || maxLine > 16L << 20) {
            throw cfg.bad(maxMessage < 1024 ? "max_message_size" : "max_line_length",
                    "must be at least 1K (and a line at most 16M)");
        }
        Duration throttle = cfg.duration("login_throttle", Duration.ofSeconds(30));
        String level = cfg.string("log_level", "");
        Optional<LogLevel> logLevel = level.isEmpty() ? Optional.empty()
                : Optional.of(cfg.choice("log_level", LogLevel.class, LogLevel.INFO));
        GatewayConfig config = new GatewayConfig(listen(cfg, "imap_listen", "0.0.0.0:1143"),
                listen(cfg, "imaps_listen", "0.0.0.0:1993"), listen(cfg, "pop3_listen", "0.0.0.0:1110"),
                listen(cfg, "pop3s_listen", "0.0.0.0:1995"), tls, data, hostname,
                cfg.bool("disable_plaintext_auth", true), cfg.integer("max_connections", 10_000, 1, 1_000_000),
                imapIdle, pop3Idle, cfg.integer("max_bad_commands", 20, 1, 10_000), maxMessage, (int) maxLine,
                cfg.integer("login_max_failures", 5, 1, 1000), throttle, cfg.bool("only_mail_folders", true),
                cfg.bool("public_folders", true));
        return new GatewaySettings(enabled, config, logLevel);
    }

    private static Optional<GatewayConfig.ListenAddress> listen(ConfigValues cfg, String key, String dflt) {
        String value = cfg.string(key, dflt).strip();
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            ListenAddress a = ListenAddress.parse(value);
            return Optional.of(new GatewayConfig.ListenAddress(a.host(), a.port()));
        } catch (IllegalArgumentException e) {
            throw cfg.bad(key, e.getMessage());
        }
    }

    private static Path readable(ConfigValues cfg, String key, String value, Path base) {
        if (value.isEmpty()) {
            throw cfg.bad(key, "is required when ssl_cert_file or ssl_key_file is set");
        }
        Path p = base.resolve(value);
        if (!Files.isReadable(p)) {
            throw cfg.bad(key, p + " is not a readable file");
        }
        return p;
    }
}
