package org.koppel.dist.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.koppel.dist.KoppelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench lmtp}: concurrent LMTP clients deliver messages of one recipient each into a real
 * {@code koppel serve} process for a fixed time; reports messages per second and the latency of each message
 * (MAIL, RCPT and DATA pipelined, to the recipient's 250, which the agent sends after the commit).
 */
@Command(name = "lmtp", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "LMTP delivery throughput and latency against a real koppel serve process.")
final class LmtpBenchCommand implements Callable<Integer> {

    @Mixin
    BenchDatabaseOptions databaseOptions;

    @Option(names = "--clients", defaultValue = "10", paramLabel = "N", description = "Concurrent LMTP connections. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S", description = "Measured time. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", paramLabel = "S", description = "Unmeasured delivery first. Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--size", defaultValue = "10240", paramLabel = "BYTES", description = "Message size. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--users", defaultValue = "10", paramLabel = "N", description = "Recipients, one per message in turn. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--server-heap", defaultValue = "1g", paramLabel = "SIZE", description = "The server's -Xmx. Default: ${DEFAULT-VALUE}.")
    String serverHeap;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || warmupSeconds < 0 || users < 1 || size < 1024) {
            System.err.println("koppel bench lmtp: need clients, seconds, users >= 1 and size >= 1024");
            return 2;
        }
        int lmtpPort = ServeProcess.freePort();
        try (ScratchDirectory scratch = ScratchDirectory.create("koppel-lmtp-bench");
             BenchDatabase db = databaseOptions.open(false)) {
            Path data = scratch.path();
            String where = db instanceof BenchDatabase.MariaDb ? db.describe() : "embedded H2 in the data directory " + data;
            List<String> settings = new ArrayList<>(db.serveSettings());
            settings.addAll(List.of("dagent.lmtp_listen=127.0.0.1:" + lmtpPort, "spooler.enabled=no", "eas.enabled=no",
                    "gateway.enabled=no"));
            ServeProcess server = ServeProcess.start(data, ServeProcess.shippedConfig(), serverHeap, settings);
            try {
                server.awaitHealth(Duration.ofSeconds(90));
                List<String> logins = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    logins.add("lmtp" + u);
                }
                server.addUsers(logins, "pw");
                System.err.printf("koppel bench lmtp: %d clients, %d-byte messages, %d s warm-up, %d s measured, on %s%n",
                        clients, size, warmupSeconds, seconds, where);
                long start = System.nanoTime();
                long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
                long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
                AtomicLong sequence = new AtomicLong();
                List<Latencies> perClient = new ArrayList<>();
                List<Thread> threads = new ArrayList<>();
                List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                for (int c = 0; c < clients; c++) {
                    Latencies l = new Latencies(100_000);
                    perClient.add(l);
                    threads.add(Thread.ofPlatform().name("lmtp-bench-" + c).start(() -> {
                        try {
                            client(lmtpPort, sequence, l, measureFrom, measureTo);
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }));
                }
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime())));
                long serverCpuBefore = server.cpuNanos();
                long clientCpuBefore = BenchMachine.ownCpuNanos();
                for (Thread t : threads) {
                    t.join();
                }
                long serverCpuUsed = server.cpuNanos() - serverCpuBefore;
                long clientCpuUsed = BenchMachine.ownCpuNanos() - clientCpuBefore;
                if (!failures.isEmpty()) {
                    System.err.println("koppel bench lmtp: a client failed: " + failures.get(0));
                    failures.get(0).printStackTrace();
                    return 1;
                }
                Latencies all = new Latencies(100_000);
                perClient.forEach(l -> l.copyInto(all));
                System.out.printf("Koppel LMTP benchmark: %d clients, %d-byte messages, 1 recipient each (%d users), %d s"
                        + " measured after %d s warm-up; %s; Java %s%n", clients, size, users, seconds, warmupSeconds,
                        where, Runtime.version());
                System.out.printf("delivered %d messages: %.0f msg/s; latency (MAIL to the 250 after DATA) p50 %.2f ms,"
                        + " p90 %.2f ms, p99 %.2f ms%n", all.count(), all.count() / (double) seconds,
                        all.percentileMicros(50) / 1000, all.percentileMicros(90) / 1000, all.percentileMicros(99) / 1000);
                System.out.printf("CPU while measuring (%d cores): server %.0f%%, benchmark client %.0f%% of one core%n",
                        Runtime.getRuntime().availableProcessors(), 100.0 * serverCpuUsed / TimeUnit.SECONDS.toNanos(seconds),
                        100.0 * clientCpuUsed / TimeUnit.SECONDS.toNanos(seconds));
                return 0;
            } catch (Exception e) {
                System.err.println("koppel bench lmtp failed; the server's last log lines:");
                server.logTail(30).forEach(System.err::println);
                throw e;
            } finally {
                server.close();
            }
        }
    }

    /** One connection: LHLO once, then MAIL, RCPT and DATA pipelined per message until the end of the run. */
    private void client(int lmtpPort, AtomicLong sequence, Latencies latencies, long measureFrom, long measureTo)
            throws IOException {
        byte[] filler = filler();
        try (Socket s = new Socket("127.0.0.1", lmtpPort)) {
            s.setSoTimeout(120_000);
            s.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            out.write("LHLO bench.test\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= measureTo) {
                    break;
                }
                long n = sequence.getAndIncrement();
                String rcpt = "lmtp" + (n % users) + "@example.org";
                String header = "MAIL FROM:<sender@example.net> SIZE=" + size + "\r\nRCPT TO:<" + rcpt + ">\r\nDATA\r\n";
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
                expect(in, "250");
                expect(in, "354");
                String head = "From: Sender <sender@example.net>\r\nTo: <" + rcpt + ">\r\nSubject: bench message " + n
                        + "\r\nMessage-ID: <lmtp-bench-" + n + "@koppel.test>\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                int body = Math.max(0, size - head.length());
                out.write(filler, 0, body - body % LINE.length());
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
                if (t0 >= measureFrom) {
                    latencies.record(System.nanoTime() - t0);
                }
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static final String LINE = "The quick brown fox jumps over the lazy dog; pack my box with five dozen jugs.\r\n";

    /** Whole text lines, as long as the largest body; client() cuts it at a line end. */
    private byte[] filler() {
        return LINE.repeat(size / LINE.length() + 1).getBytes(StandardCharsets.US_ASCII);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + line);
        }
    }
}
