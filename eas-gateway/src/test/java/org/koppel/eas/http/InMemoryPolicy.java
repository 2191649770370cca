package org.koppel.eas.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.koppel.eas.provisioning.PolicyCheck;
import org.koppel.eas.provisioning.PolicyDecision;
import org.koppel.eas.provisioning.PolicyQuery;

/** Devices and their current policy keys in a map, as device-state will keep them; blocked and wiped sets. */
final class InMemoryPolicy implements PolicyCheck {

    private final Map<String, Long> keys = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Set<String> wipe = ConcurrentHashMap.newKeySet();

    InMemoryPolicy provisioned(String deviceId, long key) {
        keys.put(deviceId, key);
        return this;
    }

    InMemoryPolicy blocked(String deviceId) {
        blocked.add(deviceId);
        return this;
    }

    InMemoryPolicy wipe(String deviceId) {
        wipe.add(deviceId);
        return this;
    }

    @Override
    public PolicyDecision check(PolicyQuery q) {
        String id = q.device().id();
        if (blocked.contains(id)) {
            return PolicyDecision.BLOCKED;
        }
        if (wipe.contains(id)) {
            return PolicyDecision.REMOTE_WIPE_REQUESTED;
        }
        Long current = keys.get(id);
        if (current == null || q.policyKey().isEmpty() || q.policyKey().getAsLong() == 0) {
            return PolicyDecision.PROVISIONING_REQUIRED;
        }
        return current == q.policyKey().getAsLong() ? PolicyDecision.ALLOWED : PolicyDecision.INVALID_POLICY_KEY;
    }
}
