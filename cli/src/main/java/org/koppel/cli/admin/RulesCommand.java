package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.RuleAction;
import org.koppel.store.api.Folder;
import org.koppel.store.api.Importance;
import org.koppel.store.api.Rule;
import org.koppel.store.api.RuleCondition;
import org.koppel.store.api.Rules;
import org.koppel.store.api.Server;
import org.koppel.store.api.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code koppel admin rules ...}: a user's inbox rules, kept in their store where the delivery agent applies
 * them ({@link Rules}). A rule is named by its number in {@code list} or by its name.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Inbox rules: list, add, remove, enable, disable.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Add.class, RulesCommand.Remove.class,
                RulesCommand.Enable.class, RulesCommand.Disable.class})
final class RulesCommand {

    @ParentCommand
    AdminCommand admin;

    /** The rule a command names: its number in the list (from 1) or its name (without regard to case). */
    static Rule find(Rules rules, String which) {
        List<Rule> all = rules.list();
        if (which.matches("\\d{1,4}")) {
            int n = Integer.parseInt(which);
            if (n >= 1 && n <= all.size()) {
                return all.get(n - 1);
            }
        }
        List<Rule> named = all.stream().filter(r -> r.name().equalsIgnoreCase(which)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new MapiException.NotFound(named.isEmpty() ? "no rule \"" + which + "\""
                : "several rules are called \"" + which + "\"; use the number");
    }

    void show(Server server, String user, List<Rule> rules) {
        Rules stored = server.user(user).store().rules();
        ArrayNode array = JsonForm.array();
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (Rule r : rules) {
            ObjectNode node = array.addObject();
            node.put("number", n);
            node.put("name", r.name());
            node.put("sequence", r.sequence());
            node.put("enabled", r.enabled());
            node.put("stop", r.stop());
            node.put("error", r.error());
            node.put("condition", describe(r.condition()));
            ArrayNode actions = node.putArray("actions");
            r.actions().forEach(a -> actions.add(describe(server, stored, a)));
            lines.add(String.format("%2d %-8s %s%n   if %s%n   then %s%s", n, r.enabled() ? "enabled" : "disabled",
                    r.name(), describe(r.condition()), String.join("; ", actions.valueStream().map(j -> j.asText())
                            .toList()), r.stop() ? "; stop" : "") + (r.error() ? "\n   (failed to evaluate)" : ""));
            n++;
        }
        admin.print(array, out -> {
            if (lines.isEmpty()) {
                out.println("No rules.");
            }
            lines.forEach(out::println);
        });
    }

    /** A restriction in a line of text, close to the restriction's own terms. */
    static String describe(Restriction r) {
        return switch (r) {
            case Restriction.And a -> a.restrictions().isEmpty() ? "always"
                    : "(" + String.join(" and ", a.restrictions().stream().map(RulesCommand::describe).toList()) + ")";
            case Restriction.Or o -> "(" + String.join(" or ", o.restrictions().stream().map(RulesCommand::describe)
                    .toList()) + ")";
            case Restriction.Not n -> "not " + describe(n.restriction());
            case Restriction.Content c -> tag(c.tag()) + " " + c.level().mode().name().substring(3)
                    .toLowerCase(Locale.ROOT) + " \"" + c.value().javaValue() + "\"";
            case Restriction.Property p -> tag(p.tag()) + " " + p.op().name().substring(6).toLowerCase(Locale.ROOT)
                    + " " + p.value().javaValue();
            case Restriction.Size s -> "size of " + tag(s.tag()) + " " + s.op().name().substring(6)
                    .toLowerCase(Locale.ROOT) + " " + s.size();
            case Restriction.Exist e -> tag(e.tag()) + " exists";
            case Restriction.SubRestriction s -> "a " + s.kind().name().toLowerCase(Locale.ROOT).replaceAll("s$", "")
                    + " with " + describe(s.restriction());
            default -> r.toString();
        };
    }

    private static final java.util.Map<Integer, String> TAG_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry(PropTags.PR_SUBJECT.id(), "subject"), java.util.Map.entry(PropTags.PR_BODY.id(), "body"),
            java.util.Map.entry(PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS.id(), "from address"),
            java.util.Map.entry(PropTags.PR_SENDER_SMTP_ADDRESS.id(), "sender address"),
            java.util.Map.entry(PropTags.PR_SENDER_EMAIL_ADDRESS.id(), "sender e-mail"),
            java.util.Map.entry(PropTags.PR_SENT_REPRESENTING_NAME.id(), "from name"),
            java.util.Map.entry(PropTags.PR_SMTP_ADDRESS.id(), "address"),
            java.util.Map.entry(PropTags.PR_EMAIL_ADDRESS.id(), "e-mail"),
            java.util.Map.entry(PropTags.PR_DISPLAY_NAME.id(), "name"),
            java.util.Map.entry(PropTags.PR_TRANSPORT_MESSAGE_HEADERS.id(), "headers"),
            java.util.Map.entry(PropTags.PR_MESSAGE_SIZE.id(), "size"),
            java.util.Map.entry(PropTags.PR_HASATTACH.id(), "has attachment"),
            java.util.Map.entry(PropTags.PR_IMPORTANCE.id(), "importance"),
            java.util.Map.entry(PropTags.PR_MESSAGE_TO_ME.id(), "to me"),
            java.util.Map.entry(PropTags.PR_DISPLAY_TO.id(), "to"),
            java.util.Map.entry(RuleCondition.PR_DISPLAY_CC.id(), "cc"));

