package org.koppel.dist.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.koppel.cli.admin.AdminCommand;
import org.koppel.dist.KoppelVersion;
import picocli.CommandLine;
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
        Path data = Files.createTempDirectory("koppel-lmtp-bench");
        int port = freePort();
        int lmtpPort = freePort();
        try (BenchDatabase db = databaseOptions.open(false)) {
            List<String> dbSettings = db instanceof BenchDatabase.MariaDb m
                    ? List.of("--set", "server.database_engine=mysql", "--set", "server.mysql_host=" + m.host(),
                            "--set", "server.mysql_port=" + m.port(), "--set", "server.mysql_user=" + m.user(),
                            "--set", "server.mysql_password=" + m.password(), "--set", "server.mysql_database=" + m.database())
                    : List.of();
            String where = db instanceof BenchDatabase.MariaDb ? db.describe() : "embedded H2 in the data directory " + data;
            Process server = startServer(data, port, lmtpPort, dbSettings);
            try {
                awaitHealth(server, port);
                for (int u = 0; u < users; u++) {
                    admin(port, data, "user", "add", "lmtp" + u, "--email", "lmtp" + u + "@example.org", "--password", "pw");
                }
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
                long serverCpuBefore = cpuNanos(server);
                long clientCpuBefore = ownCpuNanos();
                for (Thread t : threads) {
                    t.join();
                }
                long serverCpuUsed = cpuNanos(server) - serverCpuBefore;
                long clientCpuUsed = ownCpuNanos() - clientCpuBefore;
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
                List<String> log = Files.readAllLines(data.resolve("serve.log"));
                System.err.println("koppel bench lmtp failed; the server's last log lines:");
                log.subList(Math.max(0, log.size() - 30), log.size()).forEach(System.err::println);
                throw e;
            } finally {
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                    server.waitFor(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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

    private static long cpuNanos(Process p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void admin(int port, Path data, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of("--store", "http://127.0.0.1:" + port, "--data", data.toString()));
        all.addAll(List.of(args));
        int exit = cl.execute(all.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("koppel admin " + String.join(" ", args) + ": " + out);
        }
    }

    private Process startServer(Path data, int port, int lmtpPort, List<String> dbSettings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path root = Path.of(System.getProperty("user.dir"));
        Path config = Files.isDirectory(root.resolve("config")) ? root.resolve("config") : root.getParent().resolve("config");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + serverHeap, "-cp", System.getProperty("java.class.path"),
                "org.koppel.dist.Koppel", "serve", "--data", data.toString(), "--config", config.toString(),
                "--set", "server.server_listen=127.0.0.1:" + port, "--set", "server.password_pbkdf2_iterations=1000",
                "--set", "server.log_level=warn", "--set", "dagent.lmtp_listen=127.0.0.1:" + lmtpPort,
                "--set", "spooler.enabled=no", "--set", "eas.enabled=no", "--set", "gateway.enabled=no"));
        cmd.addAll(dbSettings);
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("serve.log").toFile())).start();
    }

    private static void awaitHealth(Process server, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("koppel serve exited");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("koppel serve did not start");
            }
            Thread.sleep(100);
        }
    }
}
