package org.koppel.dist.config;

import java.util.Objects;

/**
 * Where a setting was written: a line of a configuration file, or a {@code --set} option on the command
 * line. Its {@link #toString()} is the prefix of every message about that setting.
 */
public record ConfigSource(String origin, int line) {

    public ConfigSource {
        Objects.requireNonNull(origin, "origin");
    }

    public static ConfigSource fileLine(String file, int line) {
        return new ConfigSource(file, line);
    }

    public static ConfigSource commandLine(String option) {
        return new ConfigSource("command line (--set " + option + ")", 0);
    }

    @Override
    public String toString() {
        return line > 0 ? origin + ":" + line : origin;
    }
}
