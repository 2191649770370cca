package org.koppel.cli.admin;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.koppel.mapi.EntryId;
import org.koppel.store.api.Store;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreSummary;
import org.koppel.store.client.WellKnownFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin store ...}: list the stores (or the orphaned ones), show one, remove an orphan. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Stores: list, orphans, show, remove, create-public.",
        subcommands = {StoreCommand.ListStores.class, StoreCommand.Orphans.class, StoreCommand.Show.class,
            StoreCommand.Remove.class, StoreCommand.CreatePublic.class})
final class StoreCommand {

    @ParentCommand
    AdminCommand admin;

    /** Lists the stores, all or only the orphaned ones. */
    static int list(AdminCommand admin, boolean orphansOnly) {
        return admin.run(server -> {
            List<StoreSummary> shown = server.stores().stream().filter(s -> !orphansOnly || s.orphaned()).toList();
            var array = JsonForm.array();
            shown.forEach(s -> array.add(JsonForm.store(s)));
            admin.print(array, out -> {
                out.printf("%-8s %-24s %12s  %s%n", "KIND", "OWNER", "SIZE (MiB)", "STORE");
                for (StoreSummary s : shown) {
                    String owner = s.ownerLogin().filter(o -> !o.isEmpty()).orElse(s.orphaned() ? "(orphaned)" : "-");
                    out.printf("%-8s %-24s %12.1f  %s%n", s.kind(), owner, s.sizeBytes() / 1048576.0,
                            JsonForm.hex(s.entryId()));
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
            return parent.admin.run(server -> {
                EntryId id = JsonForm.entryId(store);
                server.removeOrphanStore(id);
                parent.admin.print(JsonForm.object().put("store", JsonForm.hex(id)).put("removed", true),
                        out -> out.println("Removed store " + JsonForm.hex(id)));
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
            return parent.admin.run(server -> {
                Store store = name.equals("public") ? server.publicStore() : server.user(name).store();
                StoreInfo s = store.info();
                parent.admin.print(JsonForm.store(s), out -> {
                    out.printf("store:     %s%n", JsonForm.hex(s.entryId()));
                    out.printf("guid:      %s%n", s.guid().uuid());
                    out.printf("kind:      %s%n", s.kind());
                    out.printf("ownerLogin: %s%n", store.ownerLogin().isEmpty() ? "-" : store.ownerLogin());
                    out.printf("sizeBytes: %d%n", s.sizeBytes());
                    for (Map.Entry<WellKnownFolder, EntryId> f : new EnumMap<>(s.wellKnownFolders()).entrySet()) {
                        out.printf("  %-16s %s%n", f.getKey().name().toLowerCase(Locale.ROOT), JsonForm.hex(f.getValue()));
                    }
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
            return parent.admin.run(server -> {
                Store pub = server.publicStore();
                parent.admin.print(JsonForm.store(pub.info()),
                        out -> out.println("The public store exists: " + JsonForm.hex(pub.entryId())));
                return 0;
            });
        }
    }
}
