package org.koppel.store.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.Restriction;

/**
 * The common conditions of an inbox rule, each a store restriction over the delivered message, as Outlook's
 * rules wizard builds them. Any other {@link Restriction} is a valid condition too; these are the ones
 * {@code koppel admin rules add} offers. The delivery agent supplies the computed properties they use
 * (PR_MESSAGE_SIZE, PR_HASATTACH, PR_MESSAGE_TO_ME, PR_DISPLAY_TO, PR_DISPLAY_CC).
 */
public sealed interface RuleCondition {

    /** PR_DISPLAY_CC, computed on delivery like PR_DISPLAY_TO. */
    PropTag PR_DISPLAY_CC = new PropTag(0x0E03, PropType.PT_UNICODE);

    Restriction restriction();

    /** The sender's address or name contains the text (case-insensitively). */
    record From(String text) implements RuleCondition {
        public From {
            requireText(text);
        }

        @Override
        public Restriction restriction() {
            return Restriction.or(List.of(PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS, PropTags.PR_SENDER_SMTP_ADDRESS,
                    PropTags.PR_SENDER_EMAIL_ADDRESS, PropTags.PR_SENT_REPRESENTING_NAME).stream()
                    .map(t -> Restriction.substring(t, text, true)).toList());
        }
    }

    /** A To or Cc recipient's address or name contains the text. */
    record ToOrCcContains(String text) implements RuleCondition {
        public ToOrCcContains {
            requireText(text);
        }

        @Override
        public Restriction restriction() {
            return Restriction.recipients(Restriction.or(Restriction.substring(PropTags.PR_SMTP_ADDRESS, text, true),
                    Restriction.substring(PropTags.PR_EMAIL_ADDRESS, text, true),
                    Restriction.substring(PropTags.PR_DISPLAY_NAME, text, true)));
        }
    }

    record SubjectContains(String text) implements RuleCondition {
        public SubjectContains {
            requireText(text);
        }

        @Override
        public Restriction restriction() {
            return Restriction.substring(PropTags.PR_SUBJECT, text, true);
        }
    }

    /** The plain-text body contains the text. */
    record BodyContains(String text) implements RuleCondition {
        public BodyContains {
            requireText(text);
        }

        @Override
        public Restriction restriction() {
            return Restriction.substring(PropTags.PR_BODY, text, true);
        }
    }

    /**
     * A top-level header field of this name has a value containing the text (both case-insensitively), read
     * from the transport headers (PR_TRANSPORT_MESSAGE_HEADERS).
     */
    record HeaderContains(String name, String text) implements RuleCondition {
        public HeaderContains {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            if (!name.matches("[!-9;-~]+")) {
                throw new IllegalArgumentException("not a header name: " + name);
            }
        }

        @Override
        public Restriction restriction() {
            return Restriction.regex(PropTags.PR_TRANSPORT_MESSAGE_HEADERS,
                    "(?im)^" + Pattern.quote(name) + ":[^\\r\\n]*" + Pattern.quote(text));
        }
    }

    /** The message is larger than this many bytes (as received). */
    record LargerThan(int bytes) implements RuleCondition {
        @Override
        public Restriction restriction() {
            return Restriction.gt(PropTags.PR_MESSAGE_SIZE, bytes);
        }
    }

    record HasAttachment() implements RuleCondition {
        @Override
        public Restriction restriction() {
            return Restriction.eq(PropTags.PR_HASATTACH, true);
        }
    }

    record WithImportance(Importance importance) implements RuleCondition {
        public WithImportance {
            Objects.requireNonNull(importance, "importance");
        }

        @Override
        public Restriction restriction() {
            return Restriction.eq(PropTags.PR_IMPORTANCE, importance.code());
        }
    }

    /** The user is the only To recipient and there is no Cc, as Outlook's "sent only to me". */
    record SentOnlyToMe() implements RuleCondition {
        @Override
        public Restriction restriction() {
            return Restriction.and(Restriction.eq(PropTags.PR_MESSAGE_TO_ME, true),
                    Restriction.not(Restriction.substring(PropTags.PR_DISPLAY_TO, ";", false)),
                    Restriction.not(Restriction.size(org.koppel.mapi.RelOp.RELOP_GT, PR_DISPLAY_CC, 2)));
        }
    }

    /** All of the conditions; an empty list matches every message. */
    static Restriction all(List<RuleCondition> conditions) {
        if (conditions.size() == 1) {
            return conditions.get(0).restriction();
        }
        return Restriction.and(conditions.stream().map(RuleCondition::restriction).toList());
    }

    private static void requireText(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a rule condition needs a non-empty text");
        }
    }
}