    private static String tag(org.koppel.mapi.PropTag t) {
        return TAG_NAMES.getOrDefault(t.id(), String.format("0x%04X", t.id()));
    }

    /** A size in bytes with an optional K, M or G suffix (powers of 1024). */
    static long size(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        if (!t.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("--larger-than: not a size: " + text);
        }
        return Long.parseLong(t) * unit;
    }

    private static String describe(Server server, Rules rules, RuleAction a) {
        return switch (a) {
            case RuleAction.Move m -> "move to " + folder(server, m.store(), m.folder());
            case RuleAction.Copy c -> "copy to " + folder(server, c.store(), c.folder());
            case RuleAction.Forward f -> (f.asAttachment() ? "forward as attachment to " : f.redirect()
                    ? "redirect to " : "forward to ") + String.join(", ", f.addresses());
            case RuleAction.Reply r -> {
                try {
                    yield "reply \"" + rules.template(r).subject() + "\"";
                } catch (MapiException e) {
                    yield "reply (template missing)";
                }
            }
            case RuleAction.Tag t -> "set " + tag(t.value().tag()) + " = " + t.value().javaValue();
            case RuleAction.Delete d -> "delete";
            case RuleAction.MarkAsRead m -> "mark read";
        };
    }

    private static String folder(Server server, org.koppel.mapi.EntryId store, org.koppel.mapi.EntryId folder) {
        try {
            return server.session().folders().info(folder).name();
        } catch (MapiException e) {
            return JsonForm.hex(folder) + " (not found)";
        }
    }

    private static Importance importance(CommandLine cl, String option, String value) {
        try {
            return Importance.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, option + ": expected low, normal or high, got " + value);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a user's inbox rules in order.")
    static final class ListRules implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Parameters(paramLabel = "USER") String name;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                parent.show(server, name, server.user(name).store().rules().list());
                return 0;
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Adds an inbox rule after the existing ones. All conditions given must match; "
                    + "without conditions the rule matches every message.")
    static final class Add implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @ParentCommand RulesCommand parent;
        @Parameters(index = "0", paramLabel = "USER") String user;
        @Parameters(index = "1", paramLabel = "NAME") String ruleName;

        @Option(names = "--from", paramLabel = "TEXT", description = "The sender's address or name contains TEXT.")
        List<String> from = new ArrayList<>();
        @Option(names = "--to-contains", paramLabel = "TEXT", description = "A To or Cc recipient contains TEXT.")
        List<String> to = new ArrayList<>();
        @Option(names = "--subject-contains", paramLabel = "TEXT") List<String> subject = new ArrayList<>();
        @Option(names = "--body-contains", paramLabel = "TEXT") List<String> body = new ArrayList<>();
        @Option(names = "--header", paramLabel = "NAME:TEXT", description = "Header NAME contains TEXT.")
        List<String> header = new ArrayList<>();
        @Option(names = "--larger-than", paramLabel = "SIZE", description = "Larger than SIZE (bytes, or 100K, 2M).")
        String largerThan;
        @Option(names = "--has-attachment") boolean hasAttachment;
        @Option(names = "--importance", paramLabel = "LEVEL", description = "low, normal or high.")
        String importance;
        @Option(names = "--sent-only-to-me") boolean onlyToMe;

