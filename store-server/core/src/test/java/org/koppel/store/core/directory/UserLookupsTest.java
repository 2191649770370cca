package org.koppel.store.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.koppel.store.client.Feature;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/** The directory's short memory of lookups: kept, expired, cleared by changes, never keeping a raced answer. */
class UserLookupsTest {

    private Instant now = Instant.parse("2026-11-29T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
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
    };
    private final UserLookups lookups = new UserLookups(clock, Duration.ofSeconds(30));
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<UserInfo> load(String name) {
        loads.incrementAndGet();
        return Optional.of(user(name));
    }

    private static UserInfo user(String name) {
        return new UserInfo(1, name, name, name + "@example.org", List.of(), false, UserKind.USER, true,
                EnumSet.allOf(Feature.class));
    }

    @Test
    void aSecondLookupWithinTheTimeIsKeptAndALaterOneLoadsAgain() {
        lookups.get("carol", () -> load("carol"));
        lookups.get("carol", () -> load("carol"));
        assertEquals(1, loads.get());
        now = now.plusSeconds(31);
        lookups.get("carol", () -> load("carol"));
        assertEquals(2, loads.get());
    }

    @Test
    void aChangeForgetsEverything() {
        lookups.get("carol", () -> load("carol"));
        lookups.get(7L, () -> load("carol"));
        lookups.clear();
        lookups.get("carol", () -> load("carol"));
        lookups.get(7L, () -> load("carol"));
        assertEquals(4, loads.get());
    }

    @Test
    void anAnswerLoadedWhileAChangeHappenedIsNotKept() {
        Optional<UserInfo> raced = lookups.get("carol", () -> {
            lookups.clear(); // the change commits while this lookup is reading
            return load("old-carol");
        });
        assertEquals("old-carol", raced.orElseThrow().login());
        assertEquals("carol", lookups.get("carol", () -> load("carol")).orElseThrow().login());
        assertEquals(2, loads.get());
    }

    @Test
    void unknownAddressesCannotGrowItWithoutBound() {
        for (int i = 0; i < UserLookups.MAX_ENTRIES * 3; i++) {
            lookups.get("nobody" + i + "@example.org", Optional::empty);
        }
        // Still answers, and the first ones were forgotten on the way.
        loads.set(0);
        lookups.get("nobody0@example.org", () -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(1, loads.get());
    }
}
