package org.koppel.gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock, 100);

    @Test
    void throttlesAUserAfterTheFailuresUntilThePeriodHasPassed() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        throttle.failed("alice", a);
        throttle.failed("Alice", b);
        assertEquals(Duration.ZERO, throttle.blockedFor("alice", a));
        throttle.failed("alice", b);
        assertEquals(Duration.ofSeconds(60), throttle.blockedFor("alice", InetAddress.getByName("192.0.2.9")));
        assertEquals(Duration.ZERO, throttle.blockedFor("bob", a), "another user from an address with 1 failure");
        clock.now = clock.now.plusSeconds(59);
        assertEquals(Duration.ofSeconds(1), throttle.blockedFor("alice", a));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Duration.ZERO, throttle.blockedFor("alice", a));
    }

    @Test
    void throttlesAnAddressGuessingManyUsers() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        throttle.failed("u1", a);
        throttle.failed("u2", a);
        throttle.failed("u3", a);
        assertTrue(throttle.blockedFor("anyone", a).toSeconds() > 0);
        assertEquals(Duration.ZERO, throttle.blockedFor("anyone", InetAddress.getByName("192.0.2.2")));
    }

    @Test
    void successForgetsTheUsersFailures() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        throttle.failed("alice", a);
        throttle.failed("alice", b);
        throttle.succeeded("alice");
        throttle.failed("alice", InetAddress.getByName("192.0.2.3"));
        assertEquals(Duration.ZERO, throttle.blockedFor("alice", InetAddress.getByName("192.0.2.4")));
    }

    @Test
    void memoryIsBounded() throws Exception {
        for (int i = 0; i < 1000; i++) {
            throttle.failed("user" + i, InetAddress.getByName("10.0." + (i / 256) + "." + (i % 256)));
        }
        assertTrue(throttle.tracked() <= 100, "tracked " + throttle.tracked());
    }
}
