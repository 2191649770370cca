package org.koppel.gateway.auth;

import java.util.Objects;
import org.koppel.store.client.Session;

/** What a login came to: a session, or why there is none. */
public sealed interface LoginResult {

    /** Logged on; the caller owns the session and closes it. */
    record Success(Session session) implements LoginResult {
        public Success {
            Objects.requireNonNull(session, "session");
        }
    }

    /** No session; {@code reason} picks the protocol's answer (NO [AUTHENTICATIONFAILED], -ERR [AUTH], ...). */
    record Failure(Reason reason) implements LoginResult {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a login failed. */
    enum Reason {
        /** Unknown user or wrong password (the two are never told apart). */
        BAD_CREDENTIALS,
        /** Too many failed logins for the user or from the address: try later. */
        THROTTLED,
        /** The password was right, but the protocol is switched off for the user. */
        FEATURE_DISABLED,
        /** The client asked to act as another user (a SASL authorization identity), which is not offered. */
        AUTHZ_REFUSED,
        /** The store could not be reached or failed: a temporary problem. */
        UNAVAILABLE
    }
}
