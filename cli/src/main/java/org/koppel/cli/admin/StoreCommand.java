package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin store ...}: list the stores (or the orphaned ones), show one. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Stores: list, orphans, show, remove, create-public.",
        subcommands = {StoreCommand.ListStores.class, StoreCommand.Orphans.class, StoreCommand.Show.class,
            StoreCommand.Remove.class, StoreCommand.CreatePublic.class})
final class StoreCommand {

    @ParentCommand
    AdminCommand admin;

    /** Lists the stores, all or only the orphaned ones. */
    static int list(AdminCommand admin, boolean orphansOnly) {
        return admin.run(c -> {
            JsonNode all = c.call("stores.list", c.object());
            com.fasterxml.jackson.databind.node.ArrayNode shown = c.json().createArrayNode();
            all.forEach(s -> {
                if (!orphansOnly || s.path("orphaned").asBoolean()) {
                    shown.add(s);
                }
            });
            admin.print(c, shown, out -> {
                out.printf("%-8s %-24s %12s  %s%n", "KIND", "OWNER", "SIZE (MiB)", "STORE");
                for (JsonNode s : shown) {
                    String owner = s.path("ownerLogin").isTextual() ? s.path("ownerLogin").asText()
                            : s.path("orphaned").asBoolean() ? "(orphaned)" : "-";
                    out.printf("%-8s %-24s %12.1f  %s%n", s.path("kind").asText(), owner,
                            s.path("sizeBytes").asLong() / 1048576.0, s.path("entryId").asText());
                }
            });
            return 0;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every store.")
    static final class ListStores implements Callable<Integer> {
        @ParentCommand StoreCommand parent;

        @Override
        public Integer call() {
            return list(parent.admin, false);
        }
    }

    @Command(name = "orphans", mixinStandardHelpOptions = true,
            description = "Lists the stores whose owner was deleted with --keep-store.")
    static final class Orphans implements Callable<Integer> {
        @ParentCommand StoreCommand parent;

        @Override
        public Integer call() {
            return list(parent.admin, true);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Deletes an orphaned store and everything in it (see 'store orphans').")
    static final class Remove implements Callable<Integer> {
        @ParentCommand StoreCommand parent;
        @Parameters(paramLabel = "STORE", description = "The store's entry id, as 'store orphans' lists it.") String store;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                c.call("stores.removeOrphan", c.object().put("store", store));
                parent.admin.print(c, c.object().put("store", store).put("removed", true),
                        out -> out.println("Removed store " + store));
                return 0;
            });
        }
    }

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

    /**
     * Kopano's "create the public store". Koppel's store server creates it (root, IPM subtree where Everyone
     * may read and create, non-IPM subtree) when it first starts on a database, and again at any start
     * that finds it missing; this command makes sure it is there and shows it.
     */
    @Command(name = "create-public", mixinStandardHelpOptions = true,
            description = "Makes sure the public store exists (the server creates it at start) and shows it.")
    static final class CreatePublic implements Callable<Integer> {
        @ParentCommand StoreCommand parent;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode s = c.call("stores.public", c.object());
                parent.admin.print(c, s, out -> out.println("The public store exists: " + s.path("entryId").asText()));
                return 0;
            });
        }
    }
}
