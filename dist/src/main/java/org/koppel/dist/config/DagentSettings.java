package org.koppel.dist.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.koppel.dagent.DagentConfig;
import org.koppel.dagent.delivery.RuleSettings;
import org.koppel.dagent.plugin.PluginSettings;

/**
 * The delivery agent's settings from dagent.cfg, read once at start: whether {@code koppel serve} runs it, its
 * own log level, and the {@link DagentConfig} the agent itself is built with. Every key of the shipped
 * config/dagent.cfg is read here with the same default.
 *
 * @param logLevel the dagent's loggers' level; empty: server.cfg's log_level
 */
public record DagentSettings(boolean enabled, DagentConfig config, Optional<LogLevel> logLevel) {

    /** The file name (without .cfg) and {@code --set} prefix of these settings. */
    public static final String FILE = "dagent";

    public DagentSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /** Reads every dagent.cfg key; relative paths are taken from the data directory. */
    public static DagentSettings from(ConfigValues cfg, Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        DagentConfig d = DagentConfig.defaults();
        boolean enabled = cfg.bool("enabled", true);
        ListenAddress listen;
        try {
            listen = ListenAddress.parse(cfg.string("lmtp_listen", d.listenHost() + ":" + d.listenPort()));
        } catch (IllegalArgumentException e) {
            throw cfg.bad("lmtp_listen", e.getMessage());
        }
        String hostname = cfg.string("server_hostname", "");
        if (hostname.isEmpty()) {
            hostname = HostName.local();
        } else if (!hostname.matches("[A-Za-z0-9.-]+")) {
            throw cfg.bad("server_hostname", "expected a host name");
        }
        long maxSize = cfg.size("max_message_size", d.maxMessageSize());
        if (maxSize < 1024) {
            throw cfg.bad("max_message_size", "must be at least 1K");
        }
        int maxConnections = cfg.integer("max_connections", d.maxConnections(), 1, 100_000);
        Duration idle = cfg.duration("idle_timeout", d.idleTimeout());
        if (idle.compareTo(Duration.ofSeconds(1)) < 0) {
            throw cfg.bad("idle_timeout", "must be at least 1s");
        }
        String spamName = cfg.raw("spam_header_name").map(String::strip).orElse(d.spamHeaderName());
        if (!spamName.isEmpty() && !spamName.matches("[!-9;-~]+")) {
            throw cfg.bad("spam_header_name", "is not a header name");
        }
        String spamValue = cfg.string("spam_header_value", d.spamHeaderValue());
        Duration oofPeriod = cfg.duration("oof_reply_period", d.oofReplyPeriod());
        String cert = cfg.string("lmtp_ssl_cert_file", "");
        String key = cfg.string("lmtp_ssl_key_file", "");
        Optional<DagentConfig.TlsFiles> tls = Optional.empty();
        if (!cert.isEmpty() || !key.isEmpty()) {
            tls = Optional.of(new DagentConfig.TlsFiles(readable(cfg, "lmtp_ssl_cert_file", cert, data),
                    readable(cfg, "lmtp_ssl_key_file", key, data)));
        }
        String tmp = cfg.string("tmp_path", "");
        Path tempDir = tmp.isEmpty() ? d.tempDir() : data.resolve(tmp);
        String level = cfg.string("log_level", "");
        Optional<LogLevel> logLevel = level.isEmpty() ? Optional.empty()
                : Optional.of(cfg.choice("log_level", LogLevel.class, LogLevel.INFO));
        String whitelist = cfg.string("forward_whitelist_domains", "*");
        RuleSettings rules = new RuleSettings(whitelist.equalsIgnoreCase("none") ? List.of() : list(whitelist),
                cfg.integer("forward_max_hops", RuleSettings.defaults().maxForwardHops(), 0, 100));
        String pluginPath = cfg.string("plugin_path", "");
        Map<String, String> publicFolders = new LinkedHashMap<>();
        for (String entry : list(cfg.string("public_folder_map", ""))) {
            int colon = entry.indexOf(':');
            if (colon < 1 || colon == entry.length() - 1 || entry.substring(0, colon).indexOf('@') < 1) {
                throw cfg.bad("public_folder_map", "expected ADDRESS:FOLDER/PATH, got \"" + entry + "\"");
            }
            publicFolders.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        PluginSettings plugins = new PluginSettings(pluginPath.isEmpty() ? Optional.empty()
                : Optional.of(data.resolve(pluginPath)), publicFolders);
        return new DagentSettings(enabled, new DagentConfig(listen.host(), listen.port(), hostname, maxSize,
                maxConnections, idle, spamName, spamValue, tls, tempDir, oofPeriod, rules, plugins), logLevel);
    }

    /** A comma- or space-separated list; empty entries are dropped. */
    private static List<String> list(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    private static Path readable(ConfigValues cfg, String key, String value, Path base) {
        if (value.isEmpty()) {
            throw cfg.bad(key, "is required when lmtp_ssl_cert_file or lmtp_ssl_key_file is set");
        }
        Path p = base.resolve(value);
        if (!Files.isReadable(p)) {
            throw cfg.bad(key, p + " is not a readable file");
        }
        return p;
    }
}
