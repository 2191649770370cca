package org.koppel.cli.admin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.koppel.store.api.Server;
import org.koppel.store.api.User;
import org.koppel.store.client.Feature;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin user ...}. */
@Command(name = "user", aliases = "users", mixinStandardHelpOptions = true,
        description = "Users: add, list, show, set, passwd, features, delete, sendas, delegates.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Show.class, UserCommand.Set.class,
            UserCommand.Passwd.class, UserCommand.Features.class, UserCommand.Delete.class, UserCommand.SendAs.class,
            UserCommand.Delegates.class})
final class UserCommand {

    @ParentCommand
    AdminCommand admin;

    static void describe(PrintWriter out, UserInfo u) {
        out.printf("login:     %s%n", u.login());
        out.printf("name:      %s%n", u.fullName());
        out.printf("email:     %s%n", u.email());
        out.printf("aliases:   %s%n", u.aliases().isEmpty() ? "-" : String.join(", ", u.aliases()));
        out.printf("admin:     %s%n", u.admin() ? "yes" : "no");
        out.printf("active:    %s%n", u.active() ? "yes" : "no");
        List<String> features = u.features().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().toList();
        out.printf("features:  %s%n", features.isEmpty() ? "-" : String.join(", ", features));
    }

    /** Prints a user: its JSON form, or {@link #describe}. */
    void show(User u) {
        admin.print(JsonForm.user(u.info()), out -> describe(out, u.info()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates a user and their mailbox.")
    static final class Add implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME", description = "The login.") String name;
        @Option(names = "--email", required = true, paramLabel = "ADDR") String email;
        @Option(names = "--fullname", paramLabel = "NAME") String fullName;
        @Option(names = "--password", paramLabel = "PASSWORD", description = "Without one the user cannot log on until one is set.")
        String password;
        @Option(names = "--admin") boolean isAdmin;
        @Option(names = "--alias", paramLabel = "ADDR") List<String> aliases = new ArrayList<>();

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                User u = server.createUser(new NewUser(name, fullName == null ? name : fullName, email, password,
                        isAdmin, UserKind.USER, aliases, EnumSet.allOf(Feature.class)));
                parent.admin.print(JsonForm.user(u.info()), out -> out.println("Created user " + u.name()));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand UserCommand parent;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                List<User> users = server.users();
                var array = JsonForm.array();
                users.forEach(u -> array.add(JsonForm.user(u.info())));
                parent.admin.print(array, out -> {
                    out.printf("%-24s %-32s %-30s %s%n", "LOGIN", "NAME", "EMAIL", "FLAGS");
                    for (User u : users) {
                        out.printf("%-24s %-32s %-30s %s%s%n", u.name(), u.fullName(), u.email(),
                                u.admin() ? "admin " : "", u.active() ? "" : "inactive");
                    }
                });
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user.")
    static final class Show implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME", description = "The login or one of the user's addresses.") String name;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                parent.show(server.user(name));
                return 0;
            });
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Changes a user's details.")
    static final class Set implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--fullname", paramLabel = "NAME") String fullName;
        @Option(names = "--email", paramLabel = "ADDR") String email;
        @Option(names = "--admin", arity = "1", paramLabel = "yes|no") Boolean isAdmin;
        @Option(names = "--active", arity = "1", paramLabel = "yes|no") Boolean active;
        @Option(names = "--alias", paramLabel = "ADDR", description = "Replaces the aliases (repeat for several).")
        List<String> aliases;

        @Override
        public Integer call() {
            UserChanges changes = UserChanges.none();
            if (fullName != null) {
                changes = changes.withFullName(fullName);
            }
            if (email != null) {
                changes = changes.withEmail(email);
            }
            if (isAdmin != null) {
                changes = changes.withAdmin(isAdmin);
            }
            if (active != null) {
                changes = changes.withActive(active);
            }
            if (aliases != null) {
                changes = changes.withAliases(aliases);
            }
            UserChanges chosen = changes;
            return parent.admin.run(server -> {
                parent.show(server.user(name).update(chosen));
                return 0;
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Sets a user's password.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--new-password", paramLabel = "PASSWORD", description = "Without it, asked for twice.")
        String newPassword;

        @Override
        public Integer call() {
            String pw = newPassword;
            if (pw == null) {
                java.io.Console console = System.console();
                if (console == null) {
                    throw new picocli.CommandLine.ParameterException(parent.admin.spec.commandLine(),
                            "give --new-password, or run in a terminal to be asked");
                }
                pw = new String(console.readPassword("New password for %s: ", name));
                if (!pw.equals(new String(console.readPassword("Again: ")))) {
                    parent.admin.spec.commandLine().getErr().println("koppel admin: the passwords differ");
                    return 1;
                }
            }
            String chosen = pw;
            return parent.admin.run(server -> {
                User u = server.user(name);
                u.setPassword(chosen);
                parent.admin.print(JsonForm.object().put("login", u.name()).put("passwordSet", true),
                        out -> out.println("Password of " + u.name() + " set"));
                return 0;
            });
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Enables or disables features: mail, imap, pop3, mobile, caldav.")
    static final class Features implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--enable", paramLabel = "FEATURE") List<String> enable = new ArrayList<>();
        @Option(names = "--disable", paramLabel = "FEATURE") List<String> disable = new ArrayList<>();

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                User u = server.user(name);
                java.util.Set<Feature> now = u.features().isEmpty() ? EnumSet.noneOf(Feature.class)
                        : EnumSet.copyOf(u.features());
                enable.forEach(f -> now.add(Feature.parse(f)));
                disable.forEach(f -> now.remove(Feature.parse(f)));
                parent.show(u.update(UserChanges.none().withFeatures(now)));
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a user and (unless --keep-store) their mailbox.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--keep-store", description = "Keep the mailbox as an orphaned store.") boolean keepStore;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                User u = server.user(name);
                server.deleteUser(u, !keepStore);
                parent.admin.print(JsonForm.object().put("login", u.name()).put("deleted", true),
                        out -> out.println("Deleted user " + u.name()));
                return 0;
            });
        }
    }

    @Command(name = "sendas", mixinStandardHelpOptions = true,
            description = "Who may send as USER (From USER, no Sender): sendas add|remove USER GRANTEE, sendas list USER.")
    static final class SendAs extends GrantList {
        @ParentCommand UserCommand parent;

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
            return server.user(owner).sendAs();
        }

        @Override
        void add(Server server, String owner, User grantee) {
            server.user(owner).grantSendAs(grantee);
        }

        @Override
        void remove(Server server, String owner, User grantee) {
            server.user(owner).revokeSendAs(grantee);
        }
    }

    @Command(name = "delegates", mixinStandardHelpOptions = true, description = "Who may send on behalf of USER"
            + " (From USER, Sender the delegate): delegates add|remove USER DELEGATE, delegates list USER.")
    static final class Delegates extends GrantList {
        @ParentCommand UserCommand parent;

        @Override
        AdminCommand admin() {
            return parent.admin;
        }

        @Override
        String what() {
            return "delegates";
        }

        @Override
        List<User> read(Server server, String owner) {
            return server.user(owner).delegates();
        }

        @Override
        void add(Server server, String owner, User grantee) {
            server.user(owner).addDelegate(grantee);
        }

        @Override
        void remove(Server server, String owner, User grantee) {
            server.user(owner).removeDelegate(grantee);
        }
    }
}
