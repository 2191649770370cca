package org.koppel.dist.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provisioning.DevicePolicy;

/**
 * Reads the ActiveSync device policy from policies.ini: INI sections of {@code key = value} lines, comments
 * on whole lines starting with {@code #} or {@code ;}. Section {@code [default]} is the policy every user gets;
 * other sections are kept for per-user policies to come and are not read. A malformed line, an unknown setting
 * or a bad value stops the start with the file and line named.
 */
public final class PolicyFile {

    public static final String DEFAULT_SECTION = "default";

    private PolicyFile() {
    }

    public static DevicePolicy read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("eas.cfg policies_file: cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** The {@code [default]} section of a policies.ini text; {@code name} names it in messages. */
    public static DevicePolicy parse(String name, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String section = null;
        boolean sawDefault = false;
        List<String> all = text.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ConfigException(name + ":" + number + ": expected [section]");
                }
                section = line.substring(1, line.length() - 1).strip();
                sawDefault |= section.equals(DEFAULT_SECTION);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new ConfigException(name + ":" + number + ": expected key = value");
            }
            if (section == null) {
                throw new ConfigException(name + ":" + number + ": a setting before the first [section]");
            }
            if (!section.equals(DEFAULT_SECTION)) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (pairs.put(key, line.substring(eq + 1).strip()) != null) {
                throw new ConfigException(name + ":" + number + ": " + key + " is set twice in [default]");
            }
            lines.put(key, number);
        }
        if (!sawDefault) {
            throw new ConfigException(name + ": no [default] section");
        }
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            try {
                PolicySettings.fromPairs(Map.of(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException x) {
                throw new ConfigException(name + ":" + lines.get(e.getKey()) + ": " + x.getMessage(), x);
            }
        }
        return DevicePolicy.of(PolicySettings.fromPairs(pairs));
    }
}
