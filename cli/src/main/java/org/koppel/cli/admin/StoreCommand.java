package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin store ...}: a user's mailbox (listing all stores and orphans comes later). */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Stores: show.",
        subcommands = {StoreCommand.Show.class})
final class StoreCommand {

    @ParentCommand
    AdminCommand admin;

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user's store and its standard folders.")
    static final class Show implements Callable<Integer> {
        @ParentCommand StoreCommand parent;
        @Parameters(paramLabel = "NAME", description = "The owner's login, or 'public'.") String name;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode s = name.equals("public") ? c.call("stores.public", c.object())
                        : c.call("stores.user", c.object().put("login", name));
                parent.admin.print(c, s, out -> {
                    out.printf("store:     %s%n", s.path("entryId").asText());
                    s.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("entryId") && !e.getKey().equals("wellKnownFolders")) {
                            out.printf("%-10s %s%n", e.getKey() + ":", e.getValue().asText());
                        }
                    });
                    s.path("wellKnownFolders").fields().forEachRemaining(e ->
                            out.printf("  %-16s %s%n", e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText()));
                });
                return 0;
            });
        }
    }
}
