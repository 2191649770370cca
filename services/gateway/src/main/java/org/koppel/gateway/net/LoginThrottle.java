package org.koppel.gateway.net;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.koppel.gateway.GatewayConfig;

/**
 * Failed-login throttling, shared by IMAP and POP3: after {@code maxFailures} failed logins for a user name,
 * or from a client address, within {@code period} of each other, further logins for that user or from that
 * address are refused until {@code period} has passed since the last failure. A successful login forgets the
 * user's failures (not the address's: one right password must not unlock guessing at other users). Memory is
 * bounded: at most {@code maxTracked} names and addresses are remembered, the least recently failed are
 * forgotten first, and an entry is forgotten once its period is over.
 */
public final class LoginThrottle {

    /** Names and addresses remembered at most, unless said otherwise. */
    public static final int DEFAULT_MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Failures> failures;

    private record Failures(int count, Instant last) {
    }

    public LoginThrottle(int maxFailures, Duration period, Clock clock, int maxTracked) {
        if (maxFailures < 1 || maxTracked < 1 || period.isNegative()) {
            throw new IllegalArgumentException("maxFailures and maxTracked must be positive, period not negative");
        }
        this.maxFailures = maxFailures;
        this.period = period;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** From gateway.cfg's login_max_failures and login_throttle, on the system clock. */
    public static LoginThrottle of(GatewayConfig config) {
        return new LoginThrottle(config.loginMaxFailures(), config.loginThrottle(), Clock.systemUTC(),
                DEFAULT_MAX_TRACKED);
    }

    /**
     * How long logins for this user or from this address stay refused; zero when a login may be tried now.
     *
     * @param user the login name as the client gave it; empty when not known yet
     */
    public synchronized Duration blockedFor(String user, InetAddress address) {
        Instant now = clock.instant();
        Duration a = blockedFor(userKey(user), now);
        Duration b = blockedFor(addressKey(address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Records a failed login. */
    public synchronized void failed(String user, InetAddress address) {
        Instant now = clock.instant();
        count(userKey(user), now);
        count(addressKey(address), now);
    }

    /** Records a successful login: the user's failures are forgotten. */
    public synchronized void succeeded(String user) {
        failures.remove(userKey(user));
    }

    /** How long a throttled login waits before it is answered. */
    public Duration period() {
        return period;
    }

    /** Names and addresses remembered now (for tests of the bound). */
    synchronized int tracked() {
        return failures.size();
    }

    private Duration blockedFor(String key, Instant now) {
        if (key == null) {
            return Duration.ZERO;
        }
        Failures f = failures.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        Instant until = f.last().plus(period);
        if (!now.isBefore(until)) {
            failures.remove(key);
            return Duration.ZERO;
        }
        return f.count() >= maxFailures ? Duration.between(now, until) : Duration.ZERO;
    }

    private void count(String key, Instant now) {
        if (key == null) {
            return;
        }
        Failures f = failures.get(key);
        int count = f == null || !now.isBefore(f.last().plus(period)) ? 1 : f.count() + 1;
        failures.put(key, new Failures(count, now));
    }

    private static String userKey(String user) {
        return user == null || user.isEmpty() ? null : "u:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(InetAddress address) {
        return address == null ? null : "a:" + address.getHostAddress();
    }
}
