package org.koppel.gateway.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import org.koppel.gateway.net.LoginThrottle;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs gateway users on to the store with their password, for one protocol: throttles repeated failures
 * ({@link LoginThrottle}, shared between protocols), refuses users for whom the protocol's {@link Feature}
 * is off, and never tells an unknown user from a wrong password. A throttled or failed attempt is answered
 * after a pause taken on the caller's (virtual) thread. Safe to share between sessions.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final StoreServer store;
    private final LoginThrottle throttle;
    private final Feature feature;
    private final Duration failureDelay;

    /**
     * @param feature      the user feature the protocol needs ({@link Feature#IMAP}, {@link Feature#POP3})
     * @param failureDelay how long a failed login waits before it is answered (slows guessing on one connection)
     */
    public Authenticator(StoreServer store, LoginThrottle throttle, Feature feature, Duration failureDelay) {
        this.store = Objects.requireNonNull(store, "store");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.feature = Objects.requireNonNull(feature, "feature");
        this.failureDelay = Objects.requireNonNull(failureDelay, "failureDelay");
    }

    /** With the pause of a failed login of one second. */
    public Authenticator(StoreServer store, LoginThrottle throttle, Feature feature) {
        this(store, throttle, feature, Duration.ofSeconds(1));
    }

    /** Logs on with a login name and password. */
    public LoginResult login(String user, String password, InetAddress from) {
        Duration blocked = throttle.blockedFor(user, from);
        if (!blocked.isZero()) {
            LOG.info("{} login for {} from {} refused: too many failures", feature, user, address(from));
            pause(throttle.period().compareTo(blocked) < 0 ? throttle.period() : blocked);
            return new LoginResult.Failure(LoginResult.Reason.THROTTLED);
        }
        Session session;
        try {
            session = store.logon(new Credentials.Password(user, password));
        } catch (MapiException.LogonFailed | MapiException.NoAccess | MapiException.NotFound e) {
            throttle.failed(user, from);
            LOG.info("{} login for {} from {} failed", feature, user, address(from));
            pause(failureDelay);
            return new LoginResult.Failure(LoginResult.Reason.BAD_CREDENTIALS);
        } catch (RuntimeException e) {
            LOG.warn("{} login for {} from {}: the store failed: {}", feature, user, address(from), e.toString());
            return new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE);
        }
        throttle.succeeded(user);
        if (!session.user().has(feature)) {
            session.close();
            LOG.info("{} login for {} from {} refused: {} is off for the user", feature, user, address(from), feature);
            return new LoginResult.Failure(LoginResult.Reason.FEATURE_DISABLED);
        }
        LOG.debug("{} login for {} from {}", feature, user, address(from));
        return new LoginResult.Success(session);
    }

    /**
     * Logs on with SASL PLAIN or LOGIN credentials. An authorization identity other than the authentication
     * identity would mean acting as another user, which is not offered: refused.
     */
    public LoginResult login(SaslPlain credentials, InetAddress from) {
        if (!credentials.authzid().isEmpty() && !credentials.authzid().equals(credentials.authcid())) {
            LOG.info("{} login for {} from {} refused: authorization as {} is not offered", feature,
                    credentials.authcid(), address(from), credentials.authzid());
            return new LoginResult.Failure(LoginResult.Reason.AUTHZ_REFUSED);
        }
        return login(credentials.authcid(), credentials.password(), from);
    }

    private static String address(InetAddress from) {
        return from == null ? "?" : from.getHostAddress();
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
