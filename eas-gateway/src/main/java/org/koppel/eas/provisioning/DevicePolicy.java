package org.koppel.eas.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.koppel.eas.provision.PolicySetting;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provision.PolicyValue;

/**
 * The policy the gateway hands to devices (policies.ini {@code [default]}), with a fingerprint of its settings.
 * Device state records the fingerprint with each policy key, so that a device provisioned under an earlier
 * policy is asked to provision again after the administrator changed it.
 */
public record DevicePolicy(PolicySettings settings, String hash) {

    public DevicePolicy {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(hash, "hash");
    }

    public static DevicePolicy of(PolicySettings settings) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<PolicySetting, PolicyValue> e : settings.values().entrySet()) {
            canonical.append(e.getKey().element()).append('=').append(e.getValue()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return new DevicePolicy(settings, HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
