package org.koppel.eas.http;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.koppel.eas.auth.AuthResult;
import org.koppel.eas.auth.Authenticator;
import org.koppel.eas.auth.Credentials;

/**
 * Test users in a map: login or e-mail address to user, user to password; users without the mobile feature;
 * a switch that makes the "store" unavailable. The session is a string naming the user; releases are counted.
 */
final class InMemoryAuthenticator implements Authenticator<String> {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> addresses = new ConcurrentHashMap<>();
    private final Set<String> withoutMobile = ConcurrentHashMap.newKeySet();
    volatile boolean unavailable;
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();

    InMemoryAuthenticator user(String login, String password, String address) {
        passwords.put(login, password);
        addresses.put(address, login);
        return this;
    }

    InMemoryAuthenticator withoutMobile(String login) {
        withoutMobile.add(login);
        return this;
    }

    @Override
    public AuthResult<String> authenticate(Credentials c) {
        checks.incrementAndGet();
        if (unavailable) {
            return new AuthResult.Unavailable<>(Duration.ofSeconds(42));
        }
        String user = passwords.containsKey(c.login()) ? c.login() : addresses.get(c.login());
        if (user == null || !passwords.get(user).equals(c.password())) {
            return new AuthResult.Refused<>();
        }
        if (withoutMobile.contains(user)) {
            return new AuthResult.Forbidden<>(user);
        }
        opened.incrementAndGet();
        return new AuthResult.Authenticated<>(user, "session:" + user);
    }

    @Override
    public void release(String session) {
        released.incrementAndGet();
    }
}
