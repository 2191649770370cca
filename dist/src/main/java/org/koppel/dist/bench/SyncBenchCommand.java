package org.koppel.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.dist.KoppelVersion;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.core.engine.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code koppel bench sync}: incremental export (ICS) cost in a small and a big folder. */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Incremental change export from a small and a big folder: the cost must not grow with the folder.")
final class SyncBenchCommand implements Callable<Integer> {

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--small", defaultValue = "1000", paramLabel = "N", description = "Messages in the small folder. Default: ${DEFAULT-VALUE}.")
    int small;

    @Option(names = "--big", defaultValue = "100000", paramLabel = "N", description = "Messages in the big folder. Default: ${DEFAULT-VALUE}.")
    int big;

    @Option(names = "--changes", defaultValue = "100", paramLabel = "N",
            description = "Changes per export: 40% edits, 30% read flags, 20% new messages, 10% deletions. Default: ${DEFAULT-VALUE}.")
    int changes;

    @Option(names = "--rounds", defaultValue = "200", paramLabel = "N", description = "Exports measured per folder. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;





    @Override
    public Integer call() {
        if (small < 10 || big < 10 || changes < 10 || rounds < 1) {
            System.err.println("koppel bench sync: --small and --big at least 10, --changes at least 10, --rounds positive");
            return 2;
        }
        EngineConfig config = EngineConfig.defaults().withPbkdf2Iterations(1_000);
        try (BenchDatabase database = databaseOptions.open(false)) {
            List<BenchResult> results;
            try (EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), config)) {
                try (Session admin = store.engine().systemSession()) {
                    admin.directory().createUser(NewUser.of("bench", "Bench User", "bench@example.org", "bench-password"));
                }
                try (Session session = store.engine().logon(new Credentials.Password("bench", "bench-password"))) {
                    results = new SyncBench(session, new SyncBench.Plan(small, big, changes, rounds, seed), System.err)
                            .run();
                }
            }
            List<String> header = new ArrayList<>();
            header.add("Koppel sync benchmark: " + database.describe());
            header.add("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; small "
                    + small + ", big " + big + ", changes " + changes + ", rounds " + rounds + ", seed " + seed);
            new ResultTable().print(System.out, header, results);
            double ratio = results.get(1).p50Micros() / results.get(0).p50Micros();
            System.out.printf("p50 ratio big/small: %.2f (target <= 1.5)%n", ratio);
        }
        return 0;
    }
}
