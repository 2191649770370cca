package org.koppel.eas.auth;

import java.time.Duration;
import java.util.Objects;
import org.koppel.backend.Backend;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs ActiveSync users on to the backend with the password of each request, and refuses those the backend
 * knows but who may not sync a phone. The session opened is the one the command handlers use, closed once the
 * response is sent; the user name handed on is the backend's canonical login, which device state keys on.
 */
public final class BackendAuthenticator implements Authenticator<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(BackendAuthenticator.class);

    private final Backend backend;
    private final Duration retryAfter;

    /** @param retryAfter what a 503 asks the device to wait when the backend cannot be reached */
    public BackendAuthenticator(Backend backend, Duration retryAfter) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public AuthResult<BackendSession> authenticate(Credentials credentials) {
        BackendSession session;
        try {
            session = backend.logon(credentials.login(), credentials.password());
        } catch (BackendException.AuthenticationFailed e) {
            return new AuthResult.Refused<>();
        } catch (BackendException.AccessDenied e) {
            return new AuthResult.Forbidden<>(credentials.login());
        } catch (BackendException.Unavailable e) {
            LOG.warn("Logon of {} failed, the backend is unavailable: {}", credentials.login(), e.getMessage());
            return new AuthResult.Unavailable<>(retryAfter);
        } catch (BackendException e) {
            // Neither the password nor the user is known to be wrong: let the device come back rather than
            // ask its user for a password that may be right.
            LOG.warn("Logon of {} failed: {}", credentials.login(), e.toString());
            return new AuthResult.Unavailable<>(retryAfter);
        }
        try {
            String user = session.user().login();
            if (!session.mobileAccess()) {
                LOG.info("{} may not use ActiveSync (mobile access is off)", user);
                session.close();
                return new AuthResult.Forbidden<>(user);
            }
            return new AuthResult.Authenticated<>(user, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public void release(BackendSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing a backend session: {}", e.toString());
        }
    }
}
