package org.koppel.dagent.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Which recipients were found under their hard quota a moment ago. RCPT asks for every recipient of every
 * message; the answer "not full" is kept for {@link #KEEP}, "full" never (space freed is seen at the next RCPT).
 * Kept answers cannot let a full mailbox take mail: the store checks the quota again in the delivery's own
 * transaction and refuses past it, which the agent reports as 552 5.2.2 after DATA instead of at RCPT.
 */
final class QuotaVerdicts {

    /** How long "not full" is believed. */
    static final Duration KEEP = Duration.ofSeconds(10);

    /** Past this many users the verdicts start over. */
    static final int MAX_USERS = 50_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> roomAt = new ConcurrentHashMap<>();

    QuotaVerdicts(Clock clock) {
        this.clock = clock;
    }

    /** Whether the user's store is full, asking {@code full} only when no recent "not full" is kept. */
    boolean full(String login, BooleanSupplier full) {
        String key = login.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Instant seen = roomAt.get(key);
        if (seen != null && seen.plus(KEEP).isAfter(now)) {
            return false;
        }
        boolean isFull = full.getAsBoolean();
        if (isFull) {
            roomAt.remove(key);
        } else {
            if (roomAt.size() >= MAX_USERS) {
                roomAt.clear();
            }
            roomAt.put(key, now);
        }
        return isFull;
    }

    /** Forgets a user's verdict (a delivery found the store full). */
    void forget(String login) {
        roomAt.remove(login.toLowerCase(Locale.ROOT));
    }
}
