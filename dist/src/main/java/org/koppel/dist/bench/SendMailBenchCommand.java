package org.koppel.dist.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.eas.composemail.ComposeMailCodec;
import org.koppel.eas.composemail.ComposeMailRequest;
import org.koppel.eas.composemail.Mime;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.gateway.EasGateway;
import org.koppel.eas.gateway.MailCommands;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.provision.PolicySettings;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.spooler.SmtpTls;
import org.koppel.spooler.Spooler;
import org.koppel.spooler.SpoolerConfig;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.engine.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench sendmail}: how long a message a phone sends takes to reach the smarthost. A gateway in this
 * process over the in-process store (the MAPI backend), the spooler as {@code koppel serve} runs it, and the
 * bench's SMTP sink on loopback ({@link SmtpSink}); each message is an ActiveSync 14.1 SendMail over real HTTP,
 * timed from sending the request to the sink's {@code 250} after DATA (the gateway saves it in the Outbox and
 * submits, the spooler is woken by the store's notification, writes MIME and talks SMTP). Each sender waits for
 * its message to arrive before sending the next.
 */
@Command(name = "sendmail", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "ActiveSync SendMail to SMTP-accepted latency: HTTP, gateway, Outbox, spooler, an SMTP sink.")
final class SendMailBenchCommand implements Callable<Integer> {

