package org.koppel.eas.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.koppel.backend.BackendException;
import org.koppel.eas.state.DeviceStateException;

/**
 * The one place where "the mail source or the device-state database cannot answer now" becomes the HTTP
 * layer's 503 with Retry-After, so that every command handler tells a device the same thing about an outage.
 *
 * @param retryAfter how long a device is asked to wait
 */
public record Outage(Duration retryAfter) {

    public Outage {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The 503 for a failure that is an outage; empty for any other failure. */
    public Optional<StoreUnavailableException> of(RuntimeException failure) {
        return switch (failure) {
            case BackendException.Unavailable u ->
                    Optional.of(new StoreUnavailableException("backend: " + u.getMessage(), retryAfter, u));
            case DeviceStateException.StorageFailure f ->
                    Optional.of(new StoreUnavailableException("device state: " + f.getMessage(), retryAfter, f));
            default -> Optional.empty();
        };
    }
}
