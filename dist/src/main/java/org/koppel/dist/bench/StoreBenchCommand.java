package org.koppel.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.core.engine.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code koppel bench store}: the store benchmarks on a fresh database that is removed afterwards. */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Store engine benchmarks through the session API on a fresh, temporary database.")
final class StoreBenchCommand implements Callable<Integer> {


    enum Attachments { FILES, DATABASE }

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--attachments", defaultValue = "files", paramLabel = "files|database",
            description = "Attachment storage: files or database. Default: ${DEFAULT-VALUE}.")
    Attachments attachments;

    @Option(names = "--messages", defaultValue = "10000", paramLabel = "N",
            description = "Messages inserted into the Inbox (10 KB body, 1 in 5 with a 100 KB attachment). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--loads", defaultValue = "20000", paramLabel = "N",
            description = "Messages.load calls measured over random messages. Default: ${DEFAULT-VALUE}.")
    int loads;

    @Option(names = "--big-folder", defaultValue = "100000", paramLabel = "N",
            description = "Size of the folder of 1 KB messages for the FolderInfo and contents table figures (0 skips them). Default: ${DEFAULT-VALUE}.")
    int bigFolder;

    @Option(names = "--queries", defaultValue = "100", paramLabel = "N",
            description = "FolderInfo and contents-table calls measured, each. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--writers", defaultValue = "4", paramLabel = "N",
            description = "Concurrent writers for the concurrent-insert figure, each a user of its own (0 skips it). Default: ${DEFAULT-VALUE}.")
    int writers;

    @Option(names = "--batch", defaultValue = "100", paramLabel = "N",
            description = "Messages per createAll transaction for the batched-insert figure (1 skips it). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the generated mail. Default: ${DEFAULT-VALUE}.")
    long seed;





    @Override
    public Integer call() {
        if (messages < 1 || loads < 0 || bigFolder < 0 || queries < 1) {
            System.err.println("koppel bench store: --messages and --queries must be positive, --loads and --big-folder not negative");
            return 2;
        }
        boolean attachmentsInDb = attachments == Attachments.DATABASE;
        StoreBench.Plan plan = new StoreBench.Plan(messages, loads, bigFolder, queries, seed, batch);
        // a cheap password hash: the benchmark measures the store, not logon
        EngineConfig config = EngineConfig.defaults().withPbkdf2Iterations(1_000);
        try (BenchDatabase database = databaseOptions.open(attachmentsInDb)) {
            List<BenchResult> results;
            try (EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), config)) {
                List<Session> writerSessions = new ArrayList<>();
                try (Session admin = store.engine().systemSession()) {
                    admin.directory().createUser(NewUser.of("bench", "Bench User", "bench@example.org", "bench-password"));
                    for (int w = 0; w < writers; w++) {
                        admin.directory().createUser(NewUser.of("writer" + w, "Writer " + w, "writer" + w + "@example.org",
                                "bench-password"));
                        writerSessions.add(store.engine().logon(new Credentials.Password("writer" + w, "bench-password")));
                    }
                }
                try (Session session = store.engine().logon(new Credentials.Password("bench", "bench-password"))) {
                    results = new StoreBench(session, writerSessions, plan, System.err).run();
                } finally {
                    writerSessions.forEach(Session::close);
                }
            }
            List<String> header = new ArrayList<>();
            header.add("Koppel store benchmark: " + database.describe() + ", attachments " + attachments.name().toLowerCase(java.util.Locale.ROOT));
            header.add("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; one session on one thread unless a row says otherwise");
            header.add("messages " + messages + ", loads " + loads + ", big folder " + bigFolder + ", queries " + queries
                    + ", seed " + seed);
            new ResultTable().print(System.out, header, results);
        }
        return 0;
    }
}
