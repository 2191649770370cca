package org.koppel.store.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's out-of-office settings: whether it is on, the reply's subject and text, and an optional window
 * outside which it is off although enabled; and, as Exchange and ActiveSync know them, who is answered: senders
 * inside the organisation, and senders outside it (none, only known ones, or all), with a text of their own.
 * Kept in the user's store by {@link OutOfOfficeMessage}.
 *
 * @param enabled   whether replies are sent at all
 * @param subject   the reply's subject; empty: "Out of office: " and the original subject
 * @param text      the reply's plain-text body (to senders inside the organisation, and to those outside it
 *                  when {@code externalText} is empty)
 * @param from      replies start at this moment; empty: at once
 * @param until     replies stop at this moment; empty: never
 * @param internal  whether senders inside the organisation (users of this server, or addresses in the user's
 *                  own domains) are answered
 * @param external  which senders outside the organisation are answered
 * @param externalText the reply's body for senders outside the organisation; empty: {@code text}
 */
public record OutOfOffice(boolean enabled, String subject, String text, Optional<Instant> from,
        Optional<Instant> until, boolean internal, ExternalAudience external, String externalText) {

    /**
     * Which senders outside the organisation are answered. KNOWN is Exchange's "senders in my contacts"; Koppel
     * does not look senders up in the contacts yet, so under KNOWN no outside sender is answered.
     */
    public enum ExternalAudience { NONE, KNOWN, ALL }

    public OutOfOffice {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        externalText = externalText == null ? "" : externalText;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(external, "external");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("the out-of-office window must start before it ends");
        }
    }

    /** Settings that answer everyone with the same text (what {@code koppel admin oof set} makes). */
    public OutOfOffice(boolean enabled, String subject, String text, Optional<Instant> from, Optional<Instant> until) {
        this(enabled, subject, text, from, until, true, ExternalAudience.ALL, "");
    }

    /** What a store without settings has: off. */
    public static OutOfOffice off() {
        return new OutOfOffice(false, "", "", Optional.empty(), Optional.empty());
    }

    /** The same settings, switched off (subject, texts, window and audience kept for the next time). */
    public OutOfOffice disabled() {
        return new OutOfOffice(false, subject, text, from, until, internal, external, externalText);
    }

    /** Whether replies go out at {@code now}: enabled, and inside the window. */
    public boolean activeAt(Instant now) {
        return enabled && from.map(f -> !now.isBefore(f)).orElse(true) && until.map(now::isBefore).orElse(true);
    }

    /** The reply's subject for a message with {@code originalSubject}. */
    public String replySubject(String originalSubject) {
        return subject.isBlank() ? "Out of office: " + (originalSubject == null ? "" : originalSubject) : subject;
    }

    /** The body for a sender outside the organisation. */
    public String externalReply() {
        return externalText.isEmpty() ? text : externalText;
    }
}
