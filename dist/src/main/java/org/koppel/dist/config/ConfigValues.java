package org.koppel.dist.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one configuration file after command-line overrides, with typed accessors. A typed
 * record ({@code ServerSettings}) reads every key it knows once at start; keys it never asked for are then
 * reported by {@link #unknownKeys()} as warnings naming file and line. A bad value is a
 * {@link ConfigException} naming where it was written.
 */
public final class ConfigValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(MS|S|M|H|D)?", Pattern.CASE_INSENSITIVE);

    private final String name;
    private final Map<String, ConfigEntry> entries;
    private final List<String> warnings;
    private final Set<String> read = new HashSet<>();

    private ConfigValues(String name, Map<String, ConfigEntry> entries, List<String> warnings) {
        this.name = name;
        this.entries = entries;
        this.warnings = warnings;
    }

    /**
     * Merges the file's entries (a key written twice keeps its last value, with a warning) and then the
     * overrides, which win over the file.
     */
    public static ConfigValues of(String name, List<ConfigEntry> fileEntries, List<ConfigEntry> overrides) {
        Map<String, ConfigEntry> merged = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (ConfigEntry e : fileEntries) {
            ConfigEntry earlier = merged.put(e.key(), e);
            if (earlier != null) {
                warnings.add(e.source() + ": " + e.key() + " is set again; the earlier value at "
                        + earlier.source() + " is ignored");
            }
        }
        for (ConfigEntry e : overrides) {
            merged.put(e.key(), e);
        }
        return new ConfigValues(name, merged, warnings);
    }

    /** The configuration's name (the file without .cfg, as in {@code --set NAME.key=value}). */
    public String name() {
        return name;
    }

    /** The raw value, if the key is set; marks the key as known. */
    public Optional<String> raw(String key) {
        read.add(key);
        ConfigEntry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    /** The value, or {@code dflt} when the key is absent or empty. */
    public String string(String key, String dflt) {
        return raw(key).filter(v -> !v.isEmpty()).orElse(dflt);
    }

    public int integer(String key, int dflt, int min, int max) {
        Optional<String> v = nonEmpty(key);
        if (v.isEmpty()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw bad(key, "expected a whole number");
        }
        if (n < min || n > max) {
            throw bad(key, "must be between " + min + " and " + max);
        }
        return (int) n;
    }

    /** A size in bytes: a number with an optional unit K, M, G or T (powers of 1024; KB, KiB and so on too). */
    public long size(String key, long dflt) {
        Optional<String> v = nonEmpty(key);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return parseSize(v.get());
        } catch (IllegalArgumentException e) {
            throw bad(key, e.getMessage());
        }
    }

    /** A duration: a number with a unit ms, s, m, h or d; a bare number is seconds. */
    public Duration duration(String key, Duration dflt) {
        Optional<String> v = nonEmpty(key);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return parseDuration(v.get());
        } catch (IllegalArgumentException e) {
            throw bad(key, e.getMessage());
        }
    }

    /** yes/no, true/false, on/off, 1/0. */
    public boolean bool(String key, boolean dflt) {
        Optional<String> v = nonEmpty(key);
        if (v.isEmpty()) {
            return dflt;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> throw bad(key, "expected yes or no");
        };
    }

    /** One of the constants of an enum, named case-insensitively. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
        Optional<String> v = nonEmpty(key);
        if (v.isEmpty()) {
            return dflt;
        }
        for (E c : type.getEnumConstants()) {
            if (c.name().equalsIgnoreCase(v.get())) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            names.add(c.name().toLowerCase(Locale.ROOT));
        }
        throw bad(key, "expected one of " + String.join(", ", names));
    }

    /** Where a key was set, for messages about its value. */
    public Optional<ConfigSource> source(String key) {
        return Optional.ofNullable(entries.get(key)).map(ConfigEntry::source);
    }

    /** A {@link ConfigException} about a key's value, naming file and line. */
    public ConfigException bad(String key, String problem) {
        ConfigEntry e = entries.get(key);
        String where = e == null ? name + ".cfg" : e.source().toString();
        String value = e == null ? "" : " '" + e.value() + "'";
        return new ConfigException(where + ": " + key + value + ": " + problem);
    }

    /** Warnings about the configuration: keys set twice, and keys nothing has asked for. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(unknownKeys());
        return all;
    }

    /** One warning per key that was set but never read: a typo or a setting of another version. */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (ConfigEntry e : entries.values()) {
            if (!read.contains(e.key())) {
                unknown.add(e.source() + ": unknown key '" + e.key() + "' in " + name + ".cfg (ignored)");
            }
        }
        return unknown;
    }

    private Optional<String> nonEmpty(String key) {
        return raw(key).filter(v -> !v.isEmpty());
    }

    /** Parses a size such as {@code 512}, {@code 8M}, {@code 1G}, {@code 10KB} or {@code 2GiB}. */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512, 64K, 8M or 1G");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size too large");
        }
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size too large");
        }
        return n << shift;
    }

    /** Parses a duration such as {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d} or {@code 250ms}. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 30s, 5m, 1h or 7d");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration too long");
        }
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration too long");
        }
    }
}
