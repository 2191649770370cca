package org.koppel.store.api;

import java.util.List;
import java.util.Objects;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.RuleAction;

/**
 * One inbox rule as {@link Rules} stores it: evaluated in {@code sequence} order by the delivery agent when
 * enabled; when its condition matches a delivered message its actions run, and {@code stop} (ST_EXIT_LEVEL)
 * ends the evaluation of the rules after it. {@code error} is set by the agent when the rule could not be
 * evaluated (it is then skipped until changed).
 *
 * @param id the entry id of the rule's associated message in the Inbox
 */
public record Rule(EntryId id, String name, int sequence, boolean enabled, boolean stop, boolean error,
        Restriction condition, List<RuleAction> actions) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        actions = List.copyOf(actions);
    }
}
