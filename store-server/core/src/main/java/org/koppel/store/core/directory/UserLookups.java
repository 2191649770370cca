package org.koppel.store.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.koppel.store.client.UserInfo;

/**
 * Recent answers to "who is this login, address or id", kept briefly: every delivery asks several times about
 * its recipient (at RCPT, for the quota, to open the store, for display names) and each question was a
 * transaction of its own. Changes made through the directory clear it at once; a lookup that raced with such a
 * change is not kept (a generation count), so a stale answer can only come from a change made elsewhere, and
 * then for at most the time given.
 */
final class UserLookups {

    /** Past this many answers the lookups start over: unknown addresses (dictionary attacks) must not grow it. */
    static final int MAX_ENTRIES = 10_000;

    private record Answer(Optional<UserInfo> user, Instant loaded) {
    }

    private final Clock clock;
    private final Duration keep;
    private final ConcurrentHashMap<Object, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    UserLookups(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    /** The kept answer for a key (a lower-case login or address, or a Long id), else what {@code load} says. */
    Optional<UserInfo> get(Object key, Supplier<Optional<UserInfo>> load) {
        Instant now = clock.instant();
        Answer kept = answers.get(key);
        if (kept != null && kept.loaded().plus(keep).isAfter(now)) {
            return kept.user();
        }
        long before = generation.get();
        Optional<UserInfo> loaded = load.get();
        if (generation.get() == before) {
            if (answers.size() >= MAX_ENTRIES) {
                answers.clear();
            }
            answers.put(key, new Answer(loaded, now));
            if (generation.get() != before) {
                answers.remove(key); // a change finished while this was being kept
            }
        }
        return loaded;
    }

    /** Forgets every answer; called after each change to users or their addresses. */
    void clear() {
        generation.incrementAndGet();
        answers.clear();
    }
}
