package org.koppel.eas.provisioning;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.command.StoreUnavailableException;
import org.koppel.eas.state.Device;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceRequest;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning gate over device state: records every request of a device account (creating it on first
 * sight) and decides from its record whether the command may run. A refusal is decided on the database's
 * current record, never on this node's cached copy, since another gateway node may have provisioned the
 * device a moment ago.
 */
public final class DeviceStatePolicyCheck implements PolicyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStatePolicyCheck.class);

    private final Devices devices;
    private final ProvisioningMode mode;
    private final DevicePolicy policy;
    private final Duration retryAfter;

    public DeviceStatePolicyCheck(Devices devices, ProvisioningMode mode, DevicePolicy policy, Duration retryAfter) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public PolicyDecision check(PolicyQuery query) {
        DeviceAccount account = new DeviceAccount(query.user(), query.device().id());
        try {
            Device device = devices.register(account, new DeviceRequest(query.device().type(),
                    query.userAgent().orElse(""), query.version().header()));
            PolicyDecision decision = decide(device, query);
            if (decision == PolicyDecision.ALLOWED) {
                return decision;
            }
            Optional<Device> fresh = devices.findFresh(account);
            decision = fresh.map(d -> decide(d, query)).orElse(decision);
            LOG.debug("{} {} of {}: {}", query.command().wireName(), account, query.device().type(), decision);
            return decision;
        } catch (DeviceStateException.StorageFailure e) {
            throw new StoreUnavailableException("device state: " + e.getMessage(), retryAfter, e);
        }
    }

    /** The decision for one reading of the device record. */
    PolicyDecision decide(Device device, PolicyQuery query) {
        if (device.blocked()) {
            return PolicyDecision.BLOCKED;
        }
        if (device.wipe().wipeDue()) {
            return PolicyDecision.REMOTE_WIPE_REQUESTED;
        }
        if (mode == ProvisioningMode.OFF) {
            return PolicyDecision.ALLOWED;
        }
        long sent = query.policyKey().orElse(0);
        if (sent == 0) {
            // A device that never sends a key cannot provision; only the optional mode lets it in.
            return mode == ProvisioningMode.OPTIONAL ? PolicyDecision.ALLOWED : PolicyDecision.PROVISIONING_REQUIRED;
        }
        if (device.provisioning().policyKey() == 0) {
            return PolicyDecision.PROVISIONING_REQUIRED;
        }
        if (!device.provisioning().accepts(sent) || !device.provisioning().policyHash().equals(policy.hash())) {
            // A key of an earlier policy is outdated too: the device must fetch the new settings.
            return PolicyDecision.INVALID_POLICY_KEY;
        }
        return PolicyDecision.ALLOWED;
    }
}
