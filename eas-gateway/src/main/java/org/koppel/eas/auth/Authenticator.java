package org.koppel.eas.auth;

/**
 * Checks a user's credentials for ActiveSync and opens what the commands need (a backend session). Called on
 * a virtual thread for every request, OPTIONS included, so an implementation may block but should cache what
 * is expensive (password hashing, backend logon) with care for password changes.
 *
 * @param <S> the session type handed to the command handlers
 */
public interface Authenticator<S> {

    AuthResult<S> authenticate(Credentials credentials);

    /** Gives back a session of {@link AuthResult.Authenticated} once its request is answered. */
    default void release(S session) {
    }
}
