package org.koppel.eas.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device account's remote-wipe state with the time of each step.
 *
 * @param accountOnly  whether only this account's data is to go (AccountOnlyRemoteWipe), not the device
 * @param requestedBy  who asked (an administrator's name), empty when none
 */
public record WipeState(
        WipeStatus status,
        boolean accountOnly,
        String requestedBy,
        Optional<Instant> requestedAt,
        Optional<Instant> sentAt,
        Optional<Instant> acknowledgedAt) {

    public static final WipeState NONE = new WipeState(WipeStatus.NONE, false, "", Optional.empty(),
            Optional.empty(), Optional.empty());

    public WipeState {
        Objects.requireNonNull(status, "status");
        requestedBy = requestedBy == null ? "" : requestedBy;
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    }

    /** Whether the device must be sent to Provision to receive a wipe. */
    public boolean wipeDue() {
        return status == WipeStatus.PENDING || status == WipeStatus.SENT;
    }
}
