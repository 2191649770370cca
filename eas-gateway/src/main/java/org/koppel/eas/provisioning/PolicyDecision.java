package org.koppel.eas.provisioning;

import org.koppel.eas.command.CommonStatus;

/**
 * The provisioning gate's answer. All but {@link #ALLOWED} stop the request: 12.x clients get the HTTP status
 * of the common status (449 sends them to Provision, 403 for a blocked device), 14.0 and later the status in
 * the command's response (MS-ASPROV 3.2.5.2).
 */
public enum PolicyDecision {
    ALLOWED(null),
    /** No policy key, or the device was never provisioned: Status 142. */
    PROVISIONING_REQUIRED(CommonStatus.DEVICE_NOT_PROVISIONED),
    /** The key sent is not the device's current one (the policy changed): Status 144. */
    INVALID_POLICY_KEY(CommonStatus.INVALID_POLICY_KEY),
    /** An administrator asked for a wipe; the device must Provision to receive it: Status 140. */
    REMOTE_WIPE_REQUESTED(CommonStatus.REMOTE_WIPE_REQUESTED),
    /** The device may not sync for this user: Status 129. */
    BLOCKED(CommonStatus.DEVICE_BLOCKED_FOR_USER);

    private final CommonStatus status;

    PolicyDecision(CommonStatus status) {
        this.status = status;
    }

    /** The status a refused request is answered with; null for {@link #ALLOWED}. */
    public CommonStatus status() {
        return status;
    }
}
