package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.*;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.koppel.cli.admin.AdminCommand;
import picocli.CommandLine;

/**
 * {@code koppel serve} as a real process: it starts with embedded defaults, answers /health and koppel
 * admin, stops cleanly on SIGTERM, and starts again with its data intact.
 */
class ServeProcessTest {

    @Test
    void serveAdministerStopAndRestartWithDataIntact() throws Exception {
        Path data = Files.createTempDirectory("koppel-serve");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try {
            Process first = start(data, port);
            try {
                awaitHealth(port, first);
                assertEquals(0, admin(port, data, "user", "add", "erin", "--email", "erin@example.org",
                        "--password", "erin-pw").exit, "user add");
            } finally {
                stop(first);
            }
            // 143 = 128 + SIGTERM: how a JVM reports a stop by signal after its shutdown hooks ran.
            assertTrue(first.exitValue() == 0 || first.exitValue() == 143, "exit " + first.exitValue());
            String log = Files.readString(data.resolve("serve.log"));
            assertTrue(log.contains("Stopped"), log);

            Process second = start(data, port);
            try {
                awaitHealth(port, second);
                Run show = admin(port, data, "user", "show", "erin");
                assertEquals(0, show.exit, show.err);
                assertTrue(show.out.contains("erin@example.org"), show.out);
            } finally {
                stop(second);
            }
        } finally {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Process start(Path data, int port) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.koppel.dist.Koppel", "serve", "--data", data.toString(), "--config", root.resolve("config").toString(),
                "--set", "server.server_listen=127.0.0.1:" + port, "--set", "server.password_pbkdf2_iterations=1000"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("serve.log").toFile())).start();
    }

    private static void awaitHealth(int port, Process p) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("koppel serve did not stop within 30 s of SIGTERM");
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run admin(int port, Path data, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--store", "http://127.0.0.1:" + port, "--data", data.toString()));
        all.addAll(List.of(args));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
