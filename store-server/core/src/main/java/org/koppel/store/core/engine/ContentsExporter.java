package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.PR_CHANGE_KEY;
import static org.koppel.mapi.PropTags.PR_PREDECESSOR_CHANGE_LIST;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.Recipient;

/**
 * Exports a folder's message changes since a {@link SyncCursor}, in batches.
 *
 * <p>A batch covers the change numbers (c, c']: every message that entered the folder, changed, or left it
 * in that range. Four index range scans find them (messages by entered_cn, by change_number and by read_cn,
 * tombstones by deleted_cn), each limited to the batch size, and c' is the position of the batch-size-th distinct
 * object among them, so a batch costs O(batch) whatever the folder size. Because messages are also found by the change number
 * they entered with, a message that entered inside the range and changed again after it is still given in
 * this batch: after a batch ending at c', the client has every message that entered up to c' and is still
 * there. That is what tells additions from modifications exactly: a message is new to the client if and
 * only if it entered after the cursor (and not by the client's own import).
 */
final class ContentsExporter {

    private final Scope scope;

    ContentsExporter(Scope scope) {
        this.scope = scope;
    }

    /** A row with the change-tracking columns the classification needs. */
    private record Candidate(MessageRow row, long deliveryTicks, int enteredKind, Long enteredOrigin,
            Long contentOrigin, Long readOrigin) {
    }

    /** A tombstone in the batch. */
    private record Tombstone(long id, byte[] sourceKey, boolean associated, int kind, long enteredCn,
            Long enteredOrigin, long deletedCn, Long origin, Long targetFolder, long deliveryTicks) {
    }

