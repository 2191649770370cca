package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.Restriction;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Recipient;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.props.RestrictionCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps search folders' results: built in the background when criteria are set (and again after a restart
 * that interrupted a build), then maintained inside the transaction of every message change, so results
 * are exactly as current as the messages themselves.
 */
final class SearchFolders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchFolders.class);
    static final int BUILDING = 1;
    static final int COMPLETE = 2;
    private static final int CHUNK = 200;
    private static final int MAX_DEPTH = 128;

    private final Database db;
    private final StoreObjects objects;
    private final StoreWriteLock lock;
    private final EventPublisher publisher;
    private final ExecutorService builds = Executors.newVirtualThreadPerTaskExecutor();
    /** Stores that have (or had, since start) search folders; the write hook does nothing for the others. */
    private final Set<Long> storesWithSearches = ConcurrentHashMap.newKeySet();

    SearchFolders(Database db, StoreObjects objects, StoreWriteLock lock, EventPublisher publisher) {
        this.db = db;
        this.objects = objects;
        this.lock = lock;
        this.publisher = publisher;
    }

    /** A search folder's criteria as stored. */
    record Definition(long folderId, long storeId, Restriction restriction, boolean recursive, Set<Long> scopes,
            int state, long generation) {
    }

    /** Loads the stores with search folders and resumes the builds a shutdown interrupted. */
    void start() {
        List<Long> unfinished = db.transaction(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT folder_id, store_id, state FROM search_criteria");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    storesWithSearches.add(rs.getLong(2));
                    if (rs.getInt(3) == BUILDING) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        for (long id : unfinished) {
            LOG.info("Resuming the build of search folder {}", id);
            build(id);
        }
    }

    void noteStore(long storeId) {
        storesWithSearches.add(storeId);
    }

    Optional<Definition> definition(Connection c, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT store_id, restriction, subfolders, state, generation"
                + " FROM search_criteria WHERE folder_id = ?")) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Definition(folderId, rs.getLong(1), RestrictionCodec.decode(rs.getBytes(2)),
                        rs.getBoolean(3), scopes(c, folderId), rs.getInt(4), rs.getLong(5)));
            }
        }
    }

    private List<Definition> definitions(Connection c, long storeId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT folder_id FROM search_criteria WHERE store_id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        List<Definition> out = new ArrayList<>();
        for (long id : ids) {
            definition(c, id).ifPresent(out::add);
        }
        return out;
    }

    private static Set<Long> scopes(Connection c, long folderId) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT scope_id FROM search_scopes WHERE folder_id = ?")) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Stores new criteria (results emptied, a build due); the caller calls {@link #build} after commit. */
    void define(Connection c, long folderId, long storeId, Restriction restriction, boolean recursive,
            Set<Long> scopeIds) throws SQLException {
        long generation = 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT generation FROM search_criteria WHERE folder_id = ?")) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    generation = rs.getLong(1) + 1;
                }
            }
        }
        for (String sql : List.of("DELETE FROM search_criteria WHERE folder_id = ?",
                "DELETE FROM search_scopes WHERE folder_id = ?", "DELETE FROM search_results WHERE folder_id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, folderId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_criteria (folder_id, store_id, restriction,"
                + " subfolders, state, generation) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, folderId);
            ps.setLong(2, storeId);
            ps.setBytes(3, RestrictionCodec.encode(restriction));
            ps.setBoolean(4, recursive);
            ps.setInt(5, BUILDING);
            ps.setLong(6, generation);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_scopes (folder_id, scope_id) VALUES (?,?)")) {
            for (long scope : scopeIds) {
                ps.setLong(1, folderId);
                ps.setLong(2, scope);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        recount(c, folderId);
        storesWithSearches.add(storeId);
    }

    // ---- the write hook

    /**
     * Brings the results of the store's search folders up to date with the messages a write transaction
     * touched (its events), inside that transaction; adds a TABLE_CHANGED event per search folder whose
     * results changed.
     */
    void afterWrite(Connection c, EventBuffer out) throws SQLException {
        if (storesWithSearches.isEmpty()) {
            return;
        }
        List<EngineEvent> events = out.peek();
        Map<Long, StoreRow> stores = new HashMap<>();
        Map<Long, Set<Long>> messagesByStore = new HashMap<>();
        Set<Long> emptied = new HashSet<>();
        for (EngineEvent e : events) {
            long storeId = e.store().id();
            if (!storesWithSearches.contains(storeId)) {
                continue;
            }
            stores.put(storeId, e.store());
            if (e.objectType() == MapiObjectType.MAPI_MESSAGE && e.type() != EventType.NEW_MAIL
                    && e.type() != EventType.SUBMITTED) {
                messagesByStore.computeIfAbsent(storeId, k -> new LinkedHashSet<>()).add(e.objectId());
            } else if (e.type() == EventType.TABLE_CHANGED || e.type() == EventType.OBJECT_DELETED) {
                emptied.add(storeId);
            }
        }
        for (var entry : stores.entrySet()) {
            List<Definition> defs = definitions(c, entry.getKey());
            if (defs.isEmpty()) {
                continue;
            }
            Set<Long> changed = new HashSet<>();
            Map<Long, Long> parents = new HashMap<>();
            for (long messageId : messagesByStore.getOrDefault(entry.getKey(), Set.of())) {
                changed.addAll(reevaluate(c, entry.getValue(), defs, messageId, parents));
            }
            if (emptied.contains(entry.getKey())) {
                // Rows removed with a folder or by emptying one went with their messages (foreign key).
                defs.forEach(d -> changed.add(d.folderId()));
            }
            for (long folderId : changed) {
                recount(c, folderId);
                out.add(EngineEvent.folder(EventType.TABLE_CHANGED, entry.getValue(), folderId, null));
            }
        }
    }

    /** Puts one message into or out of each search folder of its store; returns the folders that changed. */
    private Set<Long> reevaluate(Connection c, StoreRow store, List<Definition> defs, long messageId,
            Map<Long, Long> parents) throws SQLException {
        Set<Long> changed = new HashSet<>();
        Optional<MessageRow> row = liveTopLevel(c, messageId);
        if (row.isEmpty()) {
            // A hard-deleted message's result rows went with it (foreign key): the counters need redoing.
            defs.forEach(d -> changed.add(d.folderId()));
        }
        for (Definition d : defs) {
            boolean member = false;
            boolean read = false;
            if (row.isPresent() && inScope(c, d, row.get().folderId(), parents)) {
                MessageRow m = row.get();
                FolderRow folder = objects.folder(c, m.folderId());
                List<Recipient> recipients = MessageView.recipients(c, m.id());
                member = d.restriction().matches(new MessageSource(MessageView.properties(store, folder, m,
                        recipients), recipients));
                read = m.isRead();
            }
            if (put(c, d.folderId(), messageId, member, read)) {
                changed.add(d.folderId());
            }
        }
        return changed;
    }

    private static Optional<MessageRow> liveTopLevel(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRow.COLUMNS + ", props FROM messages"
                + " WHERE id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                MessageRow m = MessageRow.read(rs, true);
                return m.deleted() || m.embedded() || m.associated() ? Optional.empty() : Optional.of(m);
            }
        }
    }

    /** Whether a folder is one the search covers: named, or (recursive) below a named one. */
    private static boolean inScope(Connection c, Definition d, long folderId, Map<Long, Long> parents)
            throws SQLException {
        Long at = folderId;
        for (int depth = 0; at != null && depth <= MAX_DEPTH; depth++) {
            if (d.scopes().contains(at)) {
                return true;
            }
            if (!d.recursive()) {
                return false;
            }
            Long current = at;
            if (!parents.containsKey(current)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM folders WHERE id = ?")) {
                    ps.setLong(1, current);
                    try (ResultSet rs = ps.executeQuery()) {
                        Long parent = null;
                        if (rs.next()) {
                            long p = rs.getLong(1);
                            parent = rs.wasNull() ? null : p;
                        }
                        parents.put(current, parent);
                    }
                }
            }
            at = parents.get(current);
        }
        return false;
    }

    /** Makes the result row match; returns whether anything changed. */
    private static boolean put(Connection c, long folderId, long messageId, boolean member, boolean read)
            throws SQLException {
        Boolean had = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT is_read FROM search_results WHERE folder_id = ? AND message_id = ?")) {
            ps.setLong(1, folderId);
            ps.setLong(2, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    had = rs.getBoolean(1);
                }
            }
        }
        if (!member) {
            if (had == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM search_results WHERE folder_id = ? AND message_id = ?")) {
                ps.setLong(1, folderId);
                ps.setLong(2, messageId);
                ps.executeUpdate();
            }
            return true;
        }
        if (had == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO search_results (folder_id, message_id, is_read) VALUES (?,?,?)")) {
                ps.setLong(1, folderId);
                ps.setLong(2, messageId);
                ps.setBoolean(3, read);
                ps.executeUpdate();
            }
            return true;
        }
        if (had != read) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE search_results SET is_read = ? WHERE folder_id = ? AND message_id = ?")) {
                ps.setBoolean(1, read);
                ps.setLong(2, folderId);
                ps.setLong(3, messageId);
                ps.executeUpdate();
            }
        }
        // A change to a member is a change to the search folder's table too.
        return true;
    }

    /** Sets the search folder's counters from its results. */
    private static void recount(Connection c, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET"
                + " content_count = (SELECT COUNT(*) FROM search_results WHERE folder_id = ?),"
                + " unread_count = (SELECT COUNT(*) FROM search_results WHERE folder_id = ? AND is_read = FALSE)"
                + " WHERE id = ?")) {
            ps.setLong(1, folderId);
            ps.setLong(2, folderId);
            ps.setLong(3, folderId);
            ps.executeUpdate();
        }
    }

    // ---- building

    /** Builds the results of a search folder's current criteria in the background. */
    void build(long folderId) {
        builds.submit(() -> {
            try {
                runBuild(folderId);
            } catch (RuntimeException e) {
                LOG.error("Building search folder {} failed; it resumes at the next start", folderId, e);
            }
        });
    }

    private void runBuild(long folderId) {
        long started = System.nanoTime();
        Optional<Definition> start = db.transaction(c -> definition(c, folderId));
        if (start.isEmpty()) {
            return;
        }
        Definition d = start.get();
        List<Long> folders = db.transaction(c -> scopeFolders(c, d));
        int found = 0;
        for (long scope : folders) {
            long after = 0;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                long from = after;
                long[] result = db.transaction(c -> chunk(c, d, scope, from));
                if (result == null) {
                    return;
                }
                found += (int) result[1];
                if (result[0] < 0) {
                    break;
                }
                after = result[0];
            }
        }
        StoreRow store = db.transaction(c -> {
            lock.lock(c, d.storeId());
            Optional<Definition> now = definition(c, folderId);
            if (now.isEmpty() || now.get().generation() != d.generation()) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE search_criteria SET state = ? WHERE folder_id = ?")) {
                ps.setInt(1, COMPLETE);
                ps.setLong(2, folderId);
                ps.executeUpdate();
            }
            recount(c, folderId);
            return objects.store(c, d.storeId());
        });
        if (store != null) {
            LOG.info("Search folder {} built: {} messages in {} ms", folderId, found,
                    (System.nanoTime() - started) / 1_000_000);
            publisher.publish(List.of(EngineEvent.folder(EventType.SEARCH_COMPLETE, store, folderId, null),
                    EngineEvent.folder(EventType.TABLE_CHANGED, store, folderId, null)));
        }
    }

    /** The folders a definition covers now (for a recursive search, every folder below the named ones). */
    private static List<Long> scopeFolders(Connection c, Definition d) throws SQLException {
        List<Long> out = new ArrayList<>(d.scopes());
        if (!d.recursive()) {
            return out;
        }
        Set<Long> seen = new HashSet<>(out);
        for (int i = 0; i < out.size() && out.size() < 100_000; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM folders WHERE parent_id = ?")) {
                ps.setLong(1, out.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (seen.add(rs.getLong(1))) {
                            out.add(rs.getLong(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Evaluates the next messages of one folder under the store's write lock (so no change slips between
     * reading a message and recording the verdict); returns {last id or -1 when done, matches}, or null
     * when the criteria changed meanwhile.
     */
    private long[] chunk(Connection c, Definition d, long folderId, long after) throws SQLException {
        lock.lock(c, d.storeId());
        Optional<Definition> now = definition(c, d.folderId());
        if (now.isEmpty() || now.get().generation() != d.generation()) {
            return null;
        }
        StoreRow store = objects.store(c, d.storeId());
        Optional<FolderRow> folder = objects.findFolder(c, folderId);
        if (folder.isEmpty()) {
            return new long[] {-1, 0};
        }
        List<MessageRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRow.COLUMNS + ", props FROM messages"
                + " WHERE folder_id = ? AND associated = FALSE AND deleted = FALSE AND id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, folderId);
            ps.setLong(2, after);
            ps.setInt(3, CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(MessageRow.read(rs, true));
                }
            }
        }
        int matches = 0;
        for (MessageRow m : rows) {
            List<Recipient> recipients = MessageView.recipients(c, m.id());
            boolean member = d.restriction().matches(new MessageSource(MessageView.properties(store, folder.get(), m,
                    recipients), recipients));
            put(c, d.folderId(), m.id(), member, m.isRead());
            if (member) {
                matches++;
            }
        }
        return new long[] {rows.size() < CHUNK ? -1 : rows.get(rows.size() - 1).id(), matches};
    }

    @Override
    public void close() {
        builds.shutdownNow();
    }
}
