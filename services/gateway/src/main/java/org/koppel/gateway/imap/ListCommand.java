package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.imap.syntax.ImapCommand.ListReturn;
import org.koppel.gateway.imap.syntax.ImapCommand.ListSelection;
import org.koppel.gateway.mailbox.Mailbox;

/**
 * LIST, with LIST-EXTENDED (RFC 5258), SPECIAL-USE (RFC 6154), CHILDREN (RFC 3348) and LIST-STATUS (RFC 5819).
 * Children and special-use attributes are always given: IMAP4rev2 clients expect them, older ones ignore them.
 */
final class ListCommand implements CommandHandler<ImapCommand.ListMailboxes> {

    @Override
    public Set<SessionState> states() {
        return Commands.AUTHENTICATED;
    }

    /** A mailbox's LIST attributes: \\Noselect, children, special use. */
    static List<String> attributes(Mailbox m) {
        List<String> attrs = new ArrayList<>();
        attrs.addAll(m.specialUse().stream().filter(a -> a.equals("\\Noselect")).toList());
        attrs.add(m.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
        attrs.addAll(m.specialUse().stream().filter(a -> !a.equals("\\Noselect")).toList());
        return attrs;
    }

    @Override
    public void handle(ImapCommand.ListMailboxes c, ImapSession s) throws IOException {
        if (c.patterns().size() == 1 && c.patterns().get(0).isEmpty() && c.selection().isEmpty()) {
            s.out().line("* LIST (\\Noselect) \"/\" \"\"");
            s.complete(c, "LIST completed.");
            return;
        }
        List<MailboxPattern> patterns = c.patterns().stream().map(p -> MailboxPattern.of(c.reference(), p)).toList();
        List<Mailbox> all = s.account().list();
        boolean subscribedOnly = c.selection().contains(ListSelection.SUBSCRIBED);
        boolean specialOnly = c.selection().contains(ListSelection.SPECIAL_USE);
        boolean recursive = c.selection().contains(ListSelection.RECURSIVEMATCH);
        Set<String> subscribed = subscribedOnly || c.returns().contains(ListReturn.SUBSCRIBED)
                ? new HashSet<>(s.account().subscriptions()) : Set.of();
        Map<String, Mailbox> byName = new LinkedHashMap<>();
        all.forEach(m -> byName.put(m.name(), m));

        List<String> names = new ArrayList<>();
        if (subscribedOnly) {
            names.addAll(s.account().subscriptions());
            if (recursive) {
                // Parents of subscribed mailboxes match too, with CHILDINFO (RFC 5258 3.5).
                for (String sub : List.copyOf(names)) {
                    for (int i = sub.indexOf(Mailbox.DELIMITER); i > 0; i = sub.indexOf(Mailbox.DELIMITER, i + 1)) {
                        String parent = sub.substring(0, i);
                        if (!names.contains(parent)) {
                            names.add(parent);
                        }
                    }
                }
            }
        } else {
            names.addAll(byName.keySet());
        }
        for (String name : names) {
            if (patterns.stream().noneMatch(p -> p.matches(name))) {
                continue;
            }
            Mailbox m = byName.get(name);
            if (specialOnly && (m == null || m.specialUse().isEmpty())) {
                continue;
            }
            boolean isSubscribed = subscribed.contains(name);
            if (subscribedOnly && !isSubscribed && !recursive) {
                continue;
            }
            List<String> attrs = new ArrayList<>();
            if (m == null) {
                attrs.add("\\NonExistent");
            } else {
                attrs.addAll(attributes(m));
            }
            if (isSubscribed && (subscribedOnly || c.returns().contains(ListReturn.SUBSCRIBED))) {
                attrs.add("\\Subscribed");
            }
            String extended = "";
            if (subscribedOnly && recursive && !isSubscribed) {
                if (subscribed.stream().noneMatch(x -> x.startsWith(name + Mailbox.DELIMITER))) {
                    continue;
                }
                extended = " (\"CHILDINFO\" (\"SUBSCRIBED\"))";
            }
            s.out().line("* LIST " + ImapOutput.flags(attrs) + " \"/\" " + s.out().mailbox(name) + extended);
            if (m != null && c.returns().contains(ListReturn.STATUS) && !m.specialUse().contains("\\Noselect")) {
                s.out().line("* STATUS " + s.out().mailbox(name) + " "
                        + StatusCommand.items(s, m, c.statusItems()));
            }
        }
        s.complete(c, "LIST completed.");
    }
}