    ContentsExport export(Connection c, StoreObjects.Located<FolderRow> f, SyncCursor start, ContentsSyncOptions o)
            throws SQLException {
        o.restriction().ifPresent(r -> Restriction.validate(r, scope.ctx.config().maxRestrictionDepth()));
        long hash = optionsHash(o);
        if (start.optionsHash() != 0 && start.optionsHash() != hash) {
            throw new MapiException.InvalidSyncState("the sync state was made with other export options"
                    + " (normal/associated, read-state only or restriction); start again");
        }
        long[] store = storeCounters(c, f.store().id());
        long last = store[0];
        long horizon = store[1];
        SyncCursor cur = start.withOptions(hash).batchAt(last);
        if (cur.cn() > last) {
            throw new MapiException.InvalidSyncState("the sync state is ahead of the store (restored from backup?)");
        }
        if (cur.cn() > 0 && cur.cn() < horizon) {
            throw new MapiException.InvalidSyncState("the sync state is older than the kept deletions; start again");
        }
        long target = o.receivedSince().map(i -> FileTime.toTicks(i)).orElse(SyncCursor.NO_WINDOW);
        long window = cur.cn() == 0 ? target : cur.window();
        int n = o.batchSize();
        Pass pass = new Pass(c, f, cur, o);

        // 1. Move the time window, once the client has every change under the old one (so that a deletion
        // is always judged against the window the client had when it happened), a batch at a time.
        long effective = window;
        boolean shifted = window == target;
        if (o.readStateOnly()) {
            effective = target;
            shifted = true;
        } else if (!shifted && cur.cn() == last) {
            Shift shift = window > target ? widen(pass, target, window, n) : narrow(pass, window, target, n);
            effective = shift.edge();
            shifted = shift.done();
        }
        pass.window = effective;

        // 2. Or the changes in (cn, cn'], or the rest of a change number a batch got part way through.
        long end = last;
        SyncCursor after = null;
        if (cur.partialCn() != 0) {
            after = partway(c, f, cur, o, pass, cur.partialCn(), cur.partialMessage(), cur.partialTombstone());
            end = after.partialCn() != 0 ? cur.cn() : after.cn();
        } else if (cur.cn() < last) {
            String filter = associatedFilter(o);
            List<List<long[]>> found = new ArrayList<>(MESSAGE_POSITIONS.size());
            for (String column : MESSAGE_POSITIONS) {
                found.add(positions(c, "SELECT id, " + column + ", entered_cn FROM messages WHERE folder_id = ? AND "
                        + column
                        + " > ? AND " + column + " <= ? AND deleted = FALSE" + filter + " ORDER BY " + column
                        + " LIMIT ?", f.object().id(), cur.cn(), last, n));
            }
            List<long[]> gone = positions(c, "SELECT id, deleted_cn FROM tombstones WHERE folder_id = ?"
                    + " AND deleted_cn > ? AND deleted_cn <= ?" + filter + " ORDER BY deleted_cn LIMIT ?",
                    f.object().id(), cur.cn(), last, n);
            // Full: a list stopped at n. Or the four lists together hold more than n objects.
            boolean full = gone.size() == n || found.stream().anyMatch(l -> l.size() == n)
                    || objectsUpTo(found, gone, last) > n;
            if (full) {
                end = batchEnd(found, gone, n);
                // A list that stopped at end may hold more of it: read on there, n + 1 more at most.
                for (int i = 0; i < found.size(); i++) {
                    List<long[]> l = found.get(i);
                    if (l.size() == n && l.get(n - 1)[1] == end) {
                        String column = MESSAGE_POSITIONS.get(i);
                        l.addAll(idsAt(c, "SELECT id, " + column + ", entered_cn FROM messages WHERE folder_id = ? AND "
                                + column + " = ? AND id > ? AND deleted = FALSE" + filter + " ORDER BY id LIMIT ?",
                                f.object().id(), end, 0, n + 1));
                    }
                }
                if (gone.size() == n && gone.get(n - 1)[1] == end) {
                    gone.addAll(idsAt(c, "SELECT id, deleted_cn FROM tombstones WHERE folder_id = ? AND deleted_cn = ?"
                            + " AND id > ?" + filter + " ORDER BY id LIMIT ?", f.object().id(), end, 0, n + 1));
                }
                if (objectsUpTo(found, gone, end) <= n) {
                    // end holds no more than fit: the batch is (cn, end] whole.
                } else if (before(found, gone, end)) {
                    // The n-th object's change number may hold more (one bulk operation): they wait for the next
                    // batch, so a batch never holds more than n objects.
                    end = end - 1;
                } else {
                    // The first n objects all share one change number: give them a batch at a time by id.
                    after = partway(c, f, cur, o, pass, end, 0, 0);
                    end = after.partialCn() != 0 ? cur.cn() : after.cn();
                }
            }
            if (after == null) {
                Set<Long> rowIds = new HashSet<>();
                for (List<long[]> l : found) {
                    for (long[] p : l) {
                        // A message that entered after the batch is found at its entering, in a later batch, with
                        // all it is then (a move keeps its older content and read change numbers).
                        if (p[1] <= end && p[2] <= end) {
                            rowIds.add(p[0]);
                        }
                    }
                }
                Set<Long> tombIds = new HashSet<>();
                for (long[] p : gone) {
                    if (p[1] <= end) {
                        tombIds.add(p[0]);
                    }
                }
                classify(c, pass, rowIds, tombIds);
            }
        }
        if (after != null && after.partialCn() != 0) {
            // Part way through a change number: the run goes on.
            return new ContentsExport(pass.out, after.encode(), false);
        }
        boolean complete = end == last && shifted;
        return new ContentsExport(pass.out, cur.at(end, effective, complete).encode(), complete);
    }

    /** Loads a batch's messages and tombstones and reports what the client lacks of them. */
    private void classify(Connection c, Pass pass, Set<Long> rowIds, Set<Long> tombIds) throws SQLException {
        pass.removals(loadTombstones(c, tombIds));
        Map<Long, Candidate> rows = load(c, rowIds);
        Map<Long, List<Recipient>> read = MessageView.recipients(c, rows.keySet());
        rows.keySet().forEach(id -> pass.recipients.put(id, read.getOrDefault(id, List.of())));
        pass.rows(rows.values());
    }

