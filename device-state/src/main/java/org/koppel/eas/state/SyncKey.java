package org.koppel.eas.state;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An ActiveSync synchronization key as Koppel issues them: {@code {series}N}, where the series is a random
 * UUID chosen when the collection (or the hierarchy) starts over and N counts the responses that changed
 * the client's view. The key {@code 0} asks to start over. The client treats keys as opaque strings; the
 * series makes a key from before a reset, or from another device, never match by accident.
 *
 * @param series  the series; {@link #INITIAL} has the nil UUID
 * @param counter N, at least 1; 0 only for {@link #INITIAL}
 */
public record SyncKey(UUID series, long counter) {

    /** MS-ASCMD: a SyncKey is at most 64 characters; anything longer is refused before it is looked at. */
    public static final int MAX_LENGTH = 64;

    /** The key {@code 0}: the client has no state and asks to start over. */
    public static final SyncKey INITIAL = new SyncKey(new UUID(0, 0), 0);

    private static final int UUID_TEXT = 36;

    public SyncKey {
        Objects.requireNonNull(series, "series");
        boolean nil = series.getMostSignificantBits() == 0 && series.getLeastSignificantBits() == 0;
        if (counter < 0 || (counter == 0) != nil) {
            throw new IllegalArgumentException("a sync key has counter >= 1 and a series, or is 0");
        }
    }

    /** The first key of a new series: what the response to key 0 hands out. */
    public static SyncKey first() {
        UUID series = UUID.randomUUID();
        return new SyncKey(series, 1);
    }

    /**
     * Reads a key as the client sent it: {@code 0}, or exactly the form {@link #toString()} writes (lower-case
     * canonical UUID in braces, then a decimal counter without leading zeros). Anything else is empty.
     */
    public static Optional<SyncKey> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (text.equals("0")) {
            return Optional.of(INITIAL);
        }
        int close = UUID_TEXT + 1;
        if (text.length() < close + 2 || text.charAt(0) != '{' || text.charAt(close) != '}') {
            return Optional.empty();
        }
        String uuid = text.substring(1, close);
        if (!isCanonicalUuid(uuid)) {
            return Optional.empty();
        }
        String digits = text.substring(close + 1);
        if (digits.length() > 18 || digits.charAt(0) == '0') {
            return Optional.empty();
        }
        long counter = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            counter = counter * 10 + (c - '0');
        }
        UUID series = UUID.fromString(uuid);
        if (series.getMostSignificantBits() == 0 && series.getLeastSignificantBits() == 0) {
            return Optional.empty();
        }
        return Optional.of(new SyncKey(series, counter));
    }

    /** UUID.fromString takes forms like "1-2-3-4-5"; a key must be the 8-4-4-4-12 lower-case hex we wrote. */
    private static boolean isCanonicalUuid(String s) {
        if (s.length() != UUID_TEXT) {
            return false;
        }
        for (int i = 0; i < UUID_TEXT; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public boolean isInitial() {
        return counter == 0;
    }

    /** The key after this one in the same series; after {@link #INITIAL}, a new series. */
    public SyncKey next() {
        return isInitial() ? first() : new SyncKey(series, Math.addExact(counter, 1));
    }

    @Override
    public String toString() {
        return isInitial() ? "0" : "{" + series + "}" + counter;
    }
}
