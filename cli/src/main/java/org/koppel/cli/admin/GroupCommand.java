package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin group ...}. */
@Command(name = "group", mixinStandardHelpOptions = true, description = "Groups: add, list, show, delete, members.",
        subcommands = {GroupCommand.Add.class, GroupCommand.ListGroups.class, GroupCommand.Show.class,
            GroupCommand.Delete.class, GroupCommand.Members.class})
final class GroupCommand {

    @ParentCommand
    AdminCommand admin;

    static void describe(PrintWriter out, JsonNode g) {
        List<String> members = new ArrayList<>();
        g.path("members").forEach(m -> members.add(m.asText()));
        out.printf("group:     %s%n", g.path("name").asText());
        out.printf("email:     %s%n", g.path("email").asText().isEmpty() ? "-" : g.path("email").asText());
        out.printf("members:   %s%n", members.isEmpty() ? "-" : String.join(", ", members));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates a group.")
    static final class Add implements Callable<Integer> {
        @ParentCommand GroupCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--email", paramLabel = "ADDR") String email;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode g = c.call("groups.create", c.object().put("name", name).put("email", email == null ? "" : email));
                parent.admin.print(c, g, out -> out.println("Created group " + g.path("name").asText()));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the groups.")
    static final class ListGroups implements Callable<Integer> {
        @ParentCommand GroupCommand parent;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode groups = c.call("groups.list", c.object());
                parent.admin.print(c, groups, out -> {
                    out.printf("%-24s %-30s %s%n", "GROUP", "EMAIL", "MEMBERS");
                    for (JsonNode g : groups) {
                        out.printf("%-24s %-30s %d%n", g.path("name").asText(), g.path("email").asText(),
                                g.path("members").size());
                    }
                });
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a group and its members.")
    static final class Show implements Callable<Integer> {
        @ParentCommand GroupCommand parent;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode g = c.call("groups.get", c.object().put("name", name));
                parent.admin.print(c, g, out -> describe(out, g));
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a group (not its members).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand GroupCommand parent;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                c.call("groups.delete", c.object().put("name", name));
                parent.admin.print(c, c.object().put("name", name).put("deleted", true),
                        out -> out.println("Deleted group " + name));
                return 0;
            });
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "Adds or removes members.",
            subcommands = {Members.AddMember.class, Members.RemoveMember.class})
    static final class Members {
        @ParentCommand GroupCommand parent;

        /** Adds or removes ({@code operation}) a member and shows the group. */
        int change(String operation, String group, String user) {
            AdminCommand admin = parent.admin;
            return admin.run(c -> {
                JsonNode g = c.call(operation, c.object().put("group", group).put("login", user));
                admin.print(c, g, out -> describe(out, g));
                return 0;
            });
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a user to a group.")
        static final class AddMember implements Callable<Integer> {
            @ParentCommand Members parent;
            @Parameters(index = "0", paramLabel = "GROUP") String group;
            @Parameters(index = "1", paramLabel = "USER") String user;

            @Override
            public Integer call() {
                return parent.change("groups.addMember", group, user);
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user from a group.")
        static final class RemoveMember implements Callable<Integer> {
            @ParentCommand Members parent;
            @Parameters(index = "0", paramLabel = "GROUP") String group;
            @Parameters(index = "1", paramLabel = "USER") String user;

            @Override
            public Integer call() {
                return parent.change("groups.removeMember", group, user);
            }
        }
    }
}
