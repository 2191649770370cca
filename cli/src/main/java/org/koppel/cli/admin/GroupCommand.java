package org.koppel.cli.admin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.koppel.store.api.Group;
import org.koppel.store.api.Server;
import org.koppel.store.api.User;
import org.koppel.store.client.GroupInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin group ...}. */
@Command(name = "group", aliases = "groups", mixinStandardHelpOptions = true,
        description = "Groups: add, list, show, delete, members, sendas.",
        subcommands = {GroupCommand.Add.class, GroupCommand.ListGroups.class, GroupCommand.Show.class,
            GroupCommand.Delete.class, GroupCommand.Members.class, GroupCommand.SendAs.class})
final class GroupCommand {

    @ParentCommand
    AdminCommand admin;

    static void describe(PrintWriter out, GroupInfo g) {
        out.printf("group:     %s%n", g.name());
        out.printf("email:     %s%n", g.email() == null || g.email().isEmpty() ? "-" : g.email());
        out.printf("members:   %s%n", g.members().isEmpty() ? "-" : String.join(", ", g.members()));
    }

    /** Prints a group: its JSON form, or {@link #describe}. */
    void show(Group g) {
        admin.print(JsonForm.group(g.info()), out -> describe(out, g.info()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates a group.")
    static final class Add implements Callable<Integer> {
        @ParentCommand GroupCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--email", paramLabel = "ADDR") String email;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                Group g = server.createGroup(name, email == null ? "" : email);
                parent.admin.print(JsonForm.group(g.info()), out -> out.println("Created group " + g.name()));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the groups.")
    static final class ListGroups implements Callable<Integer> {
        @ParentCommand GroupCommand parent;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                List<GroupInfo> groups = server.groups().stream().map(Group::info).toList();
                var array = JsonForm.array();
                groups.forEach(g -> array.add(JsonForm.group(g)));
                parent.admin.print(array, out -> {
                    out.printf("%-24s %-30s %s%n", "GROUP", "EMAIL", "MEMBERS");
                    for (GroupInfo g : groups) {
                        out.printf("%-24s %-30s %d%n", g.name(), g.email() == null ? "" : g.email(), g.members().size());
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
            return parent.admin.run(server -> {
                parent.show(server.group(name));
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
            return parent.admin.run(server -> {
                Group g = server.group(name);
                g.delete();
                parent.admin.print(JsonForm.object().put("name", g.name()).put("deleted", true),
                        out -> out.println("Deleted group " + g.name()));
                return 0;
            });
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "Adds or removes members.",
            subcommands = {Members.AddMember.class, Members.RemoveMember.class})
    static final class Members {
        @ParentCommand GroupCommand parent;

        /** Adds or removes a member and shows the group as it is then. */
        int change(boolean add, String group, String user) {
            return parent.admin.run(server -> {
                Group g = server.group(group);
                parent.show(add ? g.add(server.user(user)) : g.remove(server.user(user)));
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
                return parent.change(true, group, user);
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user from a group.")
        static final class RemoveMember implements Callable<Integer> {
            @ParentCommand Members parent;
            @Parameters(index = "0", paramLabel = "GROUP") String group;
            @Parameters(index = "1", paramLabel = "USER") String user;

            @Override
            public Integer call() {
                return parent.change(false, group, user);
            }
        }
    }

    @Command(name = "sendas", mixinStandardHelpOptions = true, description = "Who may send as GROUP (From the"
            + " group's address, no Sender): sendas add|remove GROUP GRANTEE, sendas list GROUP.")
    static final class SendAs extends GrantList {
        @ParentCommand GroupCommand parent;

        @Override
        AdminCommand admin() {
            return parent.admin;
        }

        @Override
        String what() {
            return "sendAs";
        }

        @Override
        List<User> read(Server server, String owner) {
            return server.group(owner).sendAs();
        }

        @Override
        void add(Server server, String owner, User grantee) {
            server.group(owner).grantSendAs(grantee);
        }

        @Override
        void remove(Server server, String owner, User grantee) {
            server.group(owner).revokeSendAs(grantee);
        }
    }
}
