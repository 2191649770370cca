package org.koppel.eas.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logons per login and per client address within a window; past the limit a logon is refused
 * without the password being checked, so guessing costs the guesser and not the password hasher. A success
 * clears the login's count, never the address's (one known account must not reset a scanner's tally). Memory
 * is bounded: past {@code maxTracked} keys per kind expired ones are dropped, and while it is still full new
 * keys are not tracked (the other kind's limit still applies).
 */
public final class LoginThrottle {

    private record Window(Instant start, int failures) {
    }

    private final int maxPerLogin;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final int maxTracked;
    private final ConcurrentHashMap<String, Window> logins = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> addresses = new ConcurrentHashMap<>();

    /**
     * @param maxPerLogin failures of one login within the window before it is throttled; 0: never
     * @param maxPerAddress failures from one address within the window; 0: never
     */
    public LoginThrottle(int maxPerLogin, int maxPerAddress, Duration window, Clock clock, int maxTracked) {
        if (maxPerLogin < 0 || maxPerAddress < 0 || maxTracked < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("bad login throttle settings");
        }
        this.maxPerLogin = maxPerLogin;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    /** Whether a logon of this login from this address is to be refused unchecked. */
    public boolean isThrottled(String login, String address) {
        Instant now = clock.instant();
        return over(logins, key(login), maxPerLogin, now) || over(addresses, address, maxPerAddress, now);
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        count(logins, key(login), maxPerLogin, now);
        count(addresses, address, maxPerAddress, now);
    }

    public void succeeded(String login) {
        logins.remove(key(login));
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    private boolean over(ConcurrentHashMap<String, Window> map, String key, int max, Instant now) {
        if (max == 0) {
            return false;
        }
        Window w = map.get(key);
        return w != null && !expired(w, now) && w.failures() >= max;
    }

    private void count(ConcurrentHashMap<String, Window> map, String key, int max, Instant now) {
        if (max == 0) {
            return;
        }
        if (map.size() >= maxTracked && !map.containsKey(key)) {
            map.values().removeIf(w -> expired(w, now));
            if (map.size() >= maxTracked) {
                return;
            }
        }
        map.compute(key, (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
