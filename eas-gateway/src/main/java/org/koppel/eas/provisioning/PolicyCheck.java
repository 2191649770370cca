package org.koppel.eas.provisioning;

/**
 * Decides whether a device may run a command that needs provisioning (every one but Provision). Implemented
 * over device-state, which knows the device's policy key and wipe state; may record the device's last contact
 * as it goes. Called on a virtual thread; may block; a store outage is reported by throwing
 * {@link org.koppel.eas.command.StoreUnavailableException}.
 */
@FunctionalInterface
public interface PolicyCheck {

    PolicyDecision check(PolicyQuery query);
}
