package org.koppel.dist.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.client.soap.SoapStoreServer;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.endpoint.http.EndpointConfig;
import org.koppel.store.endpoint.http.EndpointServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench soap}: the cost of the SOAP transport. The same calls through the in-process session
 * and through MAPI-over-SOAP on loopback against the store's real endpoint (Jetty + CXF), side by side.
 */
@Command(name = "soap", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Loads messages and reads contents tables in-process and over SOAP on loopback.")
final class SoapBenchCommand implements Callable<Integer> {

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--messages", defaultValue = "1000", paramLabel = "N",
            description = "Messages in the Inbox (10 KB bodies, 3 recipients, 1 in 5 with a 100 KB attachment). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--rounds", defaultValue = "5000", paramLabel = "N", description = "Measured calls per figure. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (messages < 50 || rounds < 100) {
            System.err.println("koppel bench soap: --messages at least 50, --rounds at least 100");
            return 2;
        }
        EngineConfig config = EngineConfig.defaults().withPbkdf2Iterations(1_000);
        try (BenchDatabase database = databaseOptions.open(false);
                EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), config);
                EndpointServer endpoint = EndpointServer.start(store.engine(),
                        new EndpointConfig("127.0.0.1", 0, Duration.ofMinutes(30), 100, KoppelVersion.version()));
                SoapStoreServer remote = SoapStoreServer.connect(URI.create("http://127.0.0.1:" + endpoint.port()))) {
            try (Session admin = store.engine().systemSession()) {
                admin.directory().createUser(NewUser.of("bench", "Bench User", "bench@example.org", "bench-password"));
            }
            Credentials bench = new Credentials.Password("bench", "bench-password");
            List<BenchResult> results = new ArrayList<>();
            try (Session local = store.engine().logon(bench); Session soap = remote.logon(bench)) {
                EntryId inbox = local.stores().openOwn().folder(WellKnownFolder.INBOX);
                SampleMail mail = new SampleMail(seed, Instant.parse("2024-01-01T08:00:00Z"), StoreBench.ATTACHMENT_BYTES);
                List<MessageContent> batch = new ArrayList<>();
                List<EntryId> ids = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    batch.add(mail.next(StoreBench.BODY_BYTES, i % 5 == 0));
                    if (batch.size() == 100 || i == messages - 1) {
                        ids.addAll(local.messages().createAll(inbox, batch));
                        batch.clear();
                    }
                }
                System.err.printf("%d messages stored; measuring %d calls per figure%n", ids.size(), rounds);
                results.add(loads("Messages.load in-process", local, ids));
                results.add(loads("Messages.load over SOAP (loopback)", soap, ids));
                TableQuery first50 = new TableQuery(StoreBench.LIST_COLUMNS, Optional.empty(),
                        SortOrderSet.of(SortOrder.descending(PropTags.PR_MESSAGE_DELIVERY_TIME)), 0, 50, false);
                results.add(tables("Contents.query 50 rows x 10 cols in-process", local, inbox, first50));
                results.add(tables("Contents.query 50 rows x 10 cols over SOAP", soap, inbox, first50));
            }
            List<String> header = new ArrayList<>();
            header.add("Koppel SOAP transport benchmark: " + database.describe());
            header.add("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; messages "
                    + messages + ", rounds " + rounds + ", seed " + seed);
            new ResultTable().print(System.out, header, results);
            System.out.printf("Messages.load p50 ratio SOAP/in-process: %.1f (target: SOAP p50 < 2,000 µs)%n",
                    results.get(1).p50Micros() / results.get(0).p50Micros());
            System.out.printf("Contents.query p50 ratio SOAP/in-process: %.1f (target: SOAP p50 < 5,000 µs)%n",
                    results.get(3).p50Micros() / results.get(2).p50Micros());
        }
        return 0;
    }

    private BenchResult loads(String name, Session session, List<EntryId> ids) {
        Random random = new Random(seed);
        for (int i = 0; i < Math.min(2_000, rounds); i++) {
            session.messages().load(ids.get(random.nextInt(ids.size())));
        }
        Latencies lat = new Latencies(rounds);
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            EntryId id = ids.get(random.nextInt(ids.size()));
            long t0 = System.nanoTime();
            session.messages().load(id);
            lat.record(System.nanoTime() - t0);
        }
        return BenchResult.of(name, lat, System.nanoTime() - start);
    }

    private BenchResult tables(String name, Session session, EntryId folder, TableQuery query) {
        int n = Math.max(100, rounds / 5);
        for (int i = 0; i < Math.min(500, n); i++) {
            session.contents().query(folder, query);
        }
        Latencies lat = new Latencies(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            session.contents().query(folder, query);
            lat.record(System.nanoTime() - t0);
        }
        return BenchResult.of(name, lat, System.nanoTime() - start);
    }
}
