package org.koppel.dist.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.WellKnownFolder;

/**
 * The store benchmarks, run through the session API as one user on one thread: inserting mail into the
 * Inbox, loading messages at random, and the folder counters and first page of a contents table of a big
 * folder. Every measured part is preceded by an unmeasured warm-up of the same operation.
 */
final class StoreBench {

    static final int BODY_BYTES = 10 * 1024;
    static final int SMALL_BODY_BYTES = 1024;
    static final int ATTACHMENT_BYTES = 100 * 1024;

    /** The ten columns of a typical mail list view. */
    static final List<PropTag> LIST_COLUMNS = List.of(
            PropTags.PR_SUBJECT, PropTags.PR_SENDER_NAME, PropTags.PR_SENT_REPRESENTING_NAME,
            PropTags.PR_DISPLAY_TO, PropTags.PR_MESSAGE_DELIVERY_TIME, PropTags.PR_MESSAGE_SIZE,
            PropTags.PR_MESSAGE_FLAGS, PropTags.PR_HASATTACH, PropTags.PR_IMPORTANCE, PropTags.PR_MESSAGE_CLASS);

    /**
     * @param messages  messages inserted into the Inbox (1 in 5 with an attachment)
     * @param loads     Messages.load calls measured
     * @param bigFolder messages in the big folder
     * @param queries   FolderInfo and contents-table calls measured, each
     */
    record Plan(int messages, int loads, int bigFolder, int queries, long seed, int batch) {
    }

    private final Session session;
    private final List<Session> writers;
    private final Plan plan;
    private final PrintStream progress;

    /**
     * @param writers sessions of further users, each delivering into its own Inbox at the same time for the
     *                concurrent insert figure (none: that figure is skipped)
     */
    StoreBench(Session session, List<Session> writers, Plan plan, PrintStream progress) {
        this.session = session;
        this.writers = List.copyOf(writers);
        this.plan = plan;
        this.progress = progress;
    }

    List<BenchResult> run() {
        List<BenchResult> results = new ArrayList<>();
        StoreInfo store = session.stores().openOwn();
        EntryId inbox = store.folder(WellKnownFolder.INBOX);
        EntryId subtree = store.folder(WellKnownFolder.IPM_SUBTREE);
        Random random = new Random(plan.seed());
        SampleMail mail = new SampleMail(plan.seed(), Instant.parse("2024-01-01T08:00:00Z"), ATTACHMENT_BYTES);

        // (a) inserts; warm up in a folder of its own so the Inbox holds exactly the measured messages
        EntryId warmup = session.folders().create(subtree, "Warm-up", "IPF.Note", CollisionPolicy.OPEN_IF_EXISTS);
        int warmupInserts = Math.min(500, Math.max(50, plan.messages() / 10));
        insert("warm-up", warmup, warmupInserts, i -> mail.next(BODY_BYTES, i % 5 == 0), null);
        List<EntryId> ids = new ArrayList<>(plan.messages());
        results.add(insert("insert 10 KB message, 1 in 5 with 100 KB attachment", inbox, plan.messages(),
                i -> mail.next(BODY_BYTES, i % 5 == 0), ids));

        // (a2) the same mix delivered by several writers at once, each into its own mailbox, as an MTA does
        if (!writers.isEmpty()) {
            results.add(concurrentInserts(mail));
        }

        // (a3) the same mix saved in batches, one transaction each (import, restore)
        if (plan.batch() > 1) {
            EntryId batchFolder = session.folders().create(subtree, "Batches", "IPF.Note", CollisionPolicy.FAIL);
            Latencies lat = new Latencies(plan.messages() / plan.batch() + 1);
            long start = System.nanoTime();
            for (int done = 0; done < plan.messages(); ) {
                int n = Math.min(plan.batch(), plan.messages() - done);
                List<MessageContent> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(mail.next(BODY_BYTES, (done + i) % 5 == 0));
                }
                long t0 = System.nanoTime();
                session.messages().createAll(batchFolder, batch);
                lat.record(System.nanoTime() - t0);
                done += n;
            }
            long elapsed = System.nanoTime() - start;
            BenchResult perBatch = BenchResult.of("same mix in batches of " + plan.batch() + " (createAll)", lat, elapsed);
            results.add(perBatch.withOps(plan.messages()));
        }

        // (b) loads of random messages
        if (!ids.isEmpty()) {
            progress.printf("loading messages: %d warm-up, %d measured%n", Math.min(2_000, plan.loads()), plan.loads());
            for (int i = 0; i < Math.min(2_000, plan.loads()); i++) {
                session.messages().load(ids.get(random.nextInt(ids.size())));
            }
            Latencies lat = new Latencies(plan.loads());
            long start = System.nanoTime();
            for (int i = 0; i < plan.loads(); i++) {
                EntryId id = ids.get(random.nextInt(ids.size()));
                long t0 = System.nanoTime();
                MessageData data = session.messages().load(id);
                lat.record(System.nanoTime() - t0);
                if (data.recipients().size() != 3) {
                    throw new IllegalStateException("loaded message has " + data.recipients().size() + " recipients, not 3");
                }
            }
            results.add(BenchResult.of("Messages.load (props, recipients, attachment list)", lat, System.nanoTime() - start));
        }

