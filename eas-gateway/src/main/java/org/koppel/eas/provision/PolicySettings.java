package org.koppel.eas.provision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The policy settings sent in an EASProvisionDoc: a value for some of the {@link PolicySetting}s,
 * kept in the schema's order (an EnumMap), each checked against its setting's kind and range.
 * Settings left out are not sent, and the device keeps its defaults for them.
 *
 * <p>One map keyed by an enum rather than a record of 42 components: the codec, the
 * configuration reader and the range checks are then written once, driven by the enum.
 */
public record PolicySettings(Map<PolicySetting, PolicyValue> values) {

    public PolicySettings {
        EnumMap<PolicySetting, PolicyValue> copy = new EnumMap<>(PolicySetting.class);
        for (Map.Entry<PolicySetting, PolicyValue> e : values.entrySet()) {
            check(e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        values = Collections.unmodifiableMap(copy);
    }

    public static PolicySettings none() {
        return new PolicySettings(Map.of());
    }

    /**
     * Settings from {@code key = value} pairs as policies.ini holds them: the key is the element
     * name (any case); flags are 0/1 or true/false; numbers are decimal, and "" or "unlimited"
     * means no limit where the setting allows it; application lists are comma-separated.
     *
     * @throws IllegalArgumentException naming the key, for an unknown key or a bad value
     */
    public static PolicySettings fromPairs(Map<String, String> pairs) {
        EnumMap<PolicySetting, PolicyValue> values = new EnumMap<>(PolicySetting.class);
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            PolicySetting s = settingForKey(e.getKey().strip())
                    .orElseThrow(() -> new IllegalArgumentException("unknown policy setting '" + e.getKey() + "'"));
            String v = e.getValue().strip();
            try {
                values.put(s, parse(s, v));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException("policy setting " + s.element() + " = '" + v + "': " + x.getMessage(), x);
            }
        }
        return new PolicySettings(values);
    }

    private static Optional<PolicySetting> settingForKey(String key) {
        for (PolicySetting s : PolicySetting.values()) {
            if (s.element().equalsIgnoreCase(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static PolicyValue parse(PolicySetting s, String v) {
        return switch (s.kind()) {
            case FLAG -> switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes" -> new PolicyValue.Flag(true);
                case "0", "false", "no" -> new PolicyValue.Flag(false);
                default -> throw new IllegalArgumentException("expected 0 or 1");
            };
            case NUMBER -> {
                if (v.isEmpty() || v.equalsIgnoreCase("unlimited")) {
                    if (!s.emptyAllowed()) {
                        throw new IllegalArgumentException("a number is required");
                    }
                    yield new PolicyValue.NoLimit();
                }
                try {
                    yield new PolicyValue.Number(Long.parseLong(v));
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("not a number");
                }
            }
            case APPLICATION_NAMES, APPLICATION_HASHES -> {
                List<String> entries = new ArrayList<>();
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        entries.add(part.strip());
                    }
                }
                yield new PolicyValue.Applications(entries);
            }
        };
    }

    private static void check(PolicySetting s, PolicyValue v) {
        boolean ok = switch (s.kind()) {
            case FLAG -> v instanceof PolicyValue.Flag;
            case NUMBER -> v instanceof PolicyValue.Number n ? s.accepts(n.value())
                    : v instanceof PolicyValue.NoLimit && s.emptyAllowed();
            case APPLICATION_NAMES, APPLICATION_HASHES -> v instanceof PolicyValue.Applications;
        };
        if (!ok) {
            throw new IllegalArgumentException(v + " is not a value of " + s.element()
                    + (s.kind() == PolicySetting.Kind.NUMBER ? " (" + s.min() + ".." + s.max() + ")" : ""));
        }
    }

    public Optional<PolicyValue> get(PolicySetting s) {
        return Optional.ofNullable(values.get(s));
    }

    /** A FLAG setting's value, if set. */
    public Optional<Boolean> flag(PolicySetting s) {
        return values.get(s) instanceof PolicyValue.Flag f ? Optional.of(f.value()) : Optional.empty();
    }

    /** A NUMBER setting's value, if set to a number (not "no limit"). */
    public OptionalLong number(PolicySetting s) {
        return values.get(s) instanceof PolicyValue.Number n ? OptionalLong.of(n.value()) : OptionalLong.empty();
    }

    /** An application list, empty if not set. */
    public List<String> applications(PolicySetting s) {
        return values.get(s) instanceof PolicyValue.Applications a ? a.entries() : List.of();
    }
}
