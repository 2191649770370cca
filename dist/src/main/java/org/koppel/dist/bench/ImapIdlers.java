package org.koppel.dist.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The IDLE part of {@code koppel bench imap}: many connections, each its own TCP connection and IMAP session,
 * LOGIN, SELECT INBOX and IDLE (several per user); then messages arrive over LMTP one at a time and every idling
 * connection of the recipient notes when it reads the {@code * n EXISTS} the gateway pushes.
 */
final class ImapIdlers implements AutoCloseable {

    private static final Pattern EXISTS = Pattern.compile("^\\* \\d+ EXISTS");
    private static final int SETUP_PARALLEL = 32;

    /** One delivery: the recipient's idlers count the latch down when they read their EXISTS. */
    private record Arrival(int number, int user, CountDownLatch latch) {
    }

    /** What the deliveries measured. */
    record Result(Latencies existsAfterAccepted, Latencies existsAfterDataSent, Latencies lmtpRoundTrip, int deliveries,
            int early, int missed) {
    }

    private final int imapPort;
    private final int users;
    private final String password;
    private final List<ImapBenchClient> clients = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> readers = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Latencies setupLogin = new Latencies(4096);
    private final Latencies setupSelect = new Latencies(4096);
    private final AtomicInteger idling = new AtomicInteger();
    private volatile Arrival current;
    private long[] readAt = new long[0];
    private int[] readFor = new int[0];

    ImapIdlers(int imapPort, int users, String password) {
        this.imapPort = imapPort;
        this.users = users;
        this.password = password;
    }

    static String login(int user) {
        return "idle" + user;
    }

