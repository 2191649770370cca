package org.koppel.cli.admin;

import java.util.List;
import java.util.concurrent.Callable;
import org.koppel.store.api.Server;
import org.koppel.store.api.User;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The lists of who may send mail in another's name, as {@code koppel admin user sendas|delegates} and
 * {@code koppel admin group sendas} manage them: {@code add|remove NAME GRANTEE} and {@code list NAME}. Send-as
 * (the administrator's grant, kept in the directory) puts the other's address in From alone; a delegate (kept
 * in the mailbox) sends on its owner's behalf, From the owner and Sender the delegate. Each change prints the
 * list as it is then.
 */
abstract class GrantList implements Callable<Integer> {

    /** What to do with the list. */
    enum Action {
        add, remove, list
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "add|remove|list", description = "Add or remove GRANTEE, or list.")
    Action action;

    @Parameters(index = "1", paramLabel = "NAME", description = "Whose list it is.")
    String owner;

    @Parameters(index = "2", arity = "0..1", paramLabel = "GRANTEE", description = "The user who gets or loses the right.")
    String grantee;

    abstract AdminCommand admin();

    /** The list's name in the output: "sendAs" or "delegates". */
    abstract String what();

    abstract List<User> read(Server server, String owner);

    abstract void add(Server server, String owner, User grantee);

    abstract void remove(Server server, String owner, User grantee);

    @Override
    public Integer call() {
        if (action != Action.list && grantee == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), action + " needs NAME and GRANTEE");
        }
        return admin().run(server -> {
            switch (action) {
                case add -> add(server, owner, server.user(grantee));
                case remove -> remove(server, owner, server.user(grantee));
                case list -> {
                }
            }
            List<User> users = read(server, owner);
            var node = JsonForm.object();
            node.put("name", owner);
            var array = node.putArray(what());
            users.forEach(u -> array.add(u.name()));
            admin().print(node, out -> out.printf("%s of %s: %s%n", what(), owner,
                    users.isEmpty() ? "-" : String.join(", ", users.stream().map(User::name).toList())));
            return 0;
        });
    }
}
