package org.koppel.dist.config;

import java.util.Objects;

/** One {@code key = value} setting and where it was written. */
public record ConfigEntry(String key, String value, ConfigSource source) {

    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
