package org.koppel.dist.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A directory of {@code NAME.cfg} files plus the command line's {@code --set NAME.key=value} overrides.
 * A missing file means built-in defaults; an override for a file the command does not read is an error,
 * so a typo in the file name is not silently ignored.
 */
public final class ConfigDirectory {

    private final Path dir;
    private final List<ConfigOverride> overrides;
    private final ConfigFileParser parser = new ConfigFileParser();

    public ConfigDirectory(Path dir, List<ConfigOverride> overrides) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.overrides = List.copyOf(overrides);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name + ".cfg");
    }

    /** Whether NAME.cfg exists (otherwise {@link #load} gives the defaults plus overrides). */
    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    /** Reads NAME.cfg (if present) and applies the overrides for NAME. */
    public ConfigValues load(String name) {
        Path file = file(name);
        List<ConfigEntry> entries = Files.isRegularFile(file) ? parser.parse(file) : List.of();
        List<ConfigEntry> forFile = overrides.stream()
                .filter(o -> o.file().equals(name))
                .map(ConfigOverride::toEntry)
                .toList();
        return ConfigValues.of(name, entries, forFile);
    }

    /** Refuses overrides for files other than the ones a command reads. */
    public void requireOverridesFor(Set<String> names) {
        for (ConfigOverride o : overrides) {
            if (!names.contains(o.file())) {
                throw new ConfigException("--set " + o.file() + "." + o.key() + ": this command reads no "
                        + o.file() + ".cfg (it reads " + String.join(", ", new TreeSet<>(names)) + ")");
            }
        }
    }
}
