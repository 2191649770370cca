package org.koppel.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.koppel.dist.config.ConfigDirectory;
import org.koppel.dist.config.ConfigOverride;
import org.koppel.dist.config.ConfigValues;
import org.koppel.dist.config.DagentSettings;
import org.koppel.dist.config.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options every command that opens the store shares: data directory, config directory, overrides. */
final class StoreOptions {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOptions.class);

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:KOPPEL_DATA:-data}",
            description = "Data directory: embedded database, attachments, secrets (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:KOPPEL_CONFIG:-config}",
            description = "Directory of the *.cfg files (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Option(names = "--set", paramLabel = "FILE.KEY=VALUE",
            description = "Overrides one setting, e.g. --set server.log_level=debug (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** Reads server.cfg with the overrides, applies its log level and logs its warnings. */
    ServerSettings serverSettings(LogLevels logLevels) {
        return serverSettings(logLevels, Set.of());
    }

    /** As {@link #serverSettings(LogLevels)}, for a command that also reads the {@code alsoRead} files. */
    ServerSettings serverSettings(LogLevels logLevels, Set<String> alsoRead) {
        ConfigDirectory dir = directory();
        Set<String> read = new java.util.HashSet<>(alsoRead);
        read.add(ServerSettings.FILE);
        dir.requireOverridesFor(read);
        ConfigValues values = dir.load(ServerSettings.FILE);
        ServerSettings settings = ServerSettings.from(values, dataDir);
        logLevels.apply(settings.logLevel());
        if (!dir.exists(ServerSettings.FILE)) {
            LOG.warn("No {} found: using built-in defaults", dir.file(ServerSettings.FILE).toAbsolutePath());
        }
        values.warnings().forEach(LOG::warn);
        return settings;
    }

    /** Reads dagent.cfg with the overrides (a missing file means the defaults), applies its log level. */
    DagentSettings dagentSettings(LogLevels logLevels) {
        ConfigDirectory dir = directory();
        ConfigValues values = dir.load(DagentSettings.FILE);
        DagentSettings settings = DagentSettings.from(values, dataDir);
        settings.logLevel().ifPresent(level -> logLevels.apply("org.koppel.dagent", level));
        values.warnings().forEach(LOG::warn);
        return settings;
    }

    private ConfigDirectory directory() {
        return new ConfigDirectory(configDir, overrides.stream().map(ConfigOverride::parse).toList());
    }

    /** Reads eas.cfg with the overrides (a missing file means the defaults) and logs its warnings. */
    org.koppel.dist.config.EasSettings easSettings() {
        ConfigDirectory dir = directory();
        ConfigValues values = dir.load(org.koppel.dist.config.EasSettings.FILE);
        org.koppel.dist.config.EasSettings settings = org.koppel.dist.config.EasSettings.from(values, dataDir, configDir);
        values.warnings().forEach(LOG::warn);
        return settings;
    }

    /** Reads gateway.cfg with the overrides (a missing file means the defaults) and logs its warnings. */
    org.koppel.dist.config.GatewaySettings gatewaySettings(LogLevels logLevels) {
        ConfigDirectory dir = directory();
        ConfigValues values = dir.load(org.koppel.dist.config.GatewaySettings.FILE);
        org.koppel.dist.config.GatewaySettings settings = org.koppel.dist.config.GatewaySettings.from(values, dataDir);
        settings.logLevel().ifPresent(level -> logLevels.apply("org.koppel.gateway", level));
        values.warnings().forEach(LOG::warn);
        return settings;
    }

    /** Reads spooler.cfg with the overrides and logs its warnings. */
    org.koppel.spooler.SpoolerConfig spoolerSettings() {
        ConfigDirectory dir = directory();
        ConfigValues values = dir.load(org.koppel.dist.config.SpoolerSettings.FILE);
        org.koppel.spooler.SpoolerConfig config = org.koppel.dist.config.SpoolerSettings.from(values);
        values.warnings().forEach(LOG::warn);
        return config;
    }
}
