package org.koppel.store.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses further logons for a login after too many failures within a window, so passwords cannot be
 * guessed at speed. Memory is bounded: only logins with recent failures are tracked.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    boolean blocked(String login) {
        Deque<Instant> q = failures.get(key(login));
        if (q == null) {
            return false;
        }
        synchronized (q) {
            prune(q);
            return q.size() >= maxFailures;
        }
    }

    void failed(String login) {
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> q = failures.computeIfAbsent(key(login), k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q);
            q.addLast(clock.instant());
        }
    }

    void succeeded(String login) {
        failures.remove(key(login));
    }

    private void prune(Deque<Instant> q) {
        Instant cutoff = clock.instant().minus(window);
        while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
            q.removeFirst();
        }
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