    /**
     * A batch inside change number {@code at}, which more objects share than a batch holds: the messages found
     * at it with ids after {@code afterMessage} (by id), then the tombstones at it with ids after
     * {@code afterTombstone}, n in all. Each query reads at most n + 1 index entries, so the batch costs O(n)
     * however many objects share the number. Returns the cursor after it: still part way, or at {@code at}.
     */
    private SyncCursor partway(Connection c, StoreObjects.Located<FolderRow> f, SyncCursor cur,
            ContentsSyncOptions o, Pass pass, long at, long afterMessage, long afterTombstone) throws SQLException {
        int n = o.batchSize();
        String filter = associatedFilter(o);
        Set<Long> rowIds = new HashSet<>();
        long messagesTo = afterMessage;
        int taken = 0;
        if (afterMessage != SyncCursor.ALL) {
            java.util.TreeMap<Long, Long> ids = new java.util.TreeMap<>(); // id -> entered_cn
            for (String column : MESSAGE_POSITIONS) {
                for (long[] p : idsAt(c, "SELECT id, entered_cn FROM messages WHERE folder_id = ? AND " + column
                        + " = ? AND id > ? AND deleted = FALSE" + filter + " ORDER BY id LIMIT ?",
                        f.object().id(), at, afterMessage, n + 1)) {
                    ids.put(p[0], p[1]);
                }
            }
            // Each list holds its first ids after afterMessage in order, so every id up to the union's n-th is
            // here; the union has more than n exactly when some object at this number is left for later.
            messagesTo = SyncCursor.ALL;
            for (Map.Entry<Long, Long> e : ids.entrySet()) {
                if (taken == n) {
                    messagesTo = ids.lowerKey(e.getKey());
                    break;
                }
                taken++;
                // A message that entered after this number is found at its entering, with all it is then.
                if (e.getValue() <= at) {
                    rowIds.add(e.getKey());
                }
            }
        }
        Set<Long> tombIds = new HashSet<>();
        long tombstonesTo = afterTombstone;
        boolean done = messagesTo == SyncCursor.ALL;
        if (done && taken < n) {
            List<long[]> gone = idsAt(c, "SELECT id, deleted_cn FROM tombstones WHERE folder_id = ? AND deleted_cn = ?"
                    + " AND id > ?" + filter + " ORDER BY id LIMIT ?", f.object().id(), at, afterTombstone,
                    n - taken + 1);
            for (long[] p : gone) {
                if (taken == n) {
                    done = false;
                    break;
                }
                taken++;
                tombIds.add(p[0]);
                tombstonesTo = p[0];
            }
        } else if (done) {
            // The batch is full with the last messages; the tombstones (if any) come next time.
            done = idsAt(c, "SELECT id, deleted_cn FROM tombstones WHERE folder_id = ? AND deleted_cn = ?"
                    + " AND id > ?" + filter + " ORDER BY id LIMIT ?", f.object().id(), at, afterTombstone, 1)
                    .isEmpty();
        }
        classify(c, pass, rowIds, tombIds);
        return done ? cur.at(at, pass.window, false) : cur.partway(at, messagesTo, tombstonesTo);
    }

    /** How many distinct objects the lists hold at positions up to {@code end}. */
    private static int objectsUpTo(List<List<long[]>> found, List<long[]> gone, long end) {
        Set<Long> seen = new HashSet<>();
        found.forEach(l -> l.stream().filter(p -> p[1] <= end).forEach(p -> seen.add(p[0])));
        gone.stream().filter(p -> p[1] <= end).forEach(p -> seen.add(-p[0] - 1)); // tombstone ids apart
        return seen.size();
    }

    /** Whether any object of the batch has a position before {@code end}. */
    private static boolean before(List<List<long[]>> found, List<long[]> gone, long end) {
        for (List<long[]> l : found) {
            for (long[] p : l) {
                if (p[1] < end) {
                    return true;
                }
            }
        }
        return gone.stream().anyMatch(p -> p[1] < end);
    }

