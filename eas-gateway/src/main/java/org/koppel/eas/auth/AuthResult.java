package org.koppel.eas.auth;

import java.time.Duration;
import java.util.Objects;

/** The outcome of a logon, one case per distinct HTTP answer. */
public sealed interface AuthResult<S> {

    /**
     * The user may use ActiveSync.
     *
     * @param user the user's name as the store knows it (what a {@code User} query parameter is compared with)
     * @param session handed to the command handlers, then to {@link Authenticator#release} after the response
     */
    record Authenticated<S>(String user, S session) implements AuthResult<S> {
        public Authenticated {
            Objects.requireNonNull(user, "user");
        }
    }

    /** Unknown user or wrong password: HTTP 401, counted by the login throttle. */
    record Refused<S>() implements AuthResult<S> {
    }

    /** Right password, but the user may not sync (mobile feature off, account disabled): HTTP 403. */
    record Forbidden<S>(String user) implements AuthResult<S> {
        public Forbidden {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The store cannot answer now: HTTP 503 with Retry-After; not a failed login. */
    record Unavailable<S>(Duration retryAfter) implements AuthResult<S> {
        public Unavailable {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
