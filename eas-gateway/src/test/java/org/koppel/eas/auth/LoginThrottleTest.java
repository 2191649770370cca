package org.koppel.eas.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The login throttle's window, per-login and per-address limits, and its bound on memory. */
class LoginThrottleTest {

    /** A clock the test moves by hand: no sleeping. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void loginLimitWithinTheWindowOnly() {
        LoginThrottle t = new LoginThrottle(3, 100, Duration.ofMinutes(5), clock, 1000);
        for (int i = 0; i < 3; i++) {
            assertFalse(t.isThrottled("Carol", "10.0.0.1"));
            t.failed("carol", "10.0.0." + i);
        }
        assertTrue(t.isThrottled("CAROL", "10.0.0.9"), "per login, whatever the address and case");
        assertFalse(t.isThrottled("dave", "10.0.0.9"));
        clock.advance(Duration.ofMinutes(5));
        assertFalse(t.isThrottled("carol", "10.0.0.9"), "the window has passed");
    }

    @Test
    void addressLimitAndSuccessClearsOnlyTheLogin() {
        LoginThrottle t = new LoginThrottle(3, 4, Duration.ofMinutes(5), clock, 1000);
        t.failed("a", "192.0.2.1");
        t.failed("b", "192.0.2.1");
        t.failed("carol", "192.0.2.1");
        t.failed("carol", "192.0.2.1");
        assertTrue(t.isThrottled("someone", "192.0.2.1"));
        t.succeeded("carol");
        assertTrue(t.isThrottled("carol", "192.0.2.1"), "a success does not clear the address");
        assertFalse(t.isThrottled("carol", "192.0.2.2"));
    }

    @Test
    void zeroMeansNoLimit() {
        LoginThrottle t = new LoginThrottle(0, 0, Duration.ofMinutes(5), clock, 1000);
        for (int i = 0; i < 100; i++) {
            t.failed("carol", "192.0.2.1");
        }
        assertFalse(t.isThrottled("carol", "192.0.2.1"));
    }

    @Test
    void boundedMemory() {
        LoginThrottle t = new LoginThrottle(1, 1, Duration.ofMinutes(5), clock, 10);
        for (int i = 0; i < 10; i++) {
            t.failed("user" + i, "addr" + i);
        }
        t.failed("late", "late-addr");
        assertFalse(t.isThrottled("late", "late-addr"), "full: a new key is not tracked");
        assertTrue(t.isThrottled("user3", "x"));
        clock.advance(Duration.ofMinutes(6));
        t.failed("late", "late-addr");
        assertTrue(t.isThrottled("late", "x"), "expired keys made room");
    }
}
