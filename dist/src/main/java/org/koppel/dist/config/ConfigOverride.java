package org.koppel.dist.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting given on the command line as {@code FILE.KEY=VALUE} ({@code server.server_listen=127.0.0.1:12360}):
 * it replaces the value of KEY in FILE.cfg.
 */
public record ConfigOverride(String file, String key, String value) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_]+)\\s*=(.*)", Pattern.DOTALL);

    public ConfigOverride {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code FILE.KEY=VALUE}; the value is trimmed and may be empty. */
    public static ConfigOverride parse(String option) {
        Matcher m = FORM.matcher(option.strip());
        if (!m.matches()) {
            throw new ConfigException("--set " + option + ": expected FILE.KEY=VALUE, e.g. server.log_level=debug");
        }
        return new ConfigOverride(m.group(1), m.group(2), m.group(3).strip());
    }

    public ConfigEntry toEntry() {
        return new ConfigEntry(key, value, ConfigSource.commandLine(file + "." + key + "=" + value));
    }
}
