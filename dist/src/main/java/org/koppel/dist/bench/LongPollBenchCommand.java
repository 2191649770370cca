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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.koppel.dist.KoppelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code koppel bench longpoll}: a real {@code koppel serve} process with a capped heap holds many sessions
 * waiting on notification long-polls over the JSON protocol, while messages arrive in their inboxes; reports
 * the server's heap and the time from sending an event to each waiting client receiving it.
 */
@Command(name = "longpoll", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Many sessions waiting on notification long-polls against a real koppel serve process.")
final class LongPollBenchCommand implements Callable<Integer> {

    @Option(names = "--sessions", defaultValue = "10000", paramLabel = "N", description = "Waiting sessions. Default: ${DEFAULT-VALUE}.")
    int sessions;

    @Option(names = "--users", defaultValue = "1000", paramLabel = "N", description = "Users they belong to. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--pause-ms", defaultValue = "20", paramLabel = "MS",
            description = "Pause between events once every session has the previous one. Default: ${DEFAULT-VALUE}.")
    int pauseMillis;

    @Option(names = "--events", defaultValue = "500", paramLabel = "N",
            description = "Messages delivered, one user's inbox at a time (each wakes that user's sessions). Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--protocol", defaultValue = "json", paramLabel = "json|soap",
            description = "How the sessions poll: JSON's notifications.poll or MAPI-over-SOAP's poll (sessions log on and"
                    + " subscribe over JSON either way; the token is the same). Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Option(names = "--server-heap", defaultValue = "256m", paramLabel = "SIZE", description = "The server's -Xmx. Default: ${DEFAULT-VALUE}.")
    String serverHeap;

    private final ObjectMapper json = new ObjectMapper();
    private HttpClient http;
    private String base;

    @Override
    public Integer call() throws Exception {
        if (!protocol.equals("json") && !protocol.equals("soap")) {
            System.err.println("koppel bench longpoll: --protocol is json or soap");
            return 2;
        }
        if (sessions < 1 || users < 1 || users > sessions || events < 1) {
            System.err.println("koppel bench longpoll: need sessions >= users >= 1 and events >= 1");
            return 2;
        }
        try (ScratchDirectory scratch = ScratchDirectory.create("koppel-longpoll")) {
            Path data = scratch.path();
            ServeProcess server = ServeProcess.start(data, ServeProcess.shippedConfig(), serverHeap,
                    List.of("eas.enabled=no", "gateway.enabled=no"));
            base = "http://127.0.0.1:" + server.apiPort();
            http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(30)).build();
            try {
                server.awaitHealth(Duration.ofSeconds(60));
                String secret = Files.readString(data.resolve("service.secret")).strip();
                String admin = call("logon", null, "{\"service\":\"bench\",\"secret\":\"" + secret + "\"}").get("token").asText();
                for (int u = 0; u < users; u++) {
                    call("users.create", admin, "{\"login\":\"lp" + u + "\",\"email\":\"lp" + u + "@example.org\",\"password\":\"pw\"}");
                }
                String[] inbox = new String[users];
                String[] writer = new String[users];
                for (int u = 0; u < users; u++) {
                    writer[u] = call("logon", null, "{\"login\":\"lp" + u + "\",\"password\":\"pw\"}").get("token").asText();
                    inbox[u] = call("stores.own", writer[u], "{}").get("wellKnownFolders").get("INBOX").asText();
                }
                System.err.printf("logging on %d sessions and subscribing them%n", sessions);
                String[] tokens = new String[sessions];
                Semaphore parallel = new Semaphore(32);
                List<CompletableFuture<Void>> setup = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    int idx = i;
                    parallel.acquire();
                    setup.add(CompletableFuture.runAsync(() -> {
                        try {
                            int u = idx % users;
                            tokens[idx] = call("logon", null, "{\"login\":\"lp" + u + "\",\"password\":\"pw\"}").get("token").asText();
                            call("notifications.subscribe", tokens[idx], "{\"target\":\"" + inbox[u]
                                    + "\",\"events\":[\"object_created\"]}");
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            parallel.release();
                        }
                    }, Executors.newVirtualThreadPerTaskExecutor()));
                }
                CompletableFuture.allOf(setup.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);

                // Every session waits; each event goes to one user's sessions, the next only when all have it.
                AtomicLong[] sentAt = new AtomicLong[users];
                for (int u = 0; u < users; u++) {
                    sentAt[u] = new AtomicLong();
                }
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                List<Long> creates = new ArrayList<>();
                CountDownLatch[] waiting = new CountDownLatch[1];
                AtomicInteger outstanding = new AtomicInteger();
                for (int i = 0; i < sessions; i++) {
                    poll(tokens[i], i % users, sentAt, latencies, waiting, outstanding);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (outstanding.get() < sessions && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(2_000);
                String heapWaiting = ServeProcess.mebibytes(server.heapUsedAfterGc());
                System.err.printf("%d polls waiting; server heap %s; sending %d events%n", sessions, heapWaiting, events);
                int perUser = sessions / users;
                for (int e = 0; e < events; e++) {
                    int u = e % users;
                    waiting[0] = new CountDownLatch(perUser);
                    long t0 = System.nanoTime();
                    sentAt[u].set(t0);
                    call("messages.create", writer[u], "{\"folder\":\"" + inbox[u]
                            + "\",\"properties\":[{\"tag\":\"PR_SUBJECT\",\"value\":\"bench " + e + "\"}]}");
                    creates.add(System.nanoTime() - t0);
                    if (!waiting[0].await(30, TimeUnit.SECONDS)) {
                        System.err.println("koppel bench longpoll: not every session got event " + e);
                        return 1;
                    }
                    Thread.sleep(pauseMillis);
                }
                String heapAfter = ServeProcess.mebibytes(server.heapUsedAfterGc());
                if (Boolean.getBoolean("koppel.bench.histogram")) {
                    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
                    String histogram = run(jcmd, server.pid(), "GC.class_histogram");
                    histogram.lines().limit(25).forEach(System.err::println);
                    String threads = run(jcmd, server.pid(), "Thread.print");
                    System.err.println("threads: " + threads.lines().filter(l -> l.startsWith("\"")).count());
                    Path dump = Path.of("/tmp/koppel-longpoll.hprof");
                    Files.deleteIfExists(dump);
                    run(jcmd, server.pid(), "GC.heap_dump " + dump);
                }
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("Koppel long-poll benchmark (%s polls): %d sessions of %d users waiting, server -Xmx%s,"
                        + " Java %s; %d events, one inbox at a time, %d ms apart%n", protocol.toUpperCase(java.util.Locale.ROOT),
                        sessions, users, serverHeap, Runtime.version(), events, pauseMillis);
                System.out.printf("server heap after GC: %s with every poll waiting, %s after the events%n", heapWaiting, heapAfter);
                System.out.printf("event to client (%d deliveries, from sending the message): p50 %.1f ms, p90 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n",
                        sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
                long[] c = creates.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("the message's own round trip (messages.create over HTTP): p50 %.1f ms, p99 %.1f ms%n",
                        pct(c, 50), pct(c, 99));
                return 0;
            } catch (Exception e) {
                System.err.println("koppel bench longpoll failed; the server's last log lines:");
                server.logTail(30).forEach(System.err::println);
                throw e;
            } finally {
                server.close();
            }
        }
    }

    private void poll(String token, int user, AtomicLong[] sentAt, ConcurrentLinkedQueue<Long> latencies,
            CountDownLatch[] waiting, AtomicInteger outstanding) {
        outstanding.incrementAndGet();
        HttpRequest request = protocol.equals("soap") ? soapPoll(token)
                : request("notifications.poll", token, "{\"timeoutSeconds\":120}");
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, err) -> {
                    outstanding.decrementAndGet();
                    if (err == null && r.statusCode() == 200 && r.body().contains("OBJECT_CREATED")) {
                        latencies.add(System.nanoTime() - sentAt[user].get());
                        CountDownLatch l = waiting[0];
                        if (l != null) {
                            l.countDown();
                        }
                    }
                    poll(token, user, sentAt, latencies, waiting, outstanding);
                });
    }

    /** MAPI-over-SOAP's poll, as any SOAP client sends it. */
    private HttpRequest soapPoll(String token) {
        String envelope = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<m:poll xmlns:m=\"urn:koppel:mapi:1\"><m:session>" + token + "</m:session>"
                + "<m:timeoutSeconds>120</m:timeoutSeconds></m:poll></s:Body></s:Envelope>";
        return HttpRequest.newBuilder(URI.create(base + "/soap")).timeout(Duration.ofSeconds(180))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + org.koppel.store.client.soap.MapiSoap.POLL_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
    }

    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    private HttpRequest request(String op, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/" + op)).timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private JsonNode call(String op, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(op, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(op + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    private static String run(Path jcmd, long pid, String what) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        cmd.addAll(List.of(what.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
