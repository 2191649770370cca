package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.koppel.cli.admin.AdminCommand;
import picocli.CommandLine;

/**
 * {@code koppel serve} as a real child process for the tests that need one: started on this build's class
 * path with the shipped configuration, its output in DATA/serve.log; and {@code koppel admin} run against it.
 */
final class ServeProcess {

    private ServeProcess() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code koppel serve --data DATA --config <project>/config} with the JVM and serve arguments given. */
    static Process start(Path data, List<String> jvmArgs, List<String> serveArgs) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.koppel.dist.Koppel", "serve",
                "--data", data.toString(), "--config", root.resolve("config").toString()));
        cmd.addAll(serveArgs);
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("serve.log").toFile())).start();
    }

    /** Waits until /health on {@code port} answers 200; fails if the process exits or time runs out. */
    static void awaitHealth(int port, Process p, Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            assertTrue(p.isAlive(), "koppel serve exited early");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, "koppel serve did not become healthy");
            Thread.sleep(100);
        }
    }

    /** Waits until something accepts connections on {@code port}; fails if the process exits or time runs out. */
    static void awaitListening(int port, Process p, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            assertTrue(p.isAlive(), "koppel serve exited early");
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, "nothing listens on port " + port);
            Thread.sleep(100);
        }
    }

    /** SIGTERM, then up to 30 s for the orderly stop. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("koppel serve did not stop within 30 s of SIGTERM");
        }
    }

    /** What a {@code koppel admin} run printed and returned. */
    record AdminRun(int exit, String out, String err) {
    }

    /** Runs {@code koppel admin --store STORE --data DATA ARGS...} in this JVM. */
    static AdminRun admin(String store, Path data, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--store", store, "--data", data.toString()));
        all.addAll(List.of(args));
        return new AdminRun(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    /** One message over LMTP; the replies after DATA. */
    static List<String> lmtpDeliver(int port, String rcpt, String message) throws IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().write(("LHLO test\r\nMAIL FROM:<>\r\nRCPT TO:<" + rcpt + ">\r\nDATA\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("354")) {
                org.junit.jupiter.api.Assertions.assertFalse(line.startsWith("4") || line.startsWith("5"), line);
            }
            s.getOutputStream().write((message + ".\r\nQUIT\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return List.of(in.readLine());
        }
    }
}
