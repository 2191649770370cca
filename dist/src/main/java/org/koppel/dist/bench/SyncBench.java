package org.koppel.dist.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.WellKnownFolder;

/**
 * Incremental export cost against folder size: two folders of 1 KB messages, a small and a big one; each
 * round makes the same mix of changes in both (not measured), then exports them (measured). The export
 * must cost the same whatever the folder holds.
 */
final class SyncBench {

    /** @param changes changes per round: 40% edits, 30% read flags, 20% new, 10% hard deletes */
    record Plan(int small, int big, int changes, int rounds, long seed) {
    }

    private final Session session;
    private final Plan plan;
    private final PrintStream progress;

    SyncBench(Session session, Plan plan, PrintStream progress) {
        this.session = session;
        this.plan = plan;
        this.progress = progress;
    }

    List<BenchResult> run() {
        EntryId subtree = session.stores().openOwn().folder(WellKnownFolder.IPM_SUBTREE);
        SampleMail mail = new SampleMail(plan.seed(), Instant.parse("2024-01-01T08:00:00Z"), 0);
        EntryId small = fill(session.folders().create(subtree, "Small", "IPF.Note", CollisionPolicy.FAIL),
                plan.small(), mail);
        EntryId big = fill(session.folders().create(subtree, "Big", "IPF.Note", CollisionPolicy.FAIL), plan.big(),
                mail);
        Folder s = new Folder(small, plan.small());
        Folder b = new Folder(big, plan.big());
        Random random = new Random(plan.seed());
        ContentsSyncOptions options = ContentsSyncOptions.defaults().withBatchSize(Math.max(1, plan.changes() * 2))
                .withColumns(List.of(PropTags.PR_SUBJECT, PropTags.PR_MESSAGE_DELIVERY_TIME));
        for (Folder f : List.of(s, b)) {
            progress.printf("initial export of %d messages%n", f.size);
            f.state = drain(f, ContentsSyncOptions.defaults().withBatchSize(ContentsSyncOptions.MAX_BATCH), null);
        }
        Latencies smallLat = new Latencies(plan.rounds());
        Latencies bigLat = new Latencies(plan.rounds());
        long smallWall = 0;
        long bigWall = 0;
        int warm = Math.max(3, plan.rounds() / 10);
        for (int round = -warm; round < plan.rounds(); round++) {
            for (Folder f : List.of(s, b)) {
                change(f, random, mail);
                long t0 = System.nanoTime();
                f.state = drain(f, options, f.state);
                long took = System.nanoTime() - t0;
                if (round >= 0) {
                    (f == s ? smallLat : bigLat).record(took);
                    if (f == s) {
                        smallWall += took;
                    } else {
                        bigWall += took;
                    }
                }
            }
        }
        List<BenchResult> out = new ArrayList<>();
        out.add(BenchResult.of("export " + plan.changes() + " changes from a " + plan.small() + "-message folder",
                smallLat, smallWall));
        out.add(BenchResult.of("export " + plan.changes() + " changes from a " + plan.big() + "-message folder",
                bigLat, bigWall));
        return out;
    }

    /** A folder under test: its messages (entry ids, for changes) and the exporter's state. */
    private final class Folder {
        final EntryId id;
        final int size;
        final List<EntryId> messages = new ArrayList<>();
        SyncState state = SyncState.initial();

        Folder(EntryId id, int size) {
            this.id = id;
            this.size = size;
        }
    }

    private EntryId fill(EntryId folder, int count, SampleMail mail) {
        int step = Math.max(1, count / 10);
        for (int done = 0; done < count; ) {
            int n = Math.min(1_000, count - done);
            List<MessageContent> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(mail.next(StoreBench.SMALL_BODY_BYTES, false));
            }
            session.messages().createAll(folder, batch);
            done += n;
            if (done % step < n || done == count) {
                progress.printf("filling: %d/%d messages%n", done, count);
            }
        }
        return folder;
    }

    /** Exports until complete; remembers the messages it saw (the initial export) for later changes. */
    private SyncState drain(Folder f, ContentsSyncOptions options, SyncState from) {
        SyncState state = from == null ? SyncState.initial() : from;
        int changes = 0;
        while (true) {
            ContentsExport e = session.changes().exportContents(f.id, state, options);
            changes += e.changes().size();
            if (from == null) {
                e.changes().forEach(c -> f.messages.add(c.entryId().orElseThrow()));
            }
            state = e.state();
            if (e.complete()) {
                break;
            }
        }
        if (from != null && changes < plan.changes() / 2) {
            throw new IllegalStateException("the export found " + changes + " changes, expected about "
                    + plan.changes());
        }
        return state;
    }

    /** One round's changes: edits, read flags, new messages and deletions, spread over the folder. */
    private void change(Folder f, Random random, SampleMail mail) {
        int n = plan.changes();
        for (int i = 0; i < n; i++) {
            int kind = i * 10 / n;
            if (kind < 4) {
                EntryId m = f.messages.get(random.nextInt(f.messages.size()));
                session.messages().update(m, List.of(PropValue.of(PropTags.PR_SUBJECT, "edited " + i)), List.of());
            } else if (kind < 7) {
                EntryId m = f.messages.get(random.nextInt(f.messages.size()));
                session.messages().setReadFlags(f.id, List.of(m), random.nextBoolean());
            } else if (kind < 9) {
                f.messages.add(session.messages().create(f.id, mail.next(StoreBench.SMALL_BODY_BYTES, false)));
            } else {
                EntryId m = f.messages.remove(random.nextInt(f.messages.size()));
                session.messages().delete(List.of(m), true);
            }
        }
    }
}
