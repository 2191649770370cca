package org.koppel.mapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One action of a server-side rule, as [MS-OXORULE] 2.2.5.1 defines them: what the delivery agent does with a
 * message whose rule condition matched. Stopping further rules is not an action but the rule's
 * ST_EXIT_LEVEL state. The wire form is {@link ExtendedRuleWire}'s.
 */
public sealed interface RuleAction {

    /** OP_MOVE: deliver into this folder (of this or another store) instead of the Inbox. */
    record Move(EntryId store, EntryId folder) implements RuleAction {
        public Move {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(folder, "folder");
        }
    }

    /** OP_COPY: deliver a copy into this folder as well. */
    record Copy(EntryId store, EntryId folder) implements RuleAction {
        public Copy {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(folder, "folder");
        }
    }

    /**
     * OP_REPLY: answer the sender with a template, an associated message in the Inbox whose entry id and GUID
     * (PR_REPLY_TEMPLATE_ID, not checked by Koppel) are kept.
     */
    record Reply(EntryId template, Guid templateGuid, int flavor) implements RuleAction {
        public Reply {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(templateGuid, "templateGuid");
        }
    }

    /**
     * OP_FORWARD: send the message on to the recipients, each a property list (at least PR_EMAIL_ADDRESS or
     * PR_SMTP_ADDRESS), in the way the flavor says: {@link #FWD_PRESERVE_SENDER} with
     * {@link #FWD_DO_NOT_MUNGE_MSG} is a redirect, {@link #FWD_AS_ATTACHMENT} wraps the original, none a
     * plain forward.
     */
    record Forward(List<List<PropValue>> recipients, int flavor) implements RuleAction {
        public static final int FWD_PRESERVE_SENDER = 0x1;
        public static final int FWD_DO_NOT_MUNGE_MSG = 0x2;
        public static final int FWD_AS_ATTACHMENT = 0x4;

        public Forward {
            List<List<PropValue>> copy = new ArrayList<>();
            for (List<PropValue> r : recipients) {
                copy.add(List.copyOf(r));
            }
            recipients = List.copyOf(copy);
            if (recipients.isEmpty()) {
                throw new MapiException.InvalidParameter("a forward needs recipients");
            }
        }

        /** A forward to SMTP addresses. */
        public static Forward to(List<String> addresses, int flavor) {
            List<List<PropValue>> recipients = new ArrayList<>();
            for (String a : addresses) {
                recipients.add(List.of(PropValue.of(PropTags.PR_DISPLAY_NAME, a),
                        PropValue.of(PropTags.PR_ADDRTYPE, "SMTP"), PropValue.of(PropTags.PR_EMAIL_ADDRESS, a),
                        PropValue.of(PropTags.PR_SMTP_ADDRESS, a)));
            }
            return new Forward(recipients, flavor);
        }

        /** Each recipient's SMTP address, or its e-mail address when it has none. */
        public List<String> addresses() {
            List<String> out = new ArrayList<>();
            for (List<PropValue> r : recipients) {
                string(r, PropTags.PR_SMTP_ADDRESS).or(() -> string(r, PropTags.PR_EMAIL_ADDRESS))
                        .ifPresent(out::add);
            }
            return out;
        }

        public boolean redirect() {
            return (flavor & (FWD_PRESERVE_SENDER | FWD_DO_NOT_MUNGE_MSG)) != 0;
        }

        public boolean asAttachment() {
            return (flavor & FWD_AS_ATTACHMENT) != 0;
        }

        private static Optional<String> string(List<PropValue> props, PropTag tag) {
            return props.stream().filter(p -> p.tag().id() == tag.id()).map(PropValue::javaValue)
                    .filter(String.class::isInstance).map(String.class::cast)
                    .map(s -> s.toLowerCase(Locale.ROOT).startsWith("smtp:") ? s.substring(5) : s).findFirst();
        }
    }

    /** OP_TAG: set a property on the delivered message (importance, categories, a flag, ...). */
    record Tag(PropValue value) implements RuleAction {
        public Tag {
            Objects.requireNonNull(value, "value");
        }
    }

    /** OP_DELETE: the message is not kept. */
    record Delete() implements RuleAction {
    }

    /** OP_MARK_AS_READ: the message is delivered read. */
    record MarkAsRead() implements RuleAction {
    }
}
