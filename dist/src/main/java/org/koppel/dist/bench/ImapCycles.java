package org.koppel.dist.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cycle part of {@code koppel bench imap}: each client loops what a mail client does on a visit to its own
 * Inbox (LOGIN, SELECT, the header list, one whole message, flag changes, APPEND of a new message that it then
 * deletes and expunges so that the Inbox keeps its size, LOGOUT) and every step is timed.
 */
final class ImapCycles {

    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS");
    private static final Pattern FETCH = Pattern.compile("^\\* (\\d+) FETCH \\(");
    private static final Pattern SIZE = Pattern.compile("RFC822\\.SIZE (\\d+)");
    private static final Pattern UID = Pattern.compile("UID (\\d+)");
    private static final Pattern BODY_LITERAL = Pattern.compile("BODY\\[] \\{(\\d+)}");
    private static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID \\d+ (\\d+)]");
    private static final String HEADERS = "BODY.PEEK[HEADER.FIELDS (From To Subject Date Message-ID)]";
    private static final int MIN_MESSAGE = 2 * 1024;
    private static final int MAX_MESSAGE = 20 * 1024;

    /** What the clients measured, merged; {@code oddities} counts answers that were OK but not as expected. */
    record Result(Map<ImapStep, Latencies> latencies, long measuredNanos, int oddities, String firstOddity) {
    }

    private final int imapPort;
    private final int mailboxSize;
    private final long seed;
    private final AtomicInteger oddities = new AtomicInteger();
    private volatile String firstOddity = "";

    ImapCycles(int imapPort, int mailboxSize, long seed) {
        this.imapPort = imapPort;
        this.mailboxSize = mailboxSize;
        this.seed = seed;
    }

    /** Delivers {@code mailboxSize} messages of 2 to 20 KB into each login's Inbox over LMTP, one connection each. */
    void fill(int lmtpPort, List<String> logins) throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            String login = logins.get(i);
            long clientSeed = seed + i;
            threads.add(Thread.ofPlatform().name("imap-bench-fill-" + i).start(() -> {
                SampleMail mail = new SampleMail(clientSeed, Instant.parse("2026-01-05T08:00:00Z"), 0);
                Random random = new Random(clientSeed);
                try (LmtpDelivery lmtp = LmtpDelivery.connect(lmtpPort)) {
                    for (int m = 0; m < mailboxSize; m++) {
                        String to = login + "@example.org";
                        lmtp.deliver(to, mail.internetMessage(to, messageSize(random)));
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
            throw new IllegalStateException("filling the Inboxes failed: " + failures.get(0), failures.get(0));
        }
    }

    /**
     * Runs one client per login for {@code warmupSeconds} unmeasured and then {@code seconds} measured; a cycle
     * counts when it started in the measured time. A client that fails stops the run with its error.
     */
    Result run(List<String> logins, String password, int warmupSeconds, int seconds) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Map<ImapStep, Latencies>> perClient = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            Map<ImapStep, Latencies> mine = recorders(seconds * 100);
            perClient.add(mine);
            String login = logins.get(i);
            long clientSeed = seed * 31 + i;
            threads.add(Thread.ofPlatform().name("imap-bench-" + i).start(() -> {
                Random random = new Random(clientSeed);
                SampleMail mail = new SampleMail(clientSeed, Instant.parse("2026-02-02T08:00:00Z"), 0);
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= measureTo || !failures.isEmpty()) {
                            return;
                        }
                        cycle(login, password, random, mail, t0 >= measureFrom ? mine : null);
                    }
                } catch (Throwable t) {
                    failures.add(new IOException(login + ": " + t.getMessage(), t));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            throw first instanceof Exception e ? e : new IllegalStateException(first);
        }
        Map<ImapStep, Latencies> all = recorders(seconds * 100 * logins.size());
        for (Map<ImapStep, Latencies> mine : perClient) {
            mine.forEach((step, l) -> l.copyInto(all.get(step)));
        }
        return new Result(all, measureTo - measureFrom, oddities.get(), firstOddity);
    }

    /** One visit; {@code record} is null during the warm-up. */
    private void cycle(String login, String password, Random random, SampleMail mail, Map<ImapStep, Latencies> record)
            throws IOException {
        long cycleStart = System.nanoTime();
        long t = cycleStart;
        try (ImapBenchClient c = ImapBenchClient.connect("127.0.0.1", imapPort, 60_000)) {
            t = lap(record, ImapStep.CONNECT, t);
            c.command("LOGIN " + login + " " + password).orFail();
            t = lap(record, ImapStep.LOGIN, t);
            ImapBenchClient.Reply select = c.command("SELECT INBOX").orFail();
            t = lap(record, ImapStep.SELECT, t);
            int exists = exists(select.untagged(), -1);
            if (exists != mailboxSize) {
                odd("SELECT INBOX of " + login + " showed " + exists + " EXISTS, not " + mailboxSize);
            }
            if (exists < 1) {
                throw new ImapBenchClient.ImapBenchException("SELECT INBOX of " + login + " showed " + exists + " EXISTS");
            }

            ImapBenchClient.Reply headers = c.command("FETCH 1:* (UID FLAGS RFC822.SIZE " + HEADERS + ")").orFail();
            t = lap(record, ImapStep.FETCH_HEADERS, t);
            long[] sizes = new long[exists + 1];
            int listed = 0;
            for (String r : headers.untagged()) {
                Matcher f = FETCH.matcher(r);
                if (f.find()) {
                    int seq = Integer.parseInt(f.group(1));
                    Matcher size = SIZE.matcher(r);
                    if (seq <= exists && size.find() && UID.matcher(r).find()) {
                        sizes[seq] = Long.parseLong(size.group(1));
                        listed++;
                    }
                }
            }
            if (listed != exists) {
                odd("FETCH 1:* listed " + listed + " of " + exists + " messages with UID and RFC822.SIZE");
            }

            int one = 1 + random.nextInt(exists);
            ImapBenchClient.Reply body = c.command("FETCH " + one + " BODY[]").orFail();
            t = lap(record, ImapStep.FETCH_BODY, t);
            Matcher literal = BODY_LITERAL.matcher(String.join("\n", body.untagged()));
            if (!literal.find()) {
                odd("FETCH " + one + " BODY[] brought no BODY[] literal");
            } else if (sizes[one] != 0 && Long.parseLong(literal.group(1)) != sizes[one]) {
                odd("FETCH " + one + " BODY[] brought " + literal.group(1) + " octets, RFC822.SIZE said " + sizes[one]);
            }

            String set = (1 + random.nextInt(exists)) + "," + (1 + random.nextInt(exists)) + "," + (1 + random.nextInt(exists));
            c.command("STORE " + set + (random.nextBoolean() ? " +" : " -") + "FLAGS (\\Flagged)").orFail();
            t = lap(record, ImapStep.STORE_FLAGGED, t);

            String to = login + "@example.org";
            ImapBenchClient.Reply append = c.append("INBOX", "\\Seen", mail.internetMessage(to, messageSize(random))).orFail();
            t = lap(record, ImapStep.APPEND, t);
            Matcher uid = APPENDUID.matcher(append.text());
            if (!uid.find()) {
                throw new ImapBenchClient.ImapBenchException("APPEND gave no APPENDUID: " + append.text());
            }
            c.command("UID STORE " + uid.group(1) + " +FLAGS (\\Deleted)").orFail();
            t = lap(record, ImapStep.STORE_DELETED, t);
            ImapBenchClient.Reply expunge = c.command("EXPUNGE").orFail();
            t = lap(record, ImapStep.EXPUNGE, t);
            if (expunge.untagged().stream().noneMatch(r -> r.endsWith(" EXPUNGE"))) {
                odd("EXPUNGE after APPENDUID " + uid.group(1) + " expunged nothing");
            }
            c.command("LOGOUT").orFail();
            lap(record, ImapStep.LOGOUT, t);
        }
        lap(record, ImapStep.CYCLE, cycleStart);
    }

    private static int exists(List<String> untagged, int otherwise) {
        int exists = otherwise;
        for (String r : untagged) {
            Matcher m = EXISTS.matcher(r);
            if (m.find()) {
                exists = Integer.parseInt(m.group(1));
            }
        }
        return exists;
    }

    private static long lap(Map<ImapStep, Latencies> record, ImapStep step, long since) {
        long now = System.nanoTime();
        if (record != null) {
            record.get(step).record(now - since);
        }
        return now;
    }

    private void odd(String what) {
        if (oddities.getAndIncrement() == 0) {
            firstOddity = what;
        }
    }

    private static int messageSize(Random random) {
        return MIN_MESSAGE + random.nextInt(MAX_MESSAGE - MIN_MESSAGE + 1);
    }

    private static Map<ImapStep, Latencies> recorders(int expected) {
        Map<ImapStep, Latencies> m = new EnumMap<>(ImapStep.class);
        for (ImapStep s : ImapStep.values()) {
            m.put(s, new Latencies(expected));
        }
        return m;
    }
}
