package org.koppel.eas.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a device account stands in MS-ASPROV provisioning. Keys are unsigned 32-bit values, never 0 (the
 * key a device sends before it was ever provisioned).
 *
 * @param policyKey     the key in force, 0 when the device has not completed provisioning
 * @param pendingKey    the temporary key handed out in phase one, 0 when none is outstanding
 * @param policyHash    what the gateway said the policy was when the key was issued (so that a changed
 *                      policy can ask devices to provision again); empty if never provisioned
 * @param provisionedAt when the key in force was acknowledged
 */
public record Provisioning(long policyKey, long pendingKey, String policyHash, Optional<Instant> provisionedAt) {

    public static final Provisioning NONE = new Provisioning(0, 0, "", Optional.empty());

    public Provisioning {
        policyHash = policyHash == null ? "" : policyHash;
        provisionedAt = provisionedAt == null ? Optional.empty() : provisionedAt;
    }

    /** Whether a request carrying this X-MS-PolicyKey (or Provision PolicyKey) value is provisioned. */
    public boolean accepts(long clientKey) {
        return policyKey != 0 && clientKey == policyKey;
    }
}