    /**
     * Delivers {@code perUser} messages of 2 to 20 KB to each user, so that SELECT has something to list: four
     * LMTP connections, each for every fourth user.
     */
    static void fill(int lmtpPort, int users, int perUser, long seed) throws IOException, InterruptedException {
        int connections = Math.min(4, users);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            threads.add(Thread.ofPlatform().name("imap-bench-fill-" + c).start(() -> {
                SampleMail mail = new SampleMail(seed + first, Instant.parse("2026-03-02T08:00:00Z"), 0);
                Random random = new Random(seed + first);
                try (LmtpDelivery lmtp = LmtpDelivery.connect(lmtpPort)) {
                    for (int m = 0; m < perUser; m++) {
                        for (int u = first; u < users; u += connections) {
                            String to = login(u) + "@example.org";
                            lmtp.deliver(to, mail.internetMessage(to, 2048 + random.nextInt(18 * 1024)));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IOException("filling the idle Inboxes failed: " + failures.get(0), failures.get(0));
        }
    }

    /**
     * Opens {@code connections} connections (connection i belongs to user i % users), at most 32 logging on at
     * once, and returns when every one has had its IDLE continuation request.
     */
    void open(int connections) throws Exception {
        readAt = new long[connections];
        readFor = new int[connections];
        java.util.Arrays.fill(readFor, -1);
        Semaphore parallel = new Semaphore(SETUP_PARALLEL);
        CountDownLatch ready = new CountDownLatch(connections);
        int started = 0;
        for (int i = 0; i < connections; i++) {
            int index = i;
            parallel.acquire();
            readers.add(Thread.ofVirtual().name("imap-idler-" + i).start(() -> idle(index, parallel, ready)));
            started++;
            if (i == 0) {
                // The first one alone, so that the client's classes are loaded before many virtual threads need
                // them at once (a virtual thread loading a class pins its carrier).
                while (ready.getCount() == connections && failures.isEmpty()) {
                    Thread.sleep(10);
                }
            }
            if (!failures.isEmpty()) {
                break;
            }
        }
        for (int never = started; never < connections; never++) {
            ready.countDown();
        }
        if (!ready.await(10, TimeUnit.MINUTES) || !failures.isEmpty()) {
            Throwable first = failures.isEmpty() ? new IllegalStateException("connections not idling in time") : failures.get(0);
            throw new IOException("opening the IDLE connections failed (" + idling.get() + " idling): " + first, first);
        }
    }

    int idling() {
        return idling.get();
    }

    Latencies setupLogin() {
        return setupLogin;
    }

    Latencies setupSelect() {
        return setupSelect;
    }

    private void idle(int index, Semaphore parallel, CountDownLatch ready) {
        int user = index % users;
        ImapBenchClient c = null;
        String tag;
        try {
            try {
                // A server that stops answering (one out of heap did) fails the run within a minute.
                c = ImapBenchClient.connect("127.0.0.1", imapPort, 60_000);
                clients.add(c);
                long t0 = System.nanoTime();
                c.command("LOGIN " + login(user) + " " + password).orFail();
                long t1 = System.nanoTime();
                c.command("SELECT INBOX").orFail();
                long t2 = System.nanoTime();
                synchronized (this) {
                    setupLogin.record(t1 - t0);
                    setupSelect.record(t2 - t1);
                }
                tag = c.idle();
                c.timeout(0);
                idling.incrementAndGet();
            } finally {
                parallel.release();
                ready.countDown();
            }
            while (true) {
                String r = c.readResponse();
                if (r.startsWith(tag + " ")) {
                    if (!r.startsWith(tag + " OK")) {
                        throw new IOException("DONE answered " + r);
                    }
                    break;
                }
                if (EXISTS.matcher(r).find()) {
                    arrived(index, user);
                }
            }
            idling.decrementAndGet();
            c.timeout(60_000);
            c.command("LOGOUT").orFail();
            c.close();
        } catch (Throwable t) {
            failures.add(new IOException("idle connection " + index + " (" + login(user) + "): " + t.getMessage(), t));
        }
    }

    private void arrived(int index, int user) {
        long now = System.nanoTime();
        Arrival a = current;
        if (a != null && a.user() == user && readFor[index] != a.number()) {
            readAt[index] = now;
            readFor[index] = a.number();
            a.latch().countDown();
        }
    }

    /**
     * Delivers {@code count} messages one at a time, to user 0, 1, ... in turn, each once the previous one's
     * EXISTS has reached every idler of its user (or 10 s passed) and {@code pauseMillis} more.
     */
    Result deliver(int lmtpPort, int count, int pauseMillis, long seed) throws IOException, InterruptedException {
        int connections = readAt.length;
        Latencies exists = new Latencies(connections * count / Math.max(1, users) + 16);
        Latencies existsAfterData = new Latencies(connections * count / Math.max(1, users) + 16);
        Latencies lmtpTimes = new Latencies(count);
        SampleMail mail = new SampleMail(seed, Instant.parse("2026-03-03T08:00:00Z"), 0);
        Random random = new Random(seed);
        int early = 0;
        int missed = 0;
        try (LmtpDelivery lmtp = LmtpDelivery.connect(lmtpPort)) {
            for (int k = 0; k < count; k++) {
                int user = k % users;
                int idlers = connections / users + (user < connections % users ? 1 : 0);
                Arrival a = new Arrival(k, user, new CountDownLatch(idlers));
                String to = login(user) + "@example.org";
                byte[] message = mail.internetMessage(to, 2048 + random.nextInt(18 * 1024));
                current = a;
                LmtpDelivery.Delivered d = lmtp.deliver(to, message);
                lmtpTimes.record(d.accepted() - d.started());
                boolean all = a.latch().await(10, TimeUnit.SECONDS);
                current = null;
                for (int i = user; i < connections; i += users) {
                    if (readFor[i] == k) {
                        long took = readAt[i] - d.accepted();
                        if (took < 0) {
                            early++;
                        }
                        exists.record(Math.max(0, took));
                        existsAfterData.record(readAt[i] - d.dataSent());
                    } else {
                        missed++;
                    }
                }
                if (!all && missed > 5 * idlers) {
                    throw new IOException("idlers of " + count + " deliveries missed their EXISTS " + missed
                            + " times; " + idling.get() + " still idling; " + failures.size() + " failed"
                            + (failures.isEmpty() ? "" : ", first: " + failures.get(0)));
                }
                Thread.sleep(pauseMillis);
            }
        }
        return new Result(exists, existsAfterData, lmtpTimes, count, early, missed);
    }

    List<Throwable> failures() {
        return failures;
    }

    /** Ends every IDLE with DONE and logs out; a connection that cannot is closed. */
    @Override
    public void close() throws InterruptedException {
        List<ImapBenchClient> open;
        synchronized (clients) {
            open = new ArrayList<>(clients);
        }
        for (ImapBenchClient c : open) {
            try {
                c.done();
            } catch (IOException gone) {
                // its reader has reported it
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Thread> all;
        synchronized (readers) {
            all = new ArrayList<>(readers);
        }
        for (Thread t : all) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
                break;
            }
        }
        for (ImapBenchClient c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
