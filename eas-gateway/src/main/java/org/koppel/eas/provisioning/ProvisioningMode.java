package org.koppel.eas.provisioning;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly devices must accept the policy (eas.cfg {@code provisioning}). Whatever the mode, a blocked
 * device stays blocked and a requested remote wipe sends the device to Provision.
 */
public enum ProvisioningMode {
    /**
     * Every device must provision and apply the policy fully (acknowledgement status 1) before it may run any
     * other command. The default.
     */
    REQUIRED,
    /**
     * Devices that provision are held to it (a wrong or outdated key sends them back to Provision), but a
     * device that sends no policy key at all, because it cannot provision, may sync; a device that applied the
     * policy only in part is accepted. Z-Push calls this "loose provisioning".
     */
    OPTIONAL,
    /** No policy key is checked; Provision still answers for devices that ask. */
    OFF;

    /** The mode named in eas.cfg ({@code required}, {@code optional}, {@code off}), any case. */
    public static Optional<ProvisioningMode> parse(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
