package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin user ...}. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Users: add, list, show, set, passwd, features, delete.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Show.class, UserCommand.Set.class,
            UserCommand.Passwd.class, UserCommand.Features.class, UserCommand.Delete.class})
final class UserCommand {

    @ParentCommand
    AdminCommand admin;

    static void describe(PrintWriter out, JsonNode u) {
        out.printf("login:     %s%n", u.path("login").asText());
        out.printf("name:      %s%n", u.path("fullName").asText());
        out.printf("email:     %s%n", u.path("email").asText());
        List<String> aliases = new ArrayList<>();
        u.path("aliases").forEach(a -> aliases.add(a.asText()));
        out.printf("aliases:   %s%n", aliases.isEmpty() ? "-" : String.join(", ", aliases));
        out.printf("admin:     %s%n", u.path("admin").asBoolean() ? "yes" : "no");
        out.printf("active:    %s%n", u.path("active").asBoolean() ? "yes" : "no");
        List<String> features = new ArrayList<>();
        u.path("features").forEach(f -> features.add(f.asText().toLowerCase(java.util.Locale.ROOT)));
        features.sort(null);
        out.printf("features:  %s%n", features.isEmpty() ? "-" : String.join(", ", features));
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
            return parent.admin.run(c -> {
                ObjectNode a = c.object().put("login", name).put("email", email)
                        .put("fullName", fullName == null ? name : fullName).put("admin", isAdmin);
                if (password != null) {
                    a.put("password", password);
                }
                ArrayNode al = a.putArray("aliases");
                aliases.forEach(al::add);
                JsonNode u = c.call("users.create", a);
                parent.admin.print(c, u, out -> out.println("Created user " + u.path("login").asText()));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand UserCommand parent;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode users = c.call("users.list", c.object());
                parent.admin.print(c, users, out -> {
                    out.printf("%-24s %-32s %-30s %s%n", "LOGIN", "NAME", "EMAIL", "FLAGS");
                    for (JsonNode u : users) {
                        out.printf("%-24s %-32s %-30s %s%s%n", u.path("login").asText(), u.path("fullName").asText(),
                                u.path("email").asText(), u.path("admin").asBoolean() ? "admin " : "",
                                u.path("active").asBoolean() ? "" : "inactive");
                    }
                });
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user.")
    static final class Show implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode u = c.call("users.get", c.object().put("login", name));
                parent.admin.print(c, u, out -> describe(out, u));
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
            return parent.admin.run(c -> {
                ObjectNode a = c.object().put("login", name);
                if (fullName != null) {
                    a.put("fullName", fullName);
                }
                if (email != null) {
                    a.put("email", email);
                }
                if (isAdmin != null) {
                    a.put("admin", isAdmin);
                }
                if (active != null) {
                    a.put("active", active);
                }
                if (aliases != null) {
                    ArrayNode al = a.putArray("aliases");
                    aliases.forEach(al::add);
                }
                JsonNode u = c.call("users.update", a);
                parent.admin.print(c, u, out -> describe(out, u));
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
            return parent.admin.run(c -> {
                c.call("users.setPassword", c.object().put("login", name).put("password", chosen));
                parent.admin.print(c, c.object().put("login", name).put("passwordSet", true),
                        out -> out.println("Password of " + name + " set"));
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
            return parent.admin.run(c -> {
                JsonNode u = c.call("users.get", c.object().put("login", name));
                java.util.Set<String> now = new LinkedHashSet<>();
                u.path("features").forEach(f -> now.add(f.asText().toLowerCase(java.util.Locale.ROOT)));
                enable.forEach(f -> now.add(f.toLowerCase(java.util.Locale.ROOT)));
                disable.forEach(f -> now.remove(f.toLowerCase(java.util.Locale.ROOT)));
                ObjectNode a = c.object().put("login", name);
                ArrayNode fs = a.putArray("features");
                now.forEach(fs::add);
                JsonNode updated = c.call("users.update", a);
                parent.admin.print(c, updated, out -> describe(out, updated));
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
            return parent.admin.run(c -> {
                c.call("users.delete", c.object().put("login", name).put("deleteStore", !keepStore));
                parent.admin.print(c, c.object().put("login", name).put("deleted", true),
                        out -> out.println("Deleted user " + name));
                return 0;
            });
        }
    }

}