    private static List<long[]> idsAt(Connection c, String sql, long folderId, long at, long after, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, folderId);
            ps.setLong(2, at);
            ps.setLong(3, after);
            ps.setInt(4, limit);
            return pairs(ps);
        }
    }

    /** The classification of one batch, and what it found. */
    private final class Pass {
        final Connection c;
        final StoreObjects.Located<FolderRow> f;
        final SyncCursor cur;
        final ContentsSyncOptions o;
        final List<ContentChange> out = new ArrayList<>();
        final Set<Long> reported = new HashSet<>();
        /** Recipients read ahead for the batch's rows (others are read one by one). */
        final Map<Long, List<Recipient>> recipients = new HashMap<>();
        long window;

        Pass(Connection c, StoreObjects.Located<FolderRow> f, SyncCursor cur, ContentsSyncOptions o) {
            this.c = c;
            this.f = f;
            this.cur = cur;
            this.o = o;
        }

        /**
         * Whether the client has this incarnation of the row: it entered before the cursor inside the window
         * the client's copy reflects, or the client made it (by an import).
         */
        boolean given(Candidate cand) {
            if (mine(cand.enteredOrigin())) {
                return true;
            }
            boolean inClientWindow = cand.row().associated() || cur.window() == SyncCursor.NO_WINDOW
                    || cand.deliveryTicks() >= cur.window();
            return cand.row().enteredCn() <= cur.cn() && inClientWindow;
        }

        /**
         * Whether the client was given a message that has left: it entered before the cursor, but not if it
         * entered during this run of batches and was gone before the run's first batch (so no batch saw it).
         */
        boolean given(Tombstone t) {
            if (Objects.equals(t.enteredOrigin(), cur.syncId())) {
                return true;
            }
            boolean inClientWindow = t.associated() || cur.window() == SyncCursor.NO_WINDOW
                    || t.deliveryTicks() >= cur.window();
            if (t.enteredCn() > cur.cn() || !inClientWindow) {
                return false;
            }
            return !(t.enteredCn() > cur.cycleStart() && t.deletedCn() <= cur.cycleSnapshot());
        }

        boolean mine(Long origin) {
            return Objects.equals(origin, cur.syncId());
        }

        boolean inWindow(Candidate cand) {
            return cand.row().associated() || window == SyncCursor.NO_WINDOW || cand.deliveryTicks() >= window;
        }

        void removals(List<Tombstone> tombs) throws SQLException {
            if (o.readStateOnly()) {
                return;
            }
            tombs.sort((a, b) -> Long.compare(a.deletedCn(), b.deletedCn()));
            Map<Long, Optional<SourceKey>> targets = new HashMap<>();
            for (Tombstone t : tombs) {
                if (mine(t.origin()) || !given(t)) {
                    continue;
                }
                ChangeKind kind = switch (ChangeTrail.Departure.of(t.kind())) {
                    case SOFT_DELETED -> ChangeKind.SOFT_DELETED;
                    case HARD_DELETED -> ChangeKind.HARD_DELETED;
                    case MOVED_OUT -> ChangeKind.MOVED_OUT;
                };
                Optional<SourceKey> other = Optional.empty();
                if (t.targetFolder() != null) {
                    other = targets.get(t.targetFolder());
                    if (other == null) {
                        other = folderSourceKey(c, t.targetFolder());
                        targets.put(t.targetFolder(), other);
                    }
                }
                out.add(new ContentChange(kind, SourceKey.parse(t.sourceKey()), Optional.empty(), t.associated(),
                        false, 0, t.deletedCn(), List.of(), other));
            }
        }

        /** Reports what the client lacks of each changed row, oldest change first. */
        void rows(Collection<Candidate> rows) throws SQLException {
            List<Candidate> sorted = new ArrayList<>(rows);
            sorted.sort((a, b) -> Long.compare(Math.min(a.row().enteredCn(), a.row().touchedCn()),
                    Math.min(b.row().enteredCn(), b.row().touchedCn())));
            for (Candidate cand : sorted) {
                MessageRow r = cand.row();
                if (r.deleted() || reported.contains(r.id())) {
                    continue;
                }
                boolean readChanged = r.readCn() > cur.cn() && !mine(cand.readOrigin());
                if (o.readStateOnly()) {
                    if (readChanged) {
                        out.add(readState(r));
                    }
                    continue;
                }
                boolean given = given(cand);
                boolean contentChanged = r.changeNumber() > cur.cn() && !mine(cand.contentOrigin());
                if (!given) {
                    Full full = full(cand);
                    if (full.matches) {
                        ChangeKind kind = switch (ChangeTrail.Entry.of(cand.enteredKind())) {
                            case CREATED -> ChangeKind.NEW;
                            case MOVED_IN -> ChangeKind.MOVED_IN;
                            case RESTORED -> ChangeKind.RESTORED;
                        };
                        out.add(change(kind, r, full.props));
                    }
                } else if (contentChanged || readChanged) {
                    Full full = full(cand);
                    if (!full.matches) {
                        out.add(new ContentChange(ChangeKind.LEFT_FILTER, SourceKey.parse(r.sourceKey()),
                                Optional.empty(), r.associated(), r.isRead(), 0, r.touchedCn(), List.of(),
                                Optional.empty()));
                    } else if (contentChanged) {
                        out.add(change(ChangeKind.MODIFIED, r, full.props));
                    } else {
                        out.add(readState(r));
                    }
                }
            }
        }

        /** The row's properties and whether it is inside the export's restriction and window. */
        record Full(List<PropValue> props, boolean matches) {
        }

        Full full(Candidate cand) throws SQLException {
            List<Recipient> list = recipients.containsKey(cand.row().id()) ? recipients.get(cand.row().id())
                    : MessageView.recipients(c, cand.row().id());
            List<PropValue> props = MessageView.properties(f.store(), f.object(), cand.row(), list);
            boolean matches = inWindow(cand)
                    && (o.restriction().isEmpty() || o.restriction().get().matches(new MessageSource(props,
                            list)));
            return new Full(props, matches);
        }

        ContentChange change(ChangeKind kind, MessageRow r, List<PropValue> all) {
            reported.add(r.id());
            List<PropValue> values = new ArrayList<>(o.columns().size() + 2);
            for (PropTag t : o.columns()) {
                values.add(MessageView.pick(all, t));
            }
            if (!o.columns().contains(PR_CHANGE_KEY)) {
                values.add(MessageView.pick(all, PR_CHANGE_KEY));
            }
            if (!o.columns().contains(PR_PREDECESSOR_CHANGE_LIST)) {
                values.add(MessageView.pick(all, PR_PREDECESSOR_CHANGE_LIST));
            }
            return new ContentChange(kind, SourceKey.parse(r.sourceKey()),
                    Optional.of(scope.ctx.objects().messageEntryId(f.store(), r.id())), r.associated(), r.isRead(),
                    r.enteredCn(), r.touchedCn(), values, Optional.empty());
        }

        ContentChange readState(MessageRow r) {
            reported.add(r.id());
            return new ContentChange(ChangeKind.READ_STATE, SourceKey.parse(r.sourceKey()),
                    Optional.of(scope.ctx.objects().messageEntryId(f.store(), r.id())), r.associated(), r.isRead(),
                    r.enteredCn(), r.touchedCn(), List.of(), Optional.empty());
        }
    }

    /** How far a window move got in this batch. */
    private record Shift(long edge, boolean done) {
    }

    /**
     * The window grows back to {@code target}: ordinary messages delivered in [target, from) that the
     * client was not given come in as new, newest first, a batch at a time.
     */
    private Shift widen(Pass pass, long target, long from, int n) throws SQLException {
        List<long[]> found = positions(pass.c, "SELECT id, delivery_ticks FROM messages WHERE folder_id = ?"
                + " AND associated = FALSE AND deleted = FALSE AND delivery_ticks >= ? AND delivery_ticks < ?"
                + " ORDER BY delivery_ticks DESC LIMIT ?", pass.f.object().id(), target, from, n + 1);
        long edge = target;
        boolean done = found.size() <= n;
        if (!done) {
            long boundary = found.get(n - 1)[1];
            edge = boundary;
            if (found.get(n)[1] == boundary) {
                // More messages share the boundary's delivery time than fit: stop short of it when the batch has
                // others, so it holds at most n; only when all share it do they come together.
                OptionalLong above = found.stream().mapToLong(p -> p[1]).filter(t -> t > boundary).min();
                if (above.isPresent()) {
                    edge = above.getAsLong();
                } else {
                    found.addAll(positions(pass.c, "SELECT id, delivery_ticks FROM messages WHERE folder_id = ?"
                            + " AND associated = FALSE AND deleted = FALSE AND delivery_ticks = ?",
                            pass.f.object().id(), boundary));
                }
            }
            final long kept = edge;
            found.removeIf(p -> p[1] < kept);
        }
        pass.window = edge;
        Map<Long, Candidate> rows = load(pass.c, ids(found));
        for (Candidate cand : rows.values()) {
            MessageRow r = cand.row();
            // Rows that entered after the cursor are the change pass's to report.
            if (r.enteredCn() > pass.cur.cn() || pass.mine(cand.enteredOrigin()) || pass.reported.contains(r.id())) {
                continue;
            }
            Pass.Full full = pass.full(cand);
            if (full.matches()) {
                pass.out.add(pass.change(ChangeKind.NEW, r, full.props()));
            }
        }
        return new Shift(edge, done);
    }

    /**
     * The window shrinks to {@code target}: ordinary messages delivered in [from, target) that the client
     * has leave it, oldest first, a batch at a time.
     */
    private Shift narrow(Pass pass, long from, long target, int n) throws SQLException {
        List<long[]> found = positions(pass.c, "SELECT id, delivery_ticks FROM messages WHERE folder_id = ?"
                + " AND associated = FALSE AND deleted = FALSE AND delivery_ticks >= ? AND delivery_ticks < ?"
                + " ORDER BY delivery_ticks LIMIT ?", pass.f.object().id(), from, target, n + 1);
        long edge = target;
        boolean done = found.size() <= n;
        if (!done) {
            long boundary = found.get(n - 1)[1];
            edge = boundary + 1;
            if (found.get(n)[1] == boundary) {
                // As in widen: stop short of a delivery time more messages share than fit, when there are others.
                if (found.get(0)[1] < boundary) {
                    edge = boundary;
                } else {
                    found.addAll(positions(pass.c, "SELECT id, delivery_ticks FROM messages WHERE folder_id = ?"
                            + " AND associated = FALSE AND deleted = FALSE AND delivery_ticks = ?",
                            pass.f.object().id(), boundary));
                }
            }
            final long kept = edge;
            found.removeIf(p -> p[1] >= kept);
        }
        Map<Long, Candidate> rows = load(pass.c, ids(found));
        for (Candidate cand : rows.values()) {
            MessageRow r = cand.row();
            if (!pass.given(cand) || pass.reported.contains(r.id())) {
                continue;
            }
            pass.reported.add(r.id());
            pass.out.add(new ContentChange(ChangeKind.LEFT_FILTER, SourceKey.parse(r.sourceKey()), Optional.empty(),
                    false, r.isRead(), 0, r.touchedCn(), List.of(), Optional.empty()));
        }
        return new Shift(edge, done);
    }

    private static Set<Long> ids(List<long[]> found) {
        Set<Long> ids = new HashSet<>();
        found.forEach(p -> ids.add(p[0]));
        return ids;
    }

    /**
     * The change numbers a live message is found by, each its own index range: when it entered the folder, its
     * last content change, its last read-state change. Scanning by their maximum (touched_cn) alone hid a content
     * change behind a later read change: a batch ending between the two passed over the content change, and the
     * next batch, finding the message by its read change, judged the content as already given.
     */
    private static final List<String> MESSAGE_POSITIONS = List.of("entered_cn", "change_number", "read_cn");

    /**
     * The change number at which the batch holds {@code n} objects: the position of the n-th distinct object in
     * change-number order (a new message is found by all its scans at the same number and counts once). Each list
     * holds distinct objects of its kind, so a full list has n of them by its last position: the end is never past
     * a position a truncated list did not reach.
     */
    private static long batchEnd(List<List<long[]>> found, List<long[]> gone, int n) {
        List<long[]> events = new ArrayList<>();
        found.forEach(l -> l.forEach(p -> events.add(new long[] {p[1], p[0]})));
        gone.forEach(p -> events.add(new long[] {p[1], -p[0] - 1})); // tombstone ids apart from message ids
        events.sort((a, b) -> Long.compare(a[0], b[0]));
        Set<Long> seen = new HashSet<>();
        for (long[] e : events) {
            if (seen.add(e[1]) && seen.size() == n) {
                return e[0];
            }
        }
        return events.get(events.size() - 1)[0]; // not reached: a full list alone has n distinct objects
    }

    private static String associatedFilter(ContentsSyncOptions o) {
        if (o.normal() && o.associated()) {
            return "";
        }
        return o.associated() ? " AND associated = TRUE" : " AND associated = FALSE";
    }

    /**
     * Runs an (id, position) query over a range of a folder (change numbers or delivery times; the query
     * says which bounds are open), limited to {@code limit} rows.
     */
    private static List<long[]> positions(Connection c, String sql, long folderId, long from, long to, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, folderId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setInt(4, limit);
            return pairs(ps);
        }
    }

    private static List<long[]> positions(Connection c, String sql, long folderId, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, folderId);
            ps.setLong(2, at);
            return pairs(ps);
        }
    }

    private static List<long[]> pairs(PreparedStatement ps) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                long[] row = new long[columns];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getLong(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static final int IN_CHUNK = 200;

    /** Loads rows by id with their change-tracking columns. */
    private static Map<Long, Candidate> load(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, Candidate> out = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>(ids);
        all.sort(null);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRow.COLUMNS + ", props, delivery_ticks,"
                    + " entered_kind, entered_origin, content_origin, read_origin FROM messages WHERE id IN ("
                    + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int at = MessageRow.COLUMN_COUNT + 2;
                    while (rs.next()) {
                        MessageRow row = MessageRow.read(rs, true);
                        out.put(row.id(), new Candidate(row, rs.getLong(at), rs.getInt(at + 1), nullable(rs, at + 2),
                                nullable(rs, at + 3), nullable(rs, at + 4)));
                    }
                }
            }
        }
        return out;
    }

    private static List<Tombstone> loadTombstones(Connection c, Set<Long> ids) throws SQLException {
        List<Tombstone> out = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source_key, associated, kind, entered_cn,"
                    + " entered_origin, deleted_cn, origin, target_folder_id, delivery_ticks FROM tombstones"
                    + " WHERE id IN (" + marks
                    + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Tombstone(rs.getLong(1), rs.getBytes(2), rs.getBoolean(3), rs.getInt(4),
                                rs.getLong(5), nullable(rs, 6), rs.getLong(7), nullable(rs, 8), nullable(rs, 9),
                                rs.getLong(10)));
                    }
                }
            }
        }
        return out;
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Optional<SourceKey> folderSourceKey(Connection c, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_key FROM folders WHERE id = ?")) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SourceKey.parse(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** The store's last change number and tombstone horizon, read before anything else in the batch. */
    static long[] storeCounters(Connection c, long storeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_cn, tombstone_horizon_cn FROM stores WHERE id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("store does not exist");
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** A fingerprint of the options a state is tied to (never 0, which means "not yet tied"). */
    static long optionsHash(ContentsSyncOptions o) {
        String text = o.normal() + "|" + o.associated() + "|" + o.readStateOnly() + "|"
                + o.restriction().map(Restriction::toString).orElse("");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = java.nio.ByteBuffer.wrap(d).getLong();
            return h == 0 ? 1 : h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