        // (c) and (d) on a big folder of small messages
        if (plan.bigFolder() > 0) {
            EntryId big = session.folders().create(subtree, "Big folder", "IPF.Note", CollisionPolicy.FAIL);
            results.add(insert("insert 1 KB message (big folder)", big, plan.bigFolder(),
                    i -> mail.next(SMALL_BODY_BYTES, false), null));
            int warm = Math.max(10, plan.queries() / 10);

            for (int i = 0; i < warm; i++) {
                session.folders().info(big);
            }
            Latencies info = new Latencies(plan.queries());
            long start = System.nanoTime();
            for (int i = 0; i < plan.queries(); i++) {
                long t0 = System.nanoTime();
                FolderInfo fi = session.folders().info(big);
                info.record(System.nanoTime() - t0);
                if (fi.contentCount() != plan.bigFolder()) {
                    throw new IllegalStateException("big folder counts " + fi.contentCount() + " messages, not " + plan.bigFolder());
                }
            }
            results.add(BenchResult.of("Folders.info of a " + plan.bigFolder() + "-message folder", info, System.nanoTime() - start));

            TableQuery query = new TableQuery(LIST_COLUMNS, Optional.empty(),
                    SortOrderSet.of(SortOrder.descending(PropTags.PR_MESSAGE_DELIVERY_TIME)), 0, 50, false);
            int expectedRows = Math.min(50, plan.bigFolder());
            for (int i = 0; i < warm; i++) {
                session.contents().query(big, query);
            }
            Latencies table = new Latencies(plan.queries());
            start = System.nanoTime();
            for (int i = 0; i < plan.queries(); i++) {
                long t0 = System.nanoTime();
                TableResult r = session.contents().query(big, query);
                table.record(System.nanoTime() - t0);
                if (r.rows().size() != expectedRows) {
                    throw new IllegalStateException("contents query gave " + r.rows().size() + " rows, not " + expectedRows);
                }
            }
            results.add(BenchResult.of("Contents.query 50 rows x 10 cols by delivery time desc", table,
                    System.nanoTime() - start));
        }
        return results;
    }

    /** Every writer inserts its share of the messages into its own Inbox, all at once on virtual threads. */
    private BenchResult concurrentInserts(SampleMail template) {
        int share = Math.max(1, plan.messages() / writers.size());
        List<EntryId> inboxes = writers.stream().map(s -> s.stores().openOwn().folder(WellKnownFolder.INBOX)).toList();
        List<List<MessageContent>> work = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            SampleMail mail = new SampleMail(plan.seed() + w + 1, Instant.parse("2024-01-01T08:00:00Z"), ATTACHMENT_BYTES);
            List<MessageContent> list = new ArrayList<>(share);
            for (int i = 0; i < share; i++) {
                list.add(mail.next(BODY_BYTES, i % 5 == 0));
            }
            work.add(list);
        }
        progress.printf("concurrent inserts: %d writers x %d messages%n", writers.size(), share);
        Latencies lat = new Latencies(share * writers.size());
        long start = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                Session s = writers.get(w);
                EntryId inbox = inboxes.get(w);
                List<MessageContent> list = work.get(w);
                futures.add(pool.submit(() -> {
                    for (MessageContent m : list) {
                        long t0 = System.nanoTime();
                        s.messages().create(inbox, m);
                        synchronized (lat) {
                            lat.record(System.nanoTime() - t0);
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("concurrent insert failed", e);
        }
        return BenchResult.of("same mix, " + writers.size() + " writers into " + writers.size() + " mailboxes", lat,
                System.nanoTime() - start);
    }

    /** Inserts {@code count} messages, reporting progress; returns the measurement (null name: warm-up). */
    private BenchResult insert(String name, EntryId folder, int count, IntFunction<MessageContent> content,
                               List<EntryId> ids) {
        Latencies lat = new Latencies(count);
        int step = Math.max(1, count / 10);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            MessageContent m = content.apply(i);
            long t0 = System.nanoTime();
            EntryId id = session.messages().create(folder, m);
            lat.record(System.nanoTime() - t0);
            if (ids != null) {
                ids.add(id);
            }
            if ((i + 1) % step == 0 || i + 1 == count) {
                progress.printf("%s: %d/%d messages%n", name, i + 1, count);
            }
        }
        return BenchResult.of(name, lat, System.nanoTime() - start);
    }
}
