package org.koppel.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.net.LoginThrottle;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/** The authenticator over a store that knows alice (POP3 on) and bob (POP3 off), both with password "pw". */
class AuthenticatorTest {

    private final AtomicInteger logons = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private Session session(String login, EnumSet<Feature> features) {
        UserInfo user = new UserInfo(login.length(), login, login, login + "@example.org", List.of(), false,
                UserKind.USER, true, features);
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "user" -> user;
                    case "close" -> {
                        closed.incrementAndGet();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final StoreServer store = credentials -> {
        logons.incrementAndGet();
        if (credentials instanceof Credentials.Password p && p.password().equals("pw")) {
            switch (p.login()) {
                case "alice" -> {
                    return session("alice", EnumSet.allOf(Feature.class));
                }
                case "bob" -> {
                    return session("bob", EnumSet.of(Feature.MAIL, Feature.IMAP));
                }
                case "down" -> throw new MapiException.CallFailed("database unreachable");
                default -> {
                }
            }
        }
        throw new MapiException.LogonFailed("logon failed");
    };

    private final Authenticator authenticator = new Authenticator(store,
            new LoginThrottle(3, Duration.ofMillis(300), Clock.systemUTC(), 100), Feature.POP3, Duration.ZERO);
    private final InetAddress from = InetAddress.getLoopbackAddress();

    @Test
    void rightAndWrongPasswords() {
        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class, authenticator.login("alice", "pw", from));
        assertEquals("alice", ok.session().user().login());
        assertEquals(new LoginResult.Failure(LoginResult.Reason.BAD_CREDENTIALS),
                authenticator.login("alice", "nope", from));
        assertEquals(new LoginResult.Failure(LoginResult.Reason.BAD_CREDENTIALS),
                authenticator.login("nobody", "pw", from));
        assertEquals(new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE), authenticator.login("down", "pw", from));
    }

    @Test
    void theProtocolsFeatureMustBeOn() {
        assertEquals(new LoginResult.Failure(LoginResult.Reason.FEATURE_DISABLED), authenticator.login("bob", "pw", from));
        assertEquals(1, closed.get(), "the session opened to look is closed");
    }

    @Test
    void throttledAfterTheFailuresWithoutAskingTheStore() throws Exception {
        for (int i = 0; i < 3; i++) {
            authenticator.login("alice", "wrong" + i, from);
        }
        int before = logons.get();
        long start = System.nanoTime();
        assertEquals(new LoginResult.Failure(LoginResult.Reason.THROTTLED), authenticator.login("alice", "pw", from));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(100).toNanos(), "answered after a pause");
        assertEquals(before, logons.get(), "the store is not asked while throttled");
        Thread.sleep(350);
        assertInstanceOf(LoginResult.Success.class, authenticator.login("alice", "pw", from));
    }

    @Test
    void saslAuthorizationIdentityMustBeTheLogin() {
        assertInstanceOf(LoginResult.Success.class, authenticator.login(new SaslPlain("alice", "alice", "pw"), from));
        assertInstanceOf(LoginResult.Success.class, authenticator.login(new SaslPlain("", "alice", "pw"), from));
        assertEquals(new LoginResult.Failure(LoginResult.Reason.AUTHZ_REFUSED),
                authenticator.login(new SaslPlain("bob", "alice", "pw"), from));
    }
}
