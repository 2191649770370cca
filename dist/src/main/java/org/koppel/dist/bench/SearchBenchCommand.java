package org.koppel.dist.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.gateway.EasGateway;
import org.koppel.eas.gateway.EmailSyncCommands;
import org.koppel.eas.gateway.MailCommands;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.search.MailboxQuery;
import org.koppel.eas.search.Range;
import org.koppel.eas.search.SearchOptions;
import org.koppel.eas.search.SearchRequest;
import org.koppel.eas.search.SearchResponse;
import org.koppel.eas.search.SearchStatus;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.engine.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench search}: issue 8's Search figure over real HTTP. A gateway in this process over the
 * in-process engine; one user's Inbox is filled with sample mail (1 KB bodies) of which a few carry a word no
 * other message has; then a Mailbox Search for that word (14.1, Range 0-9, plain-text bodies truncated) is
 * timed, with the store scanning the whole mailbox each time.
 */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "ActiveSync Search: latency of a Mailbox Search for a rare word in a big mailbox.")
final class SearchBenchCommand implements Callable<Integer> {

    private static final String SECRET = "koppel-bench-search-secret";
    private static final String WORD = "kumquat";

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--messages", defaultValue = "100000", paramLabel = "N",
            description = "Messages in the Inbox (1 KB text bodies). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--matches", defaultValue = "5", paramLabel = "N",
            description = "Messages carrying the word searched for (in the subject of some, the body of others)."
                    + " Default: ${DEFAULT-VALUE}.")
    int matches;

    @Option(names = "--rounds", defaultValue = "20", paramLabel = "N",
            description = "Searches measured, after a tenth as many (at least 2) warm-up searches."
                    + " Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--time-limit", defaultValue = "120", paramLabel = "SECONDS",
            description = "The gateway's search_time_limit, high enough for the search to finish."
                    + " Default: ${DEFAULT-VALUE}.")
    int timeLimit;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || matches < 1 || matches > messages || rounds < 1 || timeLimit < 1) {
            System.err.println("koppel bench search: counts must be positive and --matches at most --messages");
            return 2;
        }
        System.out.println("Koppel ActiveSync Search benchmark: Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, protocol " + EasBenchClient.VERSION.header()
                + ", load average at start " + BenchMachine.loadAverage());
        EngineConfig engineConfig = EngineConfig.defaults().withPbkdf2Iterations(1_000).withServiceSecret(SECRET);
        Path easDir = Files.createTempDirectory("koppel-bench-search");
        try (BenchDatabase database = databaseOptions.open(false);
             EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), engineConfig)) {
            System.out.println("Search: gateway in this process over " + database.describe());
            MapiBackend backend = new MapiBackend(store.engine(),
                    Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)), Clock.systemUTC());
            DatabaseConfig db = database.config();
            DeviceStateStore state = DeviceStateStore.open(DeviceStateConfig.of(
                    org.koppel.eas.state.DatabaseKind.valueOf(db.kind().name()), db.jdbcUrl(), db.user(),
                    db.password()).sharingStoreDatabase());
            EasConfig config = EasConfig.defaults(EasHttpConfig.defaults(easDir)
                    .withListen(Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)), Optional.empty()))
                    .withProvisioning(ProvisioningMode.OFF).withSearchTimeLimit(Duration.ofSeconds(timeLimit));
            try (EmailSyncCommands sync = new EmailSyncCommands();
                 EasGateway gateway = EasGateway.start(config, backend, state, DevicePolicy.of(PolicySettings.none()),
                         sync.and(new MailCommands()), Clock.systemUTC());
                 Session admin = store.engine().systemSession()) {
                admin.directory().createUser(NewUser.of("searcher", "Search Bench", "searcher@example.org", "pw"));
                fill(admin);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                EasBenchClient device = new EasBenchClient(http, "http://127.0.0.1:" + gateway.port(), "searcher",
                        "pw", "searchphone");
                measure(device);
            }
        } finally {
            try (var walk = Files.walk(easDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** The Inbox: sample mail, with the word in the subject of every other match and in the body of the rest. */
    private void fill(Session admin) {
        EntryId inbox = admin.stores().openUserStore("searcher").folder(WellKnownFolder.INBOX);
        SampleMail mail = new SampleMail(seed, Instant.parse("2024-01-01T08:00:00Z"), 0);
        int every = messages / matches;
        int planted = 0;
        long t0 = System.nanoTime();
        for (int done = 0; done < messages; ) {
            int n = Math.min(1_000, messages - done);
            List<MessageContent> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                MessageContent m = mail.next(StoreBench.SMALL_BODY_BYTES, false);
                int index = done + i;
                if (index % every == every / 2 && planted < matches) {
                    m = plant(m, planted % 2 == 0);
                    planted++;
                }
                batch.add(m);
            }
            admin.messages().createAll(inbox, batch);
            done += n;
            if (done % 10_000 == 0 || done == messages) {
                System.err.printf("filling the Inbox: %d/%d messages%n", done, messages);
            }
        }
        System.err.printf("filled in %.1f s (%d messages carry \"%s\")%n", (System.nanoTime() - t0) / 1e9, planted,
                WORD);
    }

    private static MessageContent plant(MessageContent m, boolean inSubject) {
        List<PropValue> props = new ArrayList<>();
        for (PropValue v : m.properties()) {
            if (inSubject && v.tag().equals(PropTags.PR_SUBJECT)) {
                props.add(PropValue.of(PropTags.PR_SUBJECT, v.javaValue() + " " + WORD));
            } else if (!inSubject && v.tag().equals(PropTags.PR_BODY)) {
                props.add(PropValue.of(PropTags.PR_BODY, "About the " + WORD + ": " + v.javaValue()));
            } else {
                props.add(v);
            }
        }
        return new MessageContent(props, m.recipients(), m.attachments(), m.associated());
    }

    private void measure(EasBenchClient device) throws Exception {
        SearchRequest request = new SearchRequest(SearchRequest.MAILBOX, Optional.of(MailboxQuery.freeText(WORD)),
                Optional.empty(), SearchOptions.none().withRange(new Range(0, 9))
                        .withBodyPreference(new org.koppel.eas.sync.BodyPreference(1, Optional.of(200L),
                                Optional.empty(), Optional.empty())));
        int warm = Math.max(2, rounds / 10);
        Latencies latencies = new Latencies(rounds);
        long wall = 0;
        for (int round = -warm; round < rounds; round++) {
            long t0 = System.nanoTime();
            SearchResponse<EasBenchClient.Item> r = device.search(request);
            long took = System.nanoTime() - t0;
            SearchResponse.Store<EasBenchClient.Item> s = r.store().orElseThrow(
                    () -> new IllegalStateException("Search answered " + r.status() + " without a Store"));
            if (s.status() != SearchStatus.SUCCESS || s.total().orElse(-1) != matches
                    || s.results().size() != Math.min(10, matches)) {
                throw new IllegalStateException("Search answered " + s.status() + ", total " + s.total() + ", "
                        + s.results().size() + " results; expected " + matches);
            }
            if (round >= 0) {
                latencies.record(took);
                wall += took;
            }
        }
        new ResultTable().print(System.out, List.of("", "Mailbox Search for a word in " + matches + " of " + messages
                + " messages (1 KB bodies, one Inbox), Range 0-9, " + rounds + " searches after " + warm
                + " warm-up searches"), List.of(BenchResult.of("Search (Mailbox, FreeText)", latencies, wall)));
        System.out.printf("search p50: %.0f ms, p90: %.0f ms, p99: %.0f ms (%,.0f messages scanned per second)%n",
                latencies.percentileMicros(50) / 1e3, latencies.percentileMicros(90) / 1e3,
                latencies.percentileMicros(99) / 1e3, messages / (latencies.percentileMicros(50) / 1e6));
    }
}
