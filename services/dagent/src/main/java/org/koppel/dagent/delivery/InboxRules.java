package org.koppel.dagent.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RestrictionEvaluator;
import org.koppel.mapi.RuleAction;
import org.koppel.store.api.Rule;
import org.koppel.store.api.Rules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a store's inbox rules against one delivered message, in sequence order, into a {@link Decision}:
 * where the message goes, what is changed on it and what mail goes out for it. A rule whose condition cannot be
 * evaluated (too complex, a damaged stored condition) is skipped, logged and marked ST_ERROR; the message is
 * delivered anyway.
 */
final class InboxRules {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRules.class);

    /** What the matching rules want done with one message. */
    static final class Decision {
        Optional<RuleAction.Move> move = Optional.empty();
        final List<RuleAction.Copy> copies = new ArrayList<>();
        boolean delete;
        boolean markRead;
        final List<PropValue> tags = new ArrayList<>();
        final List<RuleAction.Forward> forwards = new ArrayList<>();
        final List<RuleAction.Reply> replies = new ArrayList<>();
        final List<String> matched = new ArrayList<>();

        boolean any() {
            return !matched.isEmpty();
        }
    }

    private InboxRules() {
    }

    /**
     * @param rules the store's rules, for marking a failing one
     * @param table the rules as read (perhaps kept from an earlier delivery: {@link MailboxSettings})
     */
    static Decision evaluate(Rules rules, Rules.Table table, MessageProperties message, String owner) {
        Decision d = new Decision();
        for (Rules.Unreadable u : table.unreadable()) {
            LOG.warn("Rule \"{}\" of {} cannot be read and is skipped: {}", u.name(), owner, u.reason());
        }
        for (Rule rule : table.rules()) {
            if (!rule.enabled()) {
                continue;
            }
            boolean matches;
            try {
                matches = RestrictionEvaluator.DEFAULT.matches(rule.condition(), message);
            } catch (RuntimeException e) {
                LOG.warn("Rule \"{}\" of {} could not be evaluated and is skipped: {}", rule.name(), owner,
                        e.toString());
                markError(rules, rule, owner);
                continue;
            }
            if (!matches) {
                continue;
            }
            d.matched.add(rule.name());
            for (RuleAction a : rule.actions()) {
                switch (a) {
                    case RuleAction.Move m -> {
                        if (d.move.isEmpty()) {
                            d.move = Optional.of(m);
                        } else {
                            d.copies.add(new RuleAction.Copy(m.store(), m.folder())); // a second move is a copy
                        }
                    }
                    case RuleAction.Copy c -> d.copies.add(c);
                    case RuleAction.Delete x -> d.delete = true;
                    case RuleAction.MarkAsRead x -> d.markRead = true;
                    case RuleAction.Tag t -> d.tags.add(t.value());
                    case RuleAction.Forward f -> d.forwards.add(f);
                    case RuleAction.Reply r -> d.replies.add(r);
                }
            }
            if (rule.stop()) {
                break;
            }
        }
        return d;
    }

    private static void markError(Rules rules, Rule rule, String owner) {
        if (rule.error()) {
            return;
        }
        try {
            rules.markError(rule.id(), true);
        } catch (RuntimeException e) {
            LOG.debug("Cannot mark rule \"{}\" of {} as failed: {}", rule.name(), owner, e.toString());
        }
    }
}