        @Option(names = "--move-to", paramLabel = "FOLDER", description = "Folder path of the user's store (Inbox/Work).")
        String moveTo;
        @Option(names = "--copy-to", paramLabel = "[USER:]FOLDER",
                description = "Copy into a folder of this or another user's store (or public:FOLDER).")
        List<String> copyTo = new ArrayList<>();
        @Option(names = "--forward", paramLabel = "ADDR") List<String> forward = new ArrayList<>();
        @Option(names = "--redirect", paramLabel = "ADDR") List<String> redirect = new ArrayList<>();
        @Option(names = "--forward-as-attachment", paramLabel = "ADDR") List<String> forwardAttached = new ArrayList<>();
        @Option(names = "--reply-subject", paramLabel = "TEXT", description = "Reply with this subject...")
        String replySubject;
        @Option(names = "--reply-text", paramLabel = "TEXT", description = "...and this text.") String replyText;
        @Option(names = "--mark-read") boolean markRead;
        @Option(names = "--set-importance", paramLabel = "LEVEL", description = "low, normal or high.")
        String setImportance;
        @Option(names = "--category", paramLabel = "NAME", description = "Set the categories (repeatable).")
        List<String> categories = new ArrayList<>();
        @Option(names = "--delete", description = "Do not keep the message.") boolean delete;
        @Option(names = "--stop", description = "Do not evaluate later rules after this one matched.") boolean stop;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            List<RuleCondition> conditions = new ArrayList<>();
            try {
                from.forEach(t -> conditions.add(new RuleCondition.From(t)));
                to.forEach(t -> conditions.add(new RuleCondition.ToOrCcContains(t)));
                subject.forEach(t -> conditions.add(new RuleCondition.SubjectContains(t)));
                body.forEach(t -> conditions.add(new RuleCondition.BodyContains(t)));
                for (String h : header) {
                    int colon = h.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("--header: expected NAME:TEXT, got " + h);
                    }
                    conditions.add(new RuleCondition.HeaderContains(h.substring(0, colon).strip(),
                            h.substring(colon + 1).strip()));
                }
                if (largerThan != null) {
                    long bytes = size(largerThan);
                    if (bytes < 0 || bytes > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("--larger-than: out of range");
                    }
                    conditions.add(new RuleCondition.LargerThan((int) bytes));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            if (hasAttachment) {
                conditions.add(new RuleCondition.HasAttachment());
            }
            if (importance != null) {
                conditions.add(new RuleCondition.WithImportance(importance(cl, "--importance", importance)));
            }
            Importance newImportance = setImportance == null ? null
                    : importance(cl, "--set-importance", setImportance);
            if (onlyToMe) {
                conditions.add(new RuleCondition.SentOnlyToMe());
            }
            if ((replySubject == null) != (replyText == null)) {
                throw new CommandLine.ParameterException(cl, "--reply-subject and --reply-text go together");
            }
            return parent.admin.run(server -> {
                Store store = server.user(user).store();
                Rules rules = store.rules();
                List<RuleAction> actions = new ArrayList<>();
                if (moveTo != null) {
                    Folder f = store.folder(moveTo);
                    actions.add(new RuleAction.Move(store.entryId(), f.entryId()));
                }
                for (String c : copyTo) {
                    int colon = c.indexOf(':');
                    Store target = colon < 0 ? store : c.substring(0, colon).equalsIgnoreCase("public")
                            ? server.publicStore() : server.user(c.substring(0, colon)).store();
                    Folder f = target.folder(colon < 0 ? c : c.substring(colon + 1));
                    actions.add(new RuleAction.Copy(target.entryId(), f.entryId()));
                }
                if (!forward.isEmpty()) {
                    actions.add(RuleAction.Forward.to(forward, 0));
                }
                if (!redirect.isEmpty()) {
                    actions.add(RuleAction.Forward.to(redirect, RuleAction.Forward.FWD_PRESERVE_SENDER
                            | RuleAction.Forward.FWD_DO_NOT_MUNGE_MSG));
                }
                if (!forwardAttached.isEmpty()) {
                    actions.add(RuleAction.Forward.to(forwardAttached, RuleAction.Forward.FWD_AS_ATTACHMENT));
                }
                if (replySubject != null) {
                    actions.add(rules.replyTemplate(replySubject, replyText));
                }
                if (markRead) {
                    actions.add(new RuleAction.MarkAsRead());
                }
                if (newImportance != null) {
                    actions.add(new RuleAction.Tag(PropValue.of(PropTags.PR_IMPORTANCE, newImportance.code())));
                }
                if (!categories.isEmpty()) {
                    actions.add(new RuleAction.Tag(PropValue.of(server.session().namedProperties().tag(
                            store.entryId(), NamedProperty.name(PropertySets.PS_PUBLIC_STRINGS, "Keywords"),
                            PropType.PT_MV_UNICODE), categories)));
                }
                if (delete) {
                    actions.add(new RuleAction.Delete());
                }
                if (actions.isEmpty() && !stop) {
                    throw new CommandLine.ParameterException(cl, "give at least one action (--move-to, --forward, "
                            + "--mark-read, --delete, --stop, ...)");
                }
                rules.add(ruleName, conditions.isEmpty() ? Restriction.and() : RuleCondition.all(conditions), actions,
                        stop);
                parent.show(server, user, rules.list());
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a rule (number or name).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Parameters(index = "0", paramLabel = "USER") String user;
        @Parameters(index = "1", paramLabel = "RULE") String which;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                Rules rules = server.user(user).store().rules();
                rules.remove(find(rules, which).id());
                parent.show(server, user, rules.list());
                return 0;
            });
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a rule (number or name).")
    static final class Enable implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Parameters(index = "0", paramLabel = "USER") String user;
        @Parameters(index = "1", paramLabel = "RULE") String which;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                Rules rules = server.user(user).store().rules();
                Rule rule = find(rules, which);
                rules.enable(rule.id());
                rules.markError(rule.id(), false); // enabling again is the admin's "try it again"
                parent.show(server, user, rules.list());
                return 0;
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables a rule (number or name).")
    static final class Disable implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Parameters(index = "0", paramLabel = "USER") String user;
        @Parameters(index = "1", paramLabel = "RULE") String which;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                Rules rules = server.user(user).store().rules();
                rules.disable(find(rules, which).id());
                parent.show(server, user, rules.list());
                return 0;
            });
        }
    }

}
