package org.koppel.store.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's out-of-office settings: whether it is on, the reply's subject and text, and an optional window
 * outside which it is off although enabled. Kept in the user's store by {@link OutOfOfficeMessage}.
 *
 * @param enabled whether replies are sent at all
 * @param subject the reply's subject; empty: "Out of office: " and the original subject
 * @param text    the reply's plain-text body
 * @param from    replies start at this moment; empty: at once
 * @param until   replies stop at this moment; empty: never
 */
public record OutOfOffice(boolean enabled, String subject, String text, Optional<Instant> from,
        Optional<Instant> until) {

    public OutOfOffice {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("the out-of-office window must start before it ends");
        }
    }

    /** What a store without settings has: off. */
    public static OutOfOffice off() {
        return new OutOfOffice(false, "", "", Optional.empty(), Optional.empty());
    }

    /** The same settings, switched off (subject, text and window kept for the next time). */
    public OutOfOffice disabled() {
        return new OutOfOffice(false, subject, text, from, until);
    }

    /** Whether replies go out at {@code now}: enabled, and inside the window. */
    public boolean activeAt(Instant now) {
        return enabled && from.map(f -> !now.isBefore(f)).orElse(true) && until.map(now::isBefore).orElse(true);
    }

    /** The reply's subject for a message with {@code originalSubject}. */
    public String replySubject(String originalSubject) {
        return subject.isBlank() ? "Out of office: " + (originalSubject == null ? "" : originalSubject) : subject;
    }
}
