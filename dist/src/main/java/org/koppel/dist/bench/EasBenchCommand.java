package org.koppel.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.gateway.EasGateway;
import org.koppel.eas.gateway.EmailSyncCommands;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.ping.PingResponse;
import org.koppel.eas.ping.PingStatus;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.mapi.EntryId;
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
 * {@code koppel bench eas}: issue 7's ActiveSync figures over real HTTP. Initial and incremental Sync of an Inbox
 * run against a gateway in this process over the in-process engine (filled with batched creates); the held Pings
 * run against a {@code koppel serve} child process with a capped heap, whose heap is read with jcmd.
 */
@Command(name = "eas", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "ActiveSync: initial Sync rate, incremental Sync latency in a big Inbox, and many held Pings.")
final class EasBenchCommand implements Callable<Integer> {

    enum Part { INITIAL, INCREMENTAL, PING }

    private static final String SECRET = "koppel-bench-eas-secret";

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--parts", split = ",", defaultValue = "initial,incremental,ping", paramLabel = "PART,...",
            description = "What to measure: initial, incremental, ping. Default: ${DEFAULT-VALUE}.")
    List<String> parts;

    @Option(names = "--messages", defaultValue = "10000", paramLabel = "N",
            description = "Messages in the Inbox of the initial Sync (10 KB text bodies). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--window", defaultValue = "100", paramLabel = "N", description = "WindowSize of the initial Sync. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--truncation", defaultValue = "200", paramLabel = "BYTES",
            description = "TruncationSize of the plain-text BodyPreference (type 1). Default: ${DEFAULT-VALUE}.")
    long truncation;

    @Option(names = "--devices", defaultValue = "3", paramLabel = "N",
            description = "Initial Syncs measured, each by a new device, after one warm-up device. Default: ${DEFAULT-VALUE}.")
    int devices;

    @Option(names = "--big", defaultValue = "100000", paramLabel = "N",
            description = "Messages in the Inbox of the incremental Sync (1 KB bodies). Default: ${DEFAULT-VALUE}.")
    int big;

    @Option(names = "--new", defaultValue = "10", paramLabel = "N", description = "New messages per incremental Sync. Default: ${DEFAULT-VALUE}.")
    int fresh;

    @Option(names = "--rounds", defaultValue = "100", paramLabel = "N",
            description = "Incremental Syncs measured, after a tenth as many warm-up rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--pings", defaultValue = "10000", paramLabel = "N", description = "Pings held at once. Default: ${DEFAULT-VALUE}.")
    int pings;

    @Option(names = "--ping-users", defaultValue = "100", paramLabel = "N",
            description = "Users the Pinging devices belong to (pings / users devices each). Default: ${DEFAULT-VALUE}.")
    int pingUsers;

    @Option(names = "--heartbeat", defaultValue = "900", paramLabel = "SECONDS", description = "Ping HeartbeatInterval. Default: ${DEFAULT-VALUE}.")
    int heartbeat;

    @Option(names = "--ping-rate", defaultValue = "500", paramLabel = "N/s", description = "Pings sent per second. Default: ${DEFAULT-VALUE}.")
    int pingRate;

    @Option(names = "--server-heap", defaultValue = "1g", paramLabel = "SIZE",
            description = "-Xmx of the koppel serve process holding the Pings. Default: ${DEFAULT-VALUE}.")
    String serverHeap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        EnumSet<Part> todo = EnumSet.noneOf(Part.class);
        for (String p : parts) {
            try {
                todo.add(Part.valueOf(p.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                System.err.println("koppel bench eas: --parts takes initial, incremental and ping");
                return 2;
            }
        }
        if (messages < 1 || window < 1 || window > EasConfig.MAX_WINDOW_SIZE || devices < 1 || big < 1 || fresh < 1
                || fresh > EasConfig.MAX_WINDOW_SIZE || rounds < 1 || pings < 1 || pingUsers < 1 || pingUsers > pings
                || heartbeat < 60 || heartbeat > 3540 || pingRate < 1) {
            System.err.println("koppel bench eas: counts must be positive, --window and --new at most 512,"
                    + " --ping-users at most --pings, --heartbeat 60 to 3540");
            return 2;
        }
        System.out.println("Koppel ActiveSync benchmark: Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, protocol " + EasBenchClient.VERSION.header()
                + ", load average at start " + BenchMachine.loadAverage());
        if (todo.contains(Part.INITIAL) || todo.contains(Part.INCREMENTAL)) {
            syncParts(todo);
        }
        if (todo.contains(Part.PING)) {
            return pings();
        }
        return 0;
    }

    // --- Sync: a gateway in this process --------------------------------------------------------------------

    private void syncParts(EnumSet<Part> todo) throws Exception {
        EngineConfig engineConfig = EngineConfig.defaults().withPbkdf2Iterations(1_000).withServiceSecret(SECRET);
        Path easDir = Files.createTempDirectory("koppel-bench-eas");
        try (BenchDatabase database = databaseOptions.open(false);
             EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), engineConfig)) {
            System.out.println("Sync: gateway in this process over " + database.describe());
            MapiBackend backend = new MapiBackend(store.engine(),
                    Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)), Clock.systemUTC());
            DatabaseConfig db = database.config();
            DeviceStateStore state = DeviceStateStore.open(DeviceStateConfig.of(
                    org.koppel.eas.state.DatabaseKind.valueOf(db.kind().name()), db.jdbcUrl(), db.user(),
                    db.password()).sharingStoreDatabase());
            EasConfig config = EasConfig.defaults(EasHttpConfig.defaults(easDir)
                    .withListen(Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)), Optional.empty()))
                    .withProvisioning(ProvisioningMode.OFF);
            try (EmailSyncCommands commands = new EmailSyncCommands();
                 EasGateway gateway = EasGateway.start(config, backend, state, DevicePolicy.of(PolicySettings.none()),
                         commands, Clock.systemUTC())) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                String base = "http://127.0.0.1:" + gateway.port();
                try (Session admin = store.engine().systemSession()) {
                    SampleMail mail = new SampleMail(seed, Instant.parse("2024-01-01T08:00:00Z"), 0);
                    if (todo.contains(Part.INITIAL)) {
                        admin.directory().createUser(NewUser.of("initial", "Initial Sync", "initial@example.org", "pw"));
                        fill(admin, "initial", messages, StoreBench.BODY_BYTES, mail);
                        initialSync(http, base);
                    }
                    if (todo.contains(Part.INCREMENTAL)) {
                        admin.directory().createUser(NewUser.of("big", "Big Inbox", "big@example.org", "pw"));
                        fill(admin, "big", big, StoreBench.SMALL_BODY_BYTES, mail);
                        incrementalSync(http, base, admin, mail);
                    }
                }
            }
        } finally {
            new ScratchDirectory(easDir).close();
        }
    }

    private void fill(Session admin, String login, int count, int bodyBytes, SampleMail mail) {
        EntryId inbox = admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX);
        long t0 = System.nanoTime();
        for (int done = 0; done < count; ) {
            int n = Math.min(1_000, count - done);
            List<MessageContent> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(mail.next(bodyBytes, false));
            }
            admin.messages().createAll(inbox, batch);
            done += n;
            if (done % 10_000 == 0 || done == count) {
                System.err.printf("filling %s's Inbox: %d/%d messages%n", login, done, count);
            }
        }
        System.err.printf("filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** What one device's Sync from key 0 to the end of the folder took. */
    private record FullSync(String collectionId, String key, int items, int requests, long bytes, long nanos,
            Latencies perRequest) {
    }

    private FullSync fullSync(EasBenchClient device, int windowSize) throws IOException, InterruptedException {
        String inbox = device.inbox();
        EasBenchClient.Page first = device.sync(inbox, "0", windowSize, truncation);
        String key = syncKey(first, "0");
        Latencies perRequest = new Latencies(1_000);
        int items = 0;
        int requests = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        while (true) {
            long r0 = System.nanoTime();
            EasBenchClient.Page page = device.sync(inbox, key, windowSize, truncation);
            perRequest.record(System.nanoTime() - r0);
            requests++;
            bytes += page.bytes();
            items += page.items();
            key = page.collection().isEmpty() ? key : syncKey(page, key);
            if (page.collection().isEmpty() || !page.collection().get().moreAvailable()) {
                break;
            }
        }
        return new FullSync(inbox, key, items, requests, bytes, System.nanoTime() - t0, perRequest);
    }

    private static String syncKey(EasBenchClient.Page page, String sent) throws IOException {
        SyncResponse.Collection<EasBenchClient.Item> c = page.collection()
                .orElseThrow(() -> new IOException("Sync with key " + sent + " answered with an empty body"));
        if (c.status() != SyncStatus.SUCCESS) {
            throw new IOException("Sync with key " + sent + " answered status " + c.status());
        }
        return c.syncKey().orElse(sent);
    }

    private void initialSync(HttpClient http, String base) throws IOException, InterruptedException {
        List<BenchResult> results = new ArrayList<>();
        Latencies all = new Latencies(devices * (messages / window + 2));
        long wall = 0;
        int items = 0;
        long bytes = 0;
        for (int d = -1; d < devices; d++) {
            EasBenchClient device = new EasBenchClient(http, base, "initial", "pw", "initial" + (d + 1));
            FullSync s = fullSync(device, window);
            if (s.items() != messages) {
                throw new IllegalStateException("the initial Sync brought " + s.items() + " of " + messages + " items");
            }
            System.err.printf("%s: %d items in %d requests, %.2f s, %.0f items/s%n", d < 0 ? "warm-up device"
                    : "device " + (d + 1), s.items(), s.requests(), s.nanos() / 1e9, s.items() / (s.nanos() / 1e9));
            if (d >= 0) {
                s.perRequest().copyInto(all);
                wall += s.nanos();
                items += s.items();
                bytes += s.bytes();
            }
        }
        BenchResult perRequest = BenchResult.of("Sync request of WindowSize " + window + " (initial sync)", all, wall);
        results.add(perRequest);
        new ResultTable().print(System.out, List.of("", "Initial Sync: " + messages + "-message Inbox (10 KB text"
                + " bodies), WindowSize " + window + ", BodyPreference type 1 TruncationSize " + truncation + ", "
                + devices + " devices one after the other after a warm-up device"), results);
        System.out.printf("initial sync: %,.0f items/s (%d items in %.2f s over %d devices; %.0f bytes of WBXML per"
                + " item)%n", items / (wall / 1e9), items, wall / 1e9, devices, (double) bytes / items);
    }

    private void incrementalSync(HttpClient http, String base, Session admin, SampleMail mail)
            throws IOException, InterruptedException {
        EasBenchClient device = new EasBenchClient(http, base, "big", "pw", "bigphone");
        FullSync s = fullSync(device, EasConfig.MAX_WINDOW_SIZE);
        System.err.printf("primed: %d items in %d requests of WindowSize 512, %.1f s (%.0f items/s)%n", s.items(),
                s.requests(), s.nanos() / 1e9, s.items() / (s.nanos() / 1e9));
        if (s.items() != big) {
            throw new IllegalStateException("the initial Sync brought " + s.items() + " of " + big + " items");
        }
        EntryId inbox = admin.stores().openUserStore("big").folder(WellKnownFolder.INBOX);
        String key = s.key();
        Latencies latencies = new Latencies(rounds);
        long wall = 0;
        int warm = Math.max(3, rounds / 10);
        for (int round = -warm; round < rounds; round++) {
            List<MessageContent> batch = new ArrayList<>(fresh);
            for (int i = 0; i < fresh; i++) {
                batch.add(mail.next(StoreBench.SMALL_BODY_BYTES, false));
            }
            admin.messages().createAll(inbox, batch);
            long t0 = System.nanoTime();
            EasBenchClient.Page page = device.sync(s.collectionId(), key, window, truncation);
            long took = System.nanoTime() - t0;
            if (page.items() != fresh || page.collection().get().moreAvailable()) {
                throw new IllegalStateException("the incremental Sync brought " + page.items() + " items, expected "
                        + fresh);
            }
            key = syncKey(page, key);
            if (round >= 0) {
                latencies.record(took);
                wall += took;
            }
        }
        new ResultTable().print(System.out, List.of("", "Incremental Sync: " + fresh + " new messages in a " + big
                + "-message Inbox (1 KB bodies), one device, " + rounds + " rounds after " + warm + " warm-up rounds"),
                List.of(BenchResult.of("Sync returning " + fresh + " new messages", latencies, wall)));
        System.out.printf("incremental sync p50: %.1f ms (target < 50 ms)%n", latencies.percentileMicros(50) / 1e3);
    }

    // --- Ping: a koppel serve process -----------------------------------------------------------------------

    private int pings() throws Exception {
        ScratchDirectory scratch = ScratchDirectory.create("koppel-bench-eas-ping");
        Path data = scratch.path();
        Files.createDirectories(data.resolve("config"));
        int easPort = ServeProcess.freePort();
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtual)
                .connectTimeout(Duration.ofSeconds(60)).build();
        ObjectMapper json = new ObjectMapper();
        try (BenchDatabase db = databaseOptions.open(false)) {
            List<String> settings = new ArrayList<>(db.serveSettings());
            settings.addAll(List.of("dagent.enabled=no", "spooler.enabled=no", "gateway.enabled=no", "eas.enabled=yes",
                    "eas.listen=127.0.0.1:" + easPort, "eas.tls_listen=off", "eas.provisioning=off",
                    "eas.ping_max_heartbeat=3540"));
            String where = db instanceof BenchDatabase.MariaDb ? db.describe() : "embedded H2 in " + data;
            ServeProcess server = ServeProcess.start(data, data.resolve("config"), serverHeap, settings);
            String api = "http://127.0.0.1:" + server.apiPort();
            try {
                server.awaitHealth(Duration.ofSeconds(120));
                Json call = (op, token, body) -> {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + "/api/" + op))
                            .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body));
                    if (token != null) {
                        b.header("Authorization", "Bearer " + token);
                    }
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IOException(op + " answered " + r.statusCode() + ": " + r.body());
                    }
                    return json.readTree(r.body());
                };
                String secret = Files.readString(data.resolve("service.secret")).strip();
                String admin = call.call("logon", null, "{\"service\":\"bench\",\"secret\":\"" + secret + "\"}")
                        .get("token").asText();
                String[] writer = new String[pingUsers];
                String[] inbox = new String[pingUsers];
                for (int u = 0; u < pingUsers; u++) {
                    call.call("users.create", admin, "{\"login\":\"ping" + u + "\",\"email\":\"ping" + u
                            + "@example.org\",\"password\":\"pw\"}");
                    writer[u] = call.call("logon", null, "{\"login\":\"ping" + u + "\",\"password\":\"pw\"}")
                            .get("token").asText();
                    inbox[u] = call.call("stores.own", writer[u], "{}").get("wellKnownFolders").get("INBOX").asText();
                }
                String eas = "http://127.0.0.1:" + easPort;
                EasBenchClient[] devices = new EasBenchClient[pings];
                String[] collection = new String[pings];
                System.err.printf("FolderSync of %d devices (%d users)%n", pings, pingUsers);
                Semaphore parallel = new Semaphore(16);
                List<CompletableFuture<Void>> setup = new ArrayList<>();
                for (int i = 0; i < pings; i++) {
                    int idx = i;
                    devices[i] = new EasBenchClient(http, eas, "ping" + (i % pingUsers), "pw", "pingdev" + i);
                    parallel.acquire();
                    setup.add(CompletableFuture.runAsync(() -> {
                        try {
                            collection[idx] = devices[idx].inbox();
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            parallel.release();
                        }
                    }, virtual));
                }
                CompletableFuture.allOf(setup.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
                String heapBefore = ServeProcess.mebibytes(server.heapUsedAfterGc());
                int threadsBefore = server.platformThreads();
                System.err.printf("server heap after GC before the Pings: %s; sending %d Pings%n", heapBefore, pings);

                AtomicLong[] sentAt = new AtomicLong[pingUsers];
                for (int u = 0; u < pingUsers; u++) {
                    sentAt[u] = new AtomicLong();
                }
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                AtomicReference<CountDownLatch> answered = new AtomicReference<>(new CountDownLatch(0));
                AtomicInteger otherAnswers = new AtomicInteger();
                AtomicReference<String> firstProblem = new AtomicReference<>();
                AtomicInteger resent = new AtomicInteger();
                Holder holder = new Holder(devices, collection, sentAt, latencies, answered, otherAnswers,
                        firstProblem, resent, heartbeat);
                long pace = 1_000_000_000L / pingRate;
                long start = System.nanoTime();
                for (int i = 0; i < pings; i++) {
                    // Paced, as phones come: with the JVM's default backlog of 50, 10,000 connects at once made some
                    // 1,400 Pings fail; the gateway now asks for 4,096. Sent at once, the gateway then needs more than
                    // the 10 s below to log every Ping on, and a Ping that arrives after its mail waits for the next.
                    long due = start + i * pace;
                    long now = System.nanoTime();
                    if (due > now) {
                        Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                    }
                    holder.hold(i, 1);
                }
                // Every Ping is on its way; give the gateway time to take them all in before looking at its heap.
                Thread.sleep(10_000);
                if (otherAnswers.get() > 0) {
                    throw new IllegalStateException(otherAnswers.get() + " Pings answered early; first: "
                            + firstProblem.get());
                }
                String heapWaiting = ServeProcess.mebibytes(server.heapUsedAfterGc());
                int threadsWaiting = server.platformThreads();
                System.err.printf("%d Pings held; server heap after GC %s; delivering to %d users%n", pings,
                        heapWaiting, pingUsers);
                Latencies creates = new Latencies(pingUsers);
                int perUser = pings / pingUsers;
                for (int u = 0; u < pingUsers; u++) {
                    int expected = perUser + (u < pings % pingUsers ? 1 : 0);
                    CountDownLatch l = new CountDownLatch(expected);
                    answered.set(l);
                    long t0 = System.nanoTime();
                    sentAt[u].set(t0);
                    call.call("messages.create", writer[u], "{\"folder\":\"" + inbox[u]
                            + "\",\"properties\":[{\"tag\":\"PR_SUBJECT\",\"value\":\"bench " + u + "\"}]}");
                    creates.record(System.nanoTime() - t0);
                    if (!l.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("only " + (expected - l.getCount()) + " of " + expected
                                + " Pings of user " + u + " answered; " + otherAnswers.get() + " other answers, first: "
                                + firstProblem.get());
                    }
                    Thread.sleep(50);
                }
                String heapAfter = ServeProcess.mebibytes(server.heapUsedAfterGc());
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.println();
                System.out.printf("Ping: %d Pings (HeartbeatInterval %d s, the Inbox) of %d devices of %d users held by"
                        + " a koppel serve process, -Xmx%s, %s%n", pings, heartbeat, pings, pingUsers, serverHeap, where);
                System.out.printf("server heap after a full GC: %s before the Pings, %s with every Ping held, %s after"
                        + " they answered (target < 512 MB)%n", heapBefore, heapWaiting, heapAfter);
                System.out.printf("Pings sent at %d/s; %d of them sent again after the connection failed before an"
                        + " answer (a phone does the same)%n", pingRate, resent.get());
                System.out.printf("server platform threads: %d before the Pings, %d with every Ping held%n",
                        threadsBefore, threadsWaiting);
                System.out.printf("delivery to Ping response (%d responses, one message to each user in turn, from"
                        + " sending it over the JSON API): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (target p99"
                        + " < 1 s)%n", sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                        sorted[sorted.length - 1] / 1e6);
                System.out.printf("the delivery's own round trip (messages.create): p50 %.1f ms, p99 %.1f ms%n",
                        creates.percentileMicros(50) / 1e3, creates.percentileMicros(99) / 1e3);
                System.out.println("load average at the end: " + BenchMachine.loadAverage());
                return 0;
            } catch (Exception e) {
                System.err.println("koppel bench eas failed; the server's last log lines:");
                server.logTail(30).forEach(System.err::println);
                throw e;
            } finally {
                server.close();
            }
        } finally {
            http.shutdownNow();
            virtual.shutdownNow();
            scratch.close();
        }
    }

    /** Sends the Pings and records their answers; a Ping whose connection failed is sent again, twice at most. */
    private record Holder(EasBenchClient[] devices, String[] collection, AtomicLong[] sentAt,
            ConcurrentLinkedQueue<Long> latencies, AtomicReference<CountDownLatch> answered, AtomicInteger otherAnswers,
            AtomicReference<String> firstProblem, AtomicInteger resent, int heartbeat) {

        void hold(int i, int attempt) {
            int user = i % sentAt.length;
            EasBenchClient d = devices[i];
            d.ping(collection[i], heartbeat).whenComplete((r, err) -> {
                long at = System.nanoTime();
                try {
                    if (err != null) {
                        if (attempt < 3 && (err instanceof IOException || err.getCause() instanceof IOException)) {
                            resent.incrementAndGet();
                            hold(i, attempt + 1);
                            return;
                        }
                        throw err;
                    }
                    PingResponse p = d.pingResponse(r);
                    if (p.status() == PingStatus.CHANGES) {
                        latencies.add(at - sentAt[user].get());
                        answered.get().countDown();
                        return;
                    }
                    firstProblem.compareAndSet(null, "Ping answered " + p.status());
                } catch (Throwable t) {
                    firstProblem.compareAndSet(null, t.toString());
                }
                otherAnswers.incrementAndGet();
            });
        }
    }

    private interface Json {
        JsonNode call(String op, String token, String body) throws IOException, InterruptedException;
    }

    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