    private static final String SECRET = "koppel-bench-sendmail-secret";
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    private static final CodePages PAGES = CodePages.load();
    private static final ProtocolVersion VERSION = ProtocolVersion.V14_1;

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--messages", defaultValue = "1000", paramLabel = "N",
            description = "Measured messages per run (one sender, then --senders). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--warmup", defaultValue = "200", paramLabel = "N",
            description = "Messages sent before measuring. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--senders", defaultValue = "4", paramLabel = "N",
            description = "Concurrent phones of the second run, each its own user and device. Default: ${DEFAULT-VALUE}.")
    int senders;

    @Option(names = "--body-bytes", defaultValue = "10240", paramLabel = "N",
            description = "Size of each message's text body. Default: ${DEFAULT-VALUE}.")
    int bodyBytes;

    private final SinkArrivals arrivals = new SinkArrivals();
    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public Integer call() throws Exception {
        if (messages < 10 || warmup < 0 || senders < 1 || bodyBytes < 1) {
            System.err.println("koppel bench sendmail: --messages at least 10, --senders and --body-bytes at least 1");
            return 2;
        }
        EngineConfig engineConfig = EngineConfig.defaults().withPbkdf2Iterations(1_000).withServiceSecret(SECRET);
        String body = body(bodyBytes);
        Path easDir = Files.createTempDirectory("koppel-bench-sendmail");
        try (BenchDatabase database = databaseOptions.open(false);
                EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), engineConfig);
                SmtpSink sink = new SmtpSink(arrivals::accepted)) {
            try (Session admin = store.engine().systemSession()) {
                for (int i = 0; i <= senders; i++) {
                    admin.directory().createUser(NewUser.of("phone" + i, "Phone " + i, "phone" + i + "@example.org",
                            "pw" + i));
                }
            }
            Spooler spooler = new Spooler(store.engine(), new Credentials.Service("koppel-spooler", SECRET, ""),
                    SpoolerConfig.defaults().withSmarthost("127.0.0.1", sink.port())
                            .withStartTls(SpoolerConfig.StartTls.NO)
                            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)), SmtpTls.system()).start();
            MapiBackend backend = new MapiBackend(store.engine(),
                    Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)), Clock.systemUTC());
            DatabaseConfig db = database.config();
            DeviceStateStore state = DeviceStateStore.open(DeviceStateConfig.of(
                    org.koppel.eas.state.DatabaseKind.valueOf(db.kind().name()), db.jdbcUrl(), db.user(),
                    db.password()).sharingStoreDatabase());
            EasConfig config = EasConfig.defaults(EasHttpConfig.defaults(easDir)
                    .withListen(Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)), Optional.empty()))
                    .withProvisioning(ProvisioningMode.OFF);
            List<BenchResult> results = new ArrayList<>();
            try (EasGateway gateway = EasGateway.start(config, backend, state, DevicePolicy.of(PolicySettings.none()),
                    new MailCommands(), Clock.systemUTC())) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                String base = "http://127.0.0.1:" + gateway.port();
                System.err.printf("warm-up: %d messages%n", warmup);
                run(http, base, body, 1, warmup);
                System.err.printf("measuring: %d messages, 1 sender, then %d senders%n", messages, senders);
                results.addAll(run(http, base, body, 1, messages).named("1 sender"));
                results.addAll(run(http, base, body, senders, messages).named(senders + " senders"));
            } finally {
                spooler.close(Duration.ofSeconds(20));
            }
            List<String> header = new ArrayList<>();
            header.add("Koppel SendMail benchmark: " + database.describe());
            header.add("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, load "
                    + "average at the end " + BenchMachine.loadAverage() + "; ActiveSync " + VERSION.header() + " SendMail over HTTP"
                    + " on loopback, " + messages + " messages per run after " + warmup + " warm-up, " + bodyBytes
                    + "-byte text body, one recipient, no Sent Items copy; smarthost: the bench's SMTP sink on"
                    + " 127.0.0.1:" + sink.port());
            new ResultTable().print(System.out, header, results);
            if (arrivals.unexpected() > 0) {
                System.err.printf("koppel bench sendmail: %d messages arrived that nobody was waiting for%n",
                        arrivals.unexpected());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(easDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** The two figures of one run: the SendMail request alone, and request to the smarthost's 250. */
    private record Run(Latencies request, Latencies toAccepted, long wallNanos) {
        List<BenchResult> named(String who) {
            return List.of(BenchResult.of("SendMail to SMTP 250, " + who, toAccepted, wallNanos),
                    BenchResult.of("SendMail HTTP request alone, " + who, request, wallNanos));
        }
    }

    private Run run(HttpClient http, String base, String body, int threads, int count) throws Exception {
        Latencies request = new Latencies(count);
        Latencies toAccepted = new Latencies(count);
        AtomicInteger left = new AtomicInteger(count);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int phone = t;
                done.add(pool.submit(() -> {
                    String device = "bench" + phone + UUID.randomUUID().toString().substring(0, 8);
                    while (left.getAndDecrement() > 0) {
                        long[] times = sendOne(http, base, phone, device, body);
                        synchronized (toAccepted) {
                            request.record(times[0]);
                            toAccepted.record(times[1]);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        }
        return new Run(request, toAccepted, System.nanoTime() - start);
    }

    /** One SendMail; returns {HTTP request, to the sink's 250} in ns. */
    private long[] sendOne(HttpClient http, String base, int phone, String device, String body) throws Exception {
        String subject = "koppel bench sendmail " + sequence.incrementAndGet();
        String mime = "From: phone" + phone + "@example.org\r\nTo: Carol <carol@example.net>\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body;
        ByteArrayOutputStream wbxml = new ByteArrayOutputStream(body.length() + 512);
        new ComposeMailCodec(PAGES).encodeRequest(new WbxmlWriter(wbxml, PAGES, VERSION), new ComposeMailRequest(
                org.koppel.eas.command.Command.SEND_MAIL, Optional.of(UUID.randomUUID().toString()), Optional.empty(),
                false, false, Optional.empty(), List.of(), Mime.of(mime.getBytes(StandardCharsets.US_ASCII))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/Microsoft-Server-ActiveSync?Cmd=SendMail"
                        + "&User=phone" + phone + "&DeviceId=" + device + "&DeviceType=KoppelBench"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("phone" + phone + ":pw" + phone)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("MS-ASProtocolVersion", VERSION.header())
                .header("Content-Type", "application/vnd.ms-sync.wbxml")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(wbxml.toByteArray())).build();
        CompletableFuture<Long> arrived = arrivals.expect(subject);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        if (r.statusCode() != 200 || r.body().length != 0) {
            arrivals.forget(subject);
            throw new IllegalStateException("SendMail answered HTTP " + r.statusCode() + " with " + r.body().length
                    + " bytes");
        }
        try {
            return new long[] {t1 - t0, arrived.get(ARRIVAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) - t0};
        } catch (TimeoutException e) {
            throw new IllegalStateException("'" + subject + "' did not reach the smarthost within " + ARRIVAL_TIMEOUT, e);
        }
    }

    /** A plain ASCII text body of about {@code bytes} bytes, in lines of 72 characters. */
    private static String body(int bytes) {
        String line = "The quick brown fox jumps over the lazy dog; pack my box with five dozen";
        StringBuilder sb = new StringBuilder(bytes + 80);
        while (sb.length() < bytes) {
            sb.append(line, 0, Math.min(line.length(), Math.max(1, bytes - sb.length() - 2))).append("\r\n");
        }
        return sb.toString();
    }
}
