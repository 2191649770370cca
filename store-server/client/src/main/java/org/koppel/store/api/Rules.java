package org.koppel.store.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.ExtendedRuleWire;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.RuleAction;
import org.koppel.mapi.RuleTags;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.WellKnownFolder;

/**
 * A store's inbox rules, kept the way [MS-OXORULE] 2.2.4 keeps extended rules: one associated message of class
 * {@value RuleTags#MESSAGE_CLASS} per rule in the Inbox, with the PR_RULE_MSG_* properties and the condition
 * and actions in their wire forms; reply templates are associated messages beside them. Works through the
 * session API only, so the delivery agent, {@code koppel admin rules} (over SOAP) and any client share it.
 */
public final class Rules {

    /** Rules per store; the rule table of Exchange has a similar (size) limit. */
    public static final int MAX_RULES = 256;
    /** What {@code PR_RULE_MSG_PROVIDER} says for rules written here. */
    public static final String PROVIDER = "Koppel";

    private static final List<PropTag> COLUMNS = List.of(RuleTags.PR_RULE_MSG_NAME, RuleTags.PR_RULE_MSG_SEQUENCE,
            RuleTags.PR_RULE_MSG_STATE, RuleTags.PR_EXTENDED_RULE_MSG_CONDITION, RuleTags.PR_EXTENDED_RULE_MSG_ACTIONS);

    private final Session session;
    private final StoreInfo store;
    private final EntryId inbox;

    private Rules(Session session, StoreInfo store) {
        this.session = session;
        this.store = store;
        this.inbox = store.folder(WellKnownFolder.INBOX);
    }

    /** The rules of a store (the session needs to be able to read, and to change them, write its Inbox). */
    public static Rules of(Session session, StoreInfo store) {
        return new Rules(session, store);
    }

    /** A rule stored but unreadable (damaged or from a newer writer): its id, name and why. */
    public record Unreadable(EntryId id, String name, String reason) {
    }

