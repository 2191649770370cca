package org.koppel.dist.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.koppel.dist.KoppelVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench imap}: the IMAP gateway of a real {@code koppel serve} process, driven over plain sockets.
 * Cycles: concurrent clients loop a mail client's visit to their own Inbox, timed per command. Idle: thousands of
 * connections in IDLE under a capped heap, the heap after a full GC, and the time from a message's LMTP 250 to the
 * {@code * n EXISTS} each idling connection of its recipient reads.
 */
@Command(name = "imap", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "IMAP gateway: client cycles per second with per-command latency, and many IDLE connections.")
final class ImapBenchCommand implements Callable<Integer> {

    enum Part { CYCLES, IDLE }

    private static final String PASSWORD = "pw";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--parts", split = ",", defaultValue = "cycles,idle", paramLabel = "PART,...",
            description = "What to measure: cycles, idle. Default: ${DEFAULT-VALUE}.")
    List<String> parts;

    @Option(names = "--clients", defaultValue = "8", paramLabel = "N", description = "Cycling clients, one Inbox each. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S", description = "Measured cycling time. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", paramLabel = "S", description = "Unmeasured cycling first. Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--messages", defaultValue = "200", paramLabel = "N",
            description = "Messages in each cycling client's Inbox (2 to 20 KB, delivered over LMTP first). Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--server-heap", defaultValue = "1g", paramLabel = "SIZE", description = "The server's -Xmx for the cycles. Default: ${DEFAULT-VALUE}.")
    String serverHeap;

    @Option(names = "--idle", defaultValue = "2000", paramLabel = "N", description = "Connections in IDLE at once. Default: ${DEFAULT-VALUE}.")
    int idle;

    @Option(names = "--idle-users", defaultValue = "200", paramLabel = "N",
            description = "Users the IDLE connections log in as (connection i as user i mod N). Default: ${DEFAULT-VALUE}.")
    int idleUsers;

    @Option(names = "--idle-fill", defaultValue = "20", paramLabel = "N", description = "Messages in each idle user's Inbox before SELECT. Default: ${DEFAULT-VALUE}.")
    int idleFill;

    @Option(names = "--deliveries", defaultValue = "200", paramLabel = "N",
            description = "Messages delivered over LMTP while the connections idle, one at a time, to each idle user in turn. Default: ${DEFAULT-VALUE}.")
    int deliveries;

    @Option(names = "--pause-ms", defaultValue = "20", paramLabel = "MS",
            description = "Pause after every idler has a delivery's EXISTS. Default: ${DEFAULT-VALUE}.")
    int pauseMillis;

    @Option(names = "--idle-heap", defaultValue = "256m", paramLabel = "SIZE", description = "The server's -Xmx for the IDLE part. Default: ${DEFAULT-VALUE}.")
    String idleHeap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the messages and choices. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        EnumSet<Part> todo = EnumSet.noneOf(Part.class);
        for (String p : parts) {
            try {
                todo.add(Part.valueOf(p.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                System.err.println("koppel bench imap: --parts takes cycles and idle");
                return 2;
            }
        }
        if (clients < 1 || seconds < 1 || warmupSeconds < 0 || messages < 1 || idle < 1 || idleUsers < 1
                || idleUsers > idle || idleFill < 0 || deliveries < 1 || pauseMillis < 0) {
            System.err.println("koppel bench imap: counts must be positive and --idle-users at most --idle");
            return 2;
        }
        System.out.println("Koppel IMAP benchmark: Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average at start " + BenchMachine.loadAverage());
        System.out.println("$ koppel " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        if (todo.contains(Part.CYCLES)) {
            cycles();
        }
        if (todo.contains(Part.IDLE)) {
            idle();
        }
        System.out.println("load average at the end: " + BenchMachine.loadAverage());
        return 0;
    }

    /** A serve process with only the store, LMTP and plain IMAP on loopback. */
    private record Gateway(ServeProcess serve, int imapPort, int lmtpPort, String where) {
    }

    private interface WithGateway {
        void run(Gateway g) throws Exception;
    }

    private void withGateway(String name, String heap, WithGateway body) throws Exception {
        try (ScratchDirectory scratch = ScratchDirectory.create("koppel-bench-imap-" + name);
             BenchDatabase db = databaseOptions.open(false)) {
            Path data = scratch.path();
            Path config = Files.createDirectories(data.resolve("config"));
            int imapPort = ServeProcess.freePort();
            int lmtpPort = ServeProcess.freePort();
            List<String> settings = new ArrayList<>(db.serveSettings());
            settings.addAll(List.of("gateway.imap_listen=127.0.0.1:" + imapPort, "gateway.imaps_listen=off",
                    "gateway.pop3_listen=off", "gateway.pop3s_listen=off", "gateway.disable_plaintext_auth=no",
                    "dagent.lmtp_listen=127.0.0.1:" + lmtpPort, "eas.enabled=no", "spooler.enabled=no"));
            String where = db instanceof BenchDatabase.MariaDb ? db.describe() : "embedded H2 in the data directory";
            ServeProcess serve = ServeProcess.start(data, config, heap, settings);
            try {
                serve.awaitHealth(Duration.ofSeconds(120));
                System.out.println("$ " + serve.commandLine());
                body.run(new Gateway(serve, imapPort, lmtpPort, where));
            } catch (Exception e) {
                System.err.println("koppel bench imap failed; the server's last log lines:");
                serve.logTail(30).forEach(System.err::println);
                throw e;
            } finally {
                serve.close();
            }
        }
    }

    private void cycles() throws Exception {
        withGateway("cycles", serverHeap, g -> {
            List<String> logins = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                logins.add("imap" + i);
            }
            g.serve().addUsers(logins, PASSWORD);
            long t0 = System.nanoTime();
            ImapCycles cycles = new ImapCycles(g.imapPort(), messages, seed);
            cycles.fill(g.lmtpPort(), logins);
            System.err.printf("koppel bench imap: %d Inbox(es) of %d messages delivered in %.1f s; cycling %d s + %d s"
                    + " warm-up%n", clients, messages, (System.nanoTime() - t0) / 1e9, seconds, warmupSeconds);
            long serverCpu = g.serve().cpuNanos();
            long clientCpu = BenchMachine.ownCpuNanos();
            long wall = System.nanoTime();
            ImapCycles.Result r = cycles.run(logins, PASSWORD, warmupSeconds, seconds);
            wall = System.nanoTime() - wall;
            serverCpu = g.serve().cpuNanos() - serverCpu;
            clientCpu = BenchMachine.ownCpuNanos() - clientCpu;
            List<BenchResult> rows = new ArrayList<>();
            for (ImapStep step : ImapStep.values()) {
                rows.add(BenchResult.of(step.label(), r.latencies().get(step), r.measuredNanos()));
            }
            new ResultTable().print(System.out, List.of("", "Cycles: " + clients + " client(s), each its own Inbox of "
                    + messages + " messages (2-20 KB), " + seconds + " s measured after " + warmupSeconds
                    + " s warm-up; server -Xmx" + serverHeap + ", " + g.where()), rows);
            Latencies cycle = r.latencies().get(ImapStep.CYCLE);
            System.out.printf("cycles: %.1f full cycles/s (%d cycles in %d s)%n",
                    cycle.count() / (r.measuredNanos() / 1e9), cycle.count(), seconds);
            System.out.printf("CPU over warm-up and measured time (%d cores): server %.0f%%, benchmark client %.0f%%"
                    + " of one core%n", Runtime.getRuntime().availableProcessors(), 100.0 * serverCpu / wall,
                    100.0 * clientCpu / wall);
            if (r.oddities() > 0) {
                System.out.println("answers that were OK but not as expected: " + r.oddities() + "; first: "
                        + r.firstOddity());
            }
        });
    }

    private void idle() throws Exception {
        withGateway("idle", idleHeap, g -> {
            long t0 = System.nanoTime();
            List<String> logins = new ArrayList<>();
            for (int u = 0; u < idleUsers; u++) {
                logins.add(ImapIdlers.login(u));
            }
            g.serve().addUsers(logins, PASSWORD);
            long t1 = System.nanoTime();
            ImapIdlers.fill(g.lmtpPort(), idleUsers, idleFill, seed);
            System.err.printf("koppel bench imap: %d users added in %.1f s, %d messages each delivered in %.1f s;"
                    + " opening %d IDLE connections%n", idleUsers, (t1 - t0) / 1e9, idleFill,
                    (System.nanoTime() - t1) / 1e9, idle);
            long heapBefore = g.serve().heapUsedAfterGc();
            try (ImapIdlers idlers = new ImapIdlers(g.imapPort(), idleUsers, PASSWORD)) {
                long open = System.nanoTime();
                idlers.open(idle);
                open = System.nanoTime() - open;
                Thread.sleep(2_000);
                long heapIdle = g.serve().heapUsedAfterGc();
                long residentIdle = g.serve().residentBytes();
                int threadsIdle = g.serve().platformThreads();
                System.err.printf("koppel bench imap: %d connections idling after %.1f s; heap after GC %s;"
                        + " delivering %d messages%n", idlers.idling(), open / 1e9, ServeProcess.mebibytes(heapIdle),
                        deliveries);
                ImapIdlers.Result r = idlers.deliver(g.lmtpPort(), deliveries, pauseMillis, seed + 1);
                long heapAfter = g.serve().heapUsedAfterGc();
                int stillIdling = idlers.idling();
                int failed = idlers.failures().size();
                new ResultTable().print(System.out, List.of("", "Idle: " + idle + " connections of " + idleUsers
                        + " users (Inboxes of " + idleFill + " messages) in IDLE; " + r.deliveries()
                        + " messages delivered over LMTP one at a time, to each user in turn; server -Xmx" + idleHeap
                        + ", " + g.where()), List.of(
                        BenchResult.of("LOGIN (32 connections logging in at once)", idlers.setupLogin(), 0),
                        BenchResult.of("SELECT INBOX (the same)", idlers.setupSelect(), 0),
                        BenchResult.of("LMTP delivery (MAIL to the 250 after DATA)", r.lmtpRoundTrip(), 0),
                        BenchResult.of("LMTP 250 to * n EXISTS read by an idler", r.existsAfterAccepted(), 0),
                        BenchResult.of("end of DATA sent to * n EXISTS read", r.existsAfterDataSent(), 0)));
                System.out.println("(both ends in this process: an idler's reader takes System.nanoTime() on reading"
                        + " the line '* n EXISTS'; the LMTP client takes it on reading the 250 and on sending the final '.')");
                Latencies exists = r.existsAfterAccepted();
                System.out.printf("delivery to EXISTS: %d EXISTS read, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (target p99 < 200 ms); %d read before the 250 (counted as 0), %d missed%n", exists.count(),
                        exists.percentileMicros(50) / 1e3, exists.percentileMicros(90) / 1e3,
                        exists.percentileMicros(99) / 1e3, exists.percentileMicros(100) / 1e3, r.early(), r.missed());
                System.out.printf("server heap after a full GC: %s before the connections, %s with %d idling (target"
                        + " < 256 MB), %s after the deliveries; resident memory with them idling %s; %d platform"
                        + " threads%n", ServeProcess.mebibytes(heapBefore), ServeProcess.mebibytes(heapIdle), idle,
                        ServeProcess.mebibytes(heapAfter), ServeProcess.mebibytes(residentIdle), threadsIdle);
                if (heapBefore >= 0 && heapIdle >= 0) {
                    System.out.printf("heap per idling connection: %.1f KiB (the growth over the server without"
                            + " them, each with an Inbox of %d messages selected)%n",
                            (heapIdle - heapBefore) / 1024.0 / idle, idleFill);
                }
                System.out.printf("connections opened in %.1f s; %d still idling after the deliveries, %d failed%s%n",
                        open / 1e9, stillIdling, failed, failed == 0 ? "" : " (first: " + idlers.failures().get(0) + ")");
            }
        });
    }
}
