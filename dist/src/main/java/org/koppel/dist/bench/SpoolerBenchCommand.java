package org.koppel.dist.bench;

import static org.koppel.mapi.PropTags.PR_BODY;
import static org.koppel.mapi.PropTags.PR_MESSAGE_CLASS;
import static org.koppel.mapi.PropTags.PR_MESSAGE_FLAGS;
import static org.koppel.mapi.PropTags.PR_SUBJECT;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.koppel.dist.KoppelVersion;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.spooler.SmtpTls;
import org.koppel.spooler.Spooler;
import org.koppel.spooler.SpoolerConfig;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.engine.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench spooler}: how long a submitted message takes to reach the smarthost. An in-process store,
 * the spooler as {@code koppel serve} runs it, and an accepting SMTP server on loopback ({@link SmtpSink});
 * each message is created in the Outbox and submitted, and timed from the submit call to the smarthost's
 * {@code 250} after DATA. Each submitter waits for its message to be accepted before submitting the next.
 */
@Command(name = "spooler", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Submit-to-SMTP-accepted latency of the spooler, against an SMTP sink on loopback.")
final class SpoolerBenchCommand implements Callable<Integer> {

    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--messages", defaultValue = "2000", paramLabel = "N",
            description = "Measured messages per run (one submitter, then --submitters). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--warmup", defaultValue = "300", paramLabel = "N",
            description = "Messages sent before measuring. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--submitters", defaultValue = "4", paramLabel = "N",
            description = "Concurrent submitters of the second run, each with its own session. Default: ${DEFAULT-VALUE}.")
    int submitters;

    @Option(names = "--parallel-sends", defaultValue = "4", paramLabel = "N",
            description = "The spooler's max_parallel_sends. Default: ${DEFAULT-VALUE} (as shipped).")
    int parallelSends;

    @Option(names = "--body-bytes", defaultValue = "10240", paramLabel = "N",
            description = "Size of each message's text body. Default: ${DEFAULT-VALUE}.")
    int bodyBytes;

    private final SinkArrivals arrivals = new SinkArrivals();
    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public Integer call() throws Exception {
        if (messages < 100 || submitters < 1 || parallelSends < 1 || bodyBytes < 1) {
            System.err.println("koppel bench spooler: --messages at least 100, --submitters, --parallel-sends and --body-bytes at least 1");
            return 2;
        }
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        EngineConfig config = EngineConfig.defaults().withPbkdf2Iterations(1_000).withServiceSecret(secret);
        String body = body(bodyBytes);
        try (BenchDatabase database = databaseOptions.open(false);
                EmbeddedStore store = EmbeddedStore.start(database.config(), database.blobStorage(), config);
                SmtpSink sink = new SmtpSink(arrivals::accepted)) {
            try (Session admin = store.engine().systemSession()) {
                admin.directory().createUser(NewUser.of("bench", "Bench User", "bench@example.org", "bench-password"));
            }
            SpoolerConfig spoolerConfig = SpoolerConfig.defaults().withSmarthost("127.0.0.1", sink.port())
                    .withStartTls(SpoolerConfig.StartTls.NO).withMaxParallelSends(parallelSends)
                    .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
            Spooler spooler = new Spooler(store.engine(), new Credentials.Service("koppel-spooler", secret, ""),
                    spoolerConfig, SmtpTls.system()).start();
            Credentials bench = new Credentials.Password("bench", "bench-password");
            List<BenchResult> results = new ArrayList<>();
            try {
                System.err.printf("warm-up: %d messages%n", warmup);
                run(store, bench, body, 1, warmup);
                System.err.printf("measuring: %d messages, 1 submitter, then %d submitters%n", messages, submitters);
                results.addAll(run(store, bench, body, 1, messages).named("1 submitter"));
                results.addAll(run(store, bench, body, submitters, messages).named(submitters + " submitters"));
            } finally {
                spooler.close(Duration.ofSeconds(20));
            }
            List<String> header = new ArrayList<>();
            header.add("Koppel spooler benchmark: " + database.describe());
            header.add("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; "
                    + messages + " messages per run after " + warmup + " warm-up, " + bodyBytes
                    + "-byte text body, one recipient, max_parallel_sends " + parallelSends
                    + "; smarthost: the bench's SMTP sink on 127.0.0.1:" + sink.port());
            new ResultTable().print(System.out, header, results);
            if (arrivals.unexpected() > 0) {
                System.err.printf("koppel bench spooler: %d messages arrived that nobody was waiting for%n", arrivals.unexpected());
            }
        }
        return 0;
    }

    /** The two figures of one run: the submit call alone, and submit to the smarthost's 250. */
    private record Run(Latencies submitCall, Latencies toAccepted, long wallNanos) {
        List<BenchResult> named(String who) {
            return List.of(BenchResult.of("submit to SMTP 250, " + who, toAccepted, wallNanos),
                    BenchResult.of("Messages.submit call alone, " + who, submitCall, wallNanos));
        }
    }

    /** Sends {@code count} messages from {@code threads} submitters, each in its own session. */
    private Run run(EmbeddedStore store, Credentials credentials, String body, int threads, int count) throws Exception {
        Latencies submitCall = new Latencies(count);
        Latencies toAccepted = new Latencies(count);
        AtomicInteger left = new AtomicInteger(count);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    try (Session session = store.engine().logon(credentials)) {
                        EntryId outbox = session.stores().openOwn().folder(WellKnownFolder.OUTBOX);
                        while (left.getAndDecrement() > 0) {
                            long[] times = sendOne(session, outbox, body);
                            synchronized (toAccepted) {
                                submitCall.record(times[0]);
                                toAccepted.record(times[1]);
                            }
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
        return new Run(submitCall, toAccepted, System.nanoTime() - start);
    }

    /** Creates one message in the Outbox, submits it and waits for the sink; returns {submit call, to 250} in ns. */
    private long[] sendOne(Session session, EntryId outbox, String body) throws Exception {
        String subject = "koppel bench spooler " + sequence.incrementAndGet();
        EntryId message = session.messages().create(outbox, new MessageContent(List.of(
                PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_BODY, body),
                PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value() | MessageFlags.MSGFLAG_UNSENT.value())),
                List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.net")), List.of(), false));
        CompletableFuture<Long> accepted = arrivals.expect(subject);
        long t0 = System.nanoTime();
        session.messages().submit(message);
        long t1 = System.nanoTime();
        try {
            return new long[] {t1 - t0, accepted.get(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) - t0};
        } catch (TimeoutException e) {
            throw new IllegalStateException("the smarthost did not accept '" + subject + "' within " + ACCEPT_TIMEOUT, e);
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
