package org.koppel.backend;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings Oof: the user's automatic replies, in the shape ActiveSync gives them (MS-ASCMD 2.2.3.119): on, off
 * or on for a time window, and one reply per audience. Texts are plain text; the gateway converts HTML. Optional.
 */
public interface OutOfOffice {

    /** OofState: 0 off, 1 on, 2 on between {@code start} and {@code end}. */
    enum State { DISABLED, GLOBAL, TIME_BASED }

    /**
     * The reply for one audience.
     *
     * @param enabled whether this audience is answered
     * @param text    the reply's plain text
     */
    record Reply(boolean enabled, String text) {
        public Reply {
            text = text == null ? "" : text;
        }

        public static final Reply NONE = new Reply(false, "");
    }

    /**
     * @param start           when the replies start: required when {@code state} is TIME_BASED; otherwise a window
     *                        kept for another time, or empty
     * @param end             when they stop, after {@code start}; required with it
     * @param internal        senders inside the organisation
     * @param externalKnown   senders outside it that the user knows (in the contacts)
     * @param externalUnknown all other senders outside it
     */
    record Settings(State state, Optional<Instant> start, Optional<Instant> end, Reply internal, Reply externalKnown,
            Reply externalUnknown) {
        public Settings {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(internal, "internal");
            Objects.requireNonNull(externalKnown, "externalKnown");
            Objects.requireNonNull(externalUnknown, "externalUnknown");
            if (state == State.TIME_BASED && (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get()))) {
                throw new IllegalArgumentException("a time-based out-of-office needs a start before its end");
            }
        }
    }

    Settings get();

    /**
     * Replaces the settings. A backend that keeps less than ActiveSync can say (one text for both outside
     * audiences, say) keeps the nearest it can; {@link #get()} then shows what it kept.
     */
    void set(Settings settings);
}
