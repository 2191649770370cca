package org.koppel.dist.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.koppel.cli.admin.AdminCommand;
import picocli.CommandLine;

/**
 * A {@code koppel serve} child process that a benchmark drives over its sockets: started with a heap limit and
 * {@code --set} overrides on a throw-away data directory, watched through /health, jcmd and /proc, stopped by
 * {@link #close()}.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RESIDENT = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final Process process;
    private final Path data;
    private final int apiPort;
    private final List<String> command;
    private final Thread stopOnExit;

    private ServeProcess(Process process, Path data, int apiPort, List<String> command) {
        this.process = process;
        this.data = data;
        this.apiPort = apiPort;
        this.command = command;
        // A benchmark stopped by a signal or timeout(1) must not leave its server running.
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-koppel-serve");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code koppel serve} on {@code data} with the configuration files in {@code config} (an empty
     * directory means every default), the store API on a free loopback port, cheap password hashing, and
     * {@code settings} ("file.key=value") given as {@code --set}; its output goes to data/serve.log.
     */
    static ServeProcess start(Path data, Path config, String heap, List<String> settings) throws IOException {
        int apiPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "org.koppel.dist.Koppel", "serve", "--data", data.toString(), "--config", config.toString(),
                "--set", "server.server_listen=127.0.0.1:" + apiPort, "--set", "server.password_pbkdf2_iterations=1000",
                "--set", "server.log_level=warn"));
        for (String s : settings) {
            cmd.add("--set");
            cmd.add(s);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("serve.log").toFile())).start();
        return new ServeProcess(p, data, apiPort, List.copyOf(cmd));
    }

    /** The shipped config/ directory of the checkout the benchmark runs in (or of its parent directory). */
    static Path shippedConfig() {
        Path root = Path.of(System.getProperty("user.dir"));
        return Files.isDirectory(root.resolve("config")) ? root.resolve("config") : root.getParent().resolve("config");
    }

    /** A port nobody listens on now (the child binds it a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String mebibytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format("%.0f MiB", bytes / 1048576.0);
    }

    /** The command line, as a shell would take it (the class path shortened to its first entry). */
    String commandLine() {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            String path = shown.get(cp + 1);
            int sep = path.indexOf(java.io.File.pathSeparatorChar);
            shown.set(cp + 1, sep < 0 ? path : path.substring(0, sep) + ":...");
        }
        return String.join(" ", shown);
    }

    int apiPort() {
        return apiPort;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until /health answers 200. */
    void awaitHealth(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health")).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("koppel serve exited");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("koppel serve did not start within " + limit);
            }
            Thread.sleep(100);
        }
    }

    /** Runs {@code koppel admin ARGS} in this process against the child (it reads the data directory's secret). */
    void admin(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of("--store", "http://127.0.0.1:" + apiPort, "--data", data.toString()));
        all.addAll(List.of(args));
        int exit = cl.execute(all.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("koppel admin " + String.join(" ", args) + ": " + out);
        }
    }

    /**
     * Adds users LOGIN with the address LOGIN@example.org and one password through {@code koppel admin}, four at
     * a time (each creates a store with its folders, which takes the store a while). On platform threads: the
     * admin's SOAP client loads classes as it starts, and virtual threads blocked in class loading pin their
     * carriers; four of them deadlocked a two-core machine.
     */
    void addUsers(List<String> logins, String password) throws InterruptedException {
        java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(4);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String login : logins) {
            parallel.acquire();
            if (!failures.isEmpty()) {
                break;
            }
            threads.add(Thread.ofPlatform().name("bench-admin").start(() -> {
                try {
                    admin("user", "add", login, "--email", login + "@example.org", "--password", password);
                } catch (RuntimeException e) {
                    failures.add(e);
                } finally {
                    parallel.release();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.get(0).getMessage(), failures.get(0));
        }
    }

    /** The used Java heap right after a full GC (jcmd GC.run, then GC.heap_info), in bytes; -1 when unknown. */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    /** The process's resident memory (VmRSS), in bytes; -1 when unknown. */
    long residentBytes() {
        try {
            Matcher m = RESIDENT.matcher(Files.readString(Path.of("/proc/" + process.pid() + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** Platform threads (jcmd's Thread.print does not list virtual threads). */
    int platformThreads() throws IOException, InterruptedException {
        return (int) jcmd("Thread.print").lines().filter(l -> l.startsWith("\"")).count();
    }

    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    List<String> logTail(int lines) throws IOException {
        List<String> log = Files.readAllLines(data.resolve("serve.log"));
        return log.subList(Math.max(0, log.size() - lines), log.size());
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), what).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
