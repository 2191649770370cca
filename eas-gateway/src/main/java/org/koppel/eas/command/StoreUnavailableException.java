package org.koppel.eas.command;

import java.time.Duration;
import java.util.Objects;

/** The store or backend cannot be reached now: HTTP 503 with Retry-After, so the device tries again later. */
public final class StoreUnavailableException extends CommandException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public StoreUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