    /** The rules that can be read, in sequence order, and those that cannot (damaged or of a newer writer). */
    public record Table(List<Rule> rules, List<Unreadable> unreadable) {
        public Table {
            rules = List.copyOf(rules);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** The rules in sequence order; those that cannot be read are left out (see {@link #table()}). */
    public List<Rule> list() {
        return table().rules();
    }

    /** Every rule message: one table query, then one read per rule. */
    public Table table() {
        List<Rule> rules = new ArrayList<>();
        List<Unreadable> bad = new ArrayList<>();
        read(rules, bad);
        return new Table(rules, bad);
    }

    private void read(List<Rule> rules, List<Unreadable> bad) {
        List<TableRow> rows = session.contents().query(inbox, new TableQuery(List.of(PropTags.PR_ENTRYID),
                Optional.of(Restriction.eq(PropTags.PR_MESSAGE_CLASS, RuleTags.MESSAGE_CLASS)), SortOrderSet.none(), 0,
                MAX_RULES, true)).rows();
        for (TableRow row : rows) {
            List<PropValue> props = session.messages().properties(row.entryId(), COLUMNS);
            String name = string(props, RuleTags.PR_RULE_MSG_NAME).orElse("");
            try {
                int state = integer(props, RuleTags.PR_RULE_MSG_STATE).orElse(0);
                Restriction condition = ExtendedRuleWire.decodeCondition(binary(props,
                        RuleTags.PR_EXTENDED_RULE_MSG_CONDITION)).value();
                List<RuleAction> actions = ExtendedRuleWire.decodeActions(binary(props,
                        RuleTags.PR_EXTENDED_RULE_MSG_ACTIONS)).value();
                rules.add(new Rule(row.entryId(), name, integer(props, RuleTags.PR_RULE_MSG_SEQUENCE).orElse(0),
                        (state & RuleTags.ST_ENABLED) != 0, (state & RuleTags.ST_EXIT_LEVEL) != 0,
                        (state & RuleTags.ST_ERROR) != 0, condition, actions));
            } catch (MapiException e) {
                bad.add(new Unreadable(row.entryId(), name, e.getMessage()));
            }
        }
        rules.sort(Comparator.comparingInt(Rule::sequence));
    }

    /** Adds an enabled rule after the existing ones. */
    public Rule add(String name, Restriction condition, List<RuleAction> actions, boolean stop) {
        if (name == null || name.isBlank()) {
            throw new MapiException.InvalidParameter("a rule needs a name");
        }
        if (actions.isEmpty() && !stop) {
            throw new MapiException.InvalidParameter("a rule needs an action");
        }
        List<Rule> existing = list();
        if (existing.size() >= MAX_RULES) {
            throw new MapiException.TooBig("a store has at most " + MAX_RULES + " rules");
        }
        int sequence = existing.isEmpty() ? 10 : existing.get(existing.size() - 1).sequence() + 10;
        int state = RuleTags.ST_ENABLED | (stop ? RuleTags.ST_EXIT_LEVEL : 0);
        List<PropValue> props = List.of(PropValue.of(PropTags.PR_MESSAGE_CLASS, RuleTags.MESSAGE_CLASS),
                PropValue.of(PropTags.PR_SUBJECT, name),
                PropValue.of(RuleTags.PR_RULE_MSG_NAME, name), PropValue.of(RuleTags.PR_RULE_MSG_SEQUENCE, sequence),
                PropValue.of(RuleTags.PR_RULE_MSG_STATE, state), PropValue.of(RuleTags.PR_RULE_MSG_LEVEL, 0),
                PropValue.of(RuleTags.PR_RULE_MSG_USER_FLAGS, 0), PropValue.of(RuleTags.PR_RULE_MSG_PROVIDER, PROVIDER),
                PropValue.of(RuleTags.PR_EXTENDED_RULE_MSG_CONDITION, ExtendedRuleWire.encodeCondition(condition,
                        names(namedIds(condition)))),
                PropValue.of(RuleTags.PR_EXTENDED_RULE_MSG_ACTIONS, ExtendedRuleWire.encodeActions(actions,
                        names(namedIds(actions)))));
        EntryId id = session.messages().create(inbox, new MessageContent(props, List.of(), List.of(), true));
        return new Rule(id, name, sequence, true, stop, false, condition, actions);
    }

    /**
     * Saves a reply template (an associated message in the Inbox) and returns the action that answers with it;
     * the template is deleted with the rule.
     */
    public RuleAction.Reply replyTemplate(String subject, String body) {
        Guid guid = Guid.random();
        List<PropValue> props = List.of(PropValue.of(PropTags.PR_MESSAGE_CLASS, RuleTags.REPLY_TEMPLATE_CLASS),
                PropValue.of(PropTags.PR_SUBJECT, subject), PropValue.of(PropTags.PR_BODY, body),
                PropValue.of(RuleTags.PR_REPLY_TEMPLATE_ID, guid.toBytes()));
        EntryId id = session.messages().create(inbox, new MessageContent(props, List.of(), List.of(), true));
        return new RuleAction.Reply(id, guid, 0);
    }

    /** Deletes a rule and the reply templates only it uses. */
    public void remove(EntryId rule) {
        Rule found = find(rule);
        List<EntryId> gone = new ArrayList<>();
        gone.add(found.id());
        for (RuleAction a : found.actions()) {
            if (a instanceof RuleAction.Reply r) {
                gone.add(r.template());
            }
        }
        session.messages().delete(gone, true);
    }

    public void enable(EntryId rule) {
        setState(rule, RuleTags.ST_ENABLED, true);
    }

    public void disable(EntryId rule) {
        setState(rule, RuleTags.ST_ENABLED, false);
    }

    /**
     * Marks a rule as failed (ST_ERROR) or clears the mark: the delivery agent's note that the rule could not be
     * evaluated.
     */
    public void markError(EntryId rule, boolean error) {
        setState(rule, RuleTags.ST_ERROR, error);
    }

    /** Gives the rules the order of the list (which must name each rule once): sequences 10, 20, ... */
    public void reorder(List<EntryId> order) {
        Set<EntryId> wanted = new LinkedHashSet<>(order);
        Set<EntryId> have = new LinkedHashSet<>(list().stream().map(Rule::id).toList());
        if (wanted.size() != order.size() || !wanted.equals(have)) {
            throw new MapiException.InvalidParameter("the new order must name every rule once");
        }
        int sequence = 10;
        for (EntryId id : order) {
            session.messages().update(id, List.of(PropValue.of(RuleTags.PR_RULE_MSG_SEQUENCE, sequence)), List.of());
            sequence += 10;
        }
    }

    /** The reply template a reply action names: its subject and body. */
    public ReplyTemplate template(RuleAction.Reply reply) {
        List<PropValue> props = session.messages().properties(reply.template(), List.of(PropTags.PR_SUBJECT,
                PropTags.PR_BODY));
        return new ReplyTemplate(string(props, PropTags.PR_SUBJECT).orElse(""), string(props, PropTags.PR_BODY).orElse(""));
    }

    /** The text of a reply template. */
    public record ReplyTemplate(String subject, String body) {
    }

    private void setState(EntryId rule, int bit, boolean on) {
        int state = integer(session.messages().properties(find(rule).id(), List.of(RuleTags.PR_RULE_MSG_STATE)),
                RuleTags.PR_RULE_MSG_STATE).orElse(0);
        int changed = on ? state | bit : state & ~bit;
        if (changed != state) {
            session.messages().update(rule, List.of(PropValue.of(RuleTags.PR_RULE_MSG_STATE, changed)), List.of());
        }
    }

    private Rule find(EntryId rule) {
        return list().stream().filter(r -> r.id().equals(rule)).findFirst()
                .orElseThrow(() -> new MapiException.NotFound("no such rule"));
    }

    // --- named properties used by a condition or actions, with their names for the wire form

    private Map<Integer, NamedProperty> names(Set<Integer> ids) {
        Map<Integer, NamedProperty> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<Integer> list = new ArrayList<>(ids);
        List<Optional<NamedProperty>> found = session.namedProperties().names(store.entryId(), list);
        for (int i = 0; i < list.size(); i++) {
            int id = list.get(i);
            names.put(id, found.get(i).orElseThrow(() -> new MapiException.InvalidParameter(
                    String.format("named property id 0x%04X is not mapped in this store", id))));
        }
        return names;
    }

    private static Set<Integer> namedIds(Restriction r) {
        Set<Integer> ids = new LinkedHashSet<>();
        List<Restriction> todo = new ArrayList<>(List.of(r));
        while (!todo.isEmpty()) {
            Restriction next = todo.remove(todo.size() - 1);
            todo.addAll(next.children());
            List<PropTag> tags = switch (next) {
                case Restriction.Content c -> List.of(c.tag(), c.value().tag());
                case Restriction.Property p -> List.of(p.tag(), p.value().tag());
                case Restriction.CompareProps c -> List.of(c.left(), c.right());
                case Restriction.Bitmask b -> List.of(b.tag());
                case Restriction.Size s -> List.of(s.tag());
                case Restriction.Exist e -> List.of(e.tag());
                default -> List.of();
            };
            tags.stream().filter(PropTag::isNamed).forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    private static Set<Integer> namedIds(List<RuleAction> actions) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (RuleAction a : actions) {
            if (a instanceof RuleAction.Tag t && t.value().tag().isNamed()) {
                ids.add(t.value().tag().id());
            }
        }
        return ids;
    }

    private static Optional<String> string(List<PropValue> props, PropTag tag) {
        return props.stream().filter(p -> p.tag().equals(tag)).map(PropValue::javaValue)
                .filter(String.class::isInstance).map(String.class::cast).findFirst();
    }

    private static Optional<Integer> integer(List<PropValue> props, PropTag tag) {
        return props.stream().filter(p -> p.tag().equals(tag)).map(PropValue::javaValue)
                .filter(Integer.class::isInstance).map(Integer.class::cast).findFirst();
    }

    private static byte[] binary(List<PropValue> props, PropTag tag) {
        return props.stream().filter(p -> p.tag().equals(tag)).map(PropValue::javaValue)
                .filter(byte[].class::isInstance).map(byte[].class::cast).findFirst()
                .orElseThrow(() -> new MapiException.CorruptData("the rule has no " + tag));
    }
}
