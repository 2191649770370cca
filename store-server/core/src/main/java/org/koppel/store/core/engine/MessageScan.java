package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FolderType;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySource;
import org.koppel.mapi.Restriction;
import org.koppel.store.client.MessageSearch;
import org.koppel.store.client.MessageSearchResult;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Rights;
import org.koppel.store.client.TableRow;

/**
 * {@link org.koppel.store.client.Contents#search}: the folders' messages are read in chunks by id (each chunk
 * one short transaction, narrowed by the restriction's SQL part, see {@link SqlPrefilter}), the restriction is
 * evaluated on each decoded message, and only the matches' ids and delivery times are kept; the clock is
 * checked between chunks. The page asked for is then loaded message by message. The cost is one decode per
 * message of the folders searched: there is no full-text index.
 */
final class MessageScan {

    /** Messages read per transaction. */
    static final int CHUNK = 500;
    private static final int MAX_DEPTH = 128;

    private final Scope scope;

    MessageScan(Scope scope) {
        this.scope = scope;
    }

    private record Match(long id, long deliveryTicks) {
    }

    private record Target(StoreRow store, FolderRow folder) {
    }

    MessageSearchResult search(MessageSearch s) {
        Restriction.validate(s.restriction(), scope.ctx.config().maxRestrictionDepth());
        long deadline = System.nanoTime() + s.timeLimit().toNanos();
        List<Target> targets = scope.tx(c -> targets(c, s));
        Optional<SqlPrefilter.Condition> pre = SqlPrefilter.of(s.restriction());
        List<Match> matches = new ArrayList<>();
        for (Target t : targets) {
            List<Long> ids = scope.tx(c -> candidates(c, t, pre));
            for (int from = 0; from < ids.size(); from += CHUNK) {
                if (System.nanoTime() - deadline > 0) {
                    return new MessageSearchResult(false, matches.size(), List.of());
                }
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                scope.tx(c -> {
                    chunk(c, t, s.restriction(), chunk, matches);
                    return null;
                });
            }
        }
        matches.sort(Comparator.comparingLong(Match::deliveryTicks).thenComparingLong(Match::id).reversed());
        int end = (int) Math.min(matches.size(), (long) s.offset() + s.limit());
        List<Match> page = s.offset() >= end ? List.of() : matches.subList(s.offset(), end);
        List<TableRow> rows = page.isEmpty() ? List.of() : scope.tx(c -> rows(c, page, s.columns()));
        return new MessageSearchResult(true, matches.size(), rows);
    }

    /** The folders named (each readable, else NO_ACCESS) and, when recursive, their readable subfolders. */
    private List<Target> targets(Connection c, MessageSearch s) throws SQLException {
        Map<Long, Target> out = new LinkedHashMap<>();
        for (EntryId id : s.folders()) {
            var f = scope.ctx.objects().folder(c, id);
            EngineFolders.requireNotSearch(f.object());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            out.putIfAbsent(f.object().id(), new Target(f.store(), f.object()));
            if (s.recursive()) {
                below(c, f.store(), f.object().id(), 1, out);
            }
        }
        return List.copyOf(out.values());
    }

    private void below(Connection c, StoreRow store, long parentId, int depth, Map<Long, Target> out)
            throws SQLException {
        if (depth > MAX_DEPTH) {
            throw new MapiException.CorruptData("folder tree deeper than " + MAX_DEPTH);
        }
        List<Long> children = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM folders WHERE parent_id = ?")) {
            ps.setLong(1, parentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    children.add(rs.getLong(1));
                }
            }
        }
        for (long id : children) {
            FolderRow child = scope.ctx.objects().folder(c, id);
            int rights = scope.ctx.access().rights(c, scope.caller, store, child);
            if (child.type() != FolderType.FOLDER_SEARCH && Rights.has(rights, Rights.READ_ANY)) {
                out.putIfAbsent(id, new Target(store, child));
            }
            below(c, store, id, depth + 1, out);
        }
    }

    /**
     * The ids of the folder's messages the restriction's SQL part lets through, ascending: one read of the
     * folder's index, so that the chunks after it read their rows by id and never the folder again.
     */
    private static List<Long> candidates(Connection c, Target t, Optional<SqlPrefilter.Condition> pre)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE folder_id = ?"
                + " AND associated = FALSE AND deleted = FALSE" + pre.map(p -> " AND " + p.sql()).orElse(""))) {
            ps.setLong(1, t.folder().id());
            int i = 2;
            for (Object param : pre.map(SqlPrefilter.Condition::params).orElse(List.of())) {
                ps.setObject(i++, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Evaluates the restriction on one chunk of a folder's messages (ids ascending); adds the matches. */
    private void chunk(Connection c, Target t, Restriction restriction, List<Long> ids, List<Match> matches)
            throws SQLException {
        java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
        List<MessageRow> rows = new ArrayList<>(ids.size());
        Map<Long, Long> delivered = new HashMap<>();
        try (PreparedStatement ps = byIds(c, "SELECT " + MessageRow.COLUMNS + ", props, delivery_ticks FROM messages"
                + " WHERE ", "id", ids, "")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageRow m = MessageRow.read(rs, true);
                    // Still in the folder and live: it may have moved since the ids were read.
                    if (wanted.contains(m.id()) && !m.deleted() && m.folderId() != null
                            && m.folderId() == t.folder().id()) {
                        rows.add(m);
                        delivered.put(m.id(), rs.getLong(MessageRow.COLUMN_COUNT + 2));
                    }
                }
            }
        }
        Map<Long, List<Recipient>> recipients = new HashMap<>();
        try (PreparedStatement ps = byIds(c, "SELECT message_id, row_id, recipient_type, display_name, email, props"
                + " FROM recipients WHERE ", "message_id", ids, " ORDER BY message_id, row_id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (delivered.containsKey(rs.getLong(1))) {
                        recipients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(MessageView.recipient(
                                rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBytes(6)));
                    }
                }
            }
        }
        for (MessageRow m : rows) {
            List<Recipient> r = recipients.getOrDefault(m.id(), List.of());
            MessageSource full = new MessageSource(MessageView.properties(t.store(), t.folder(), m, r), r);
            if (restriction.matches(new Indexed(full))) {
                matches.add(new Match(m.id(), delivered.get(m.id())));
            }
        }
    }

    /**
     * A statement selecting by a chunk of ascending ids: a key range when the ids lie close together (one range
     * scan of the primary key; the few rows of other folders in between are dropped by the caller), an IN list
     * when they are spread out (a small folder among many messages).
     */
    private static PreparedStatement byIds(Connection c, String select, String column, List<Long> ids, String tail)
            throws SQLException {
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        PreparedStatement ps;
        if (last - first < 4L * ids.size()) {
            ps = c.prepareStatement(select + column + " >= ? AND " + column + " <= ?" + tail);
            ps.setLong(1, first);
            ps.setLong(2, last);
        } else {
            ps = c.prepareStatement(select + column + " IN (" + String.join(",", java.util.Collections.nCopies(
                    ids.size(), "?")) + ")" + tail);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
        }
        return ps;
    }

    /**
     * A message's properties by tag for the restriction: the evaluator asks for each tag it names, and a
     * list scanned per tag costs more than the evaluation itself. The first value of a tag wins, as in
     * {@link MessageView#pick}.
     */
    private static final class Indexed implements PropertySource {
        private final Map<PropTag, PropValue> byTag;
        private final MessageSource full;

        Indexed(MessageSource full) {
            this.full = full;
            this.byTag = new HashMap<>(full.props().size() * 2);
            for (PropValue v : full.props()) {
                if (!(v instanceof PropValue.ErrorValue)) {
                    byTag.putIfAbsent(v.tag(), v);
                }
            }
        }

        @Override
        public Optional<PropValue> get(PropTag tag) {
            return Optional.ofNullable(byTag.get(tag));
        }

        @Override
        public List<? extends PropertySource> subObjects(org.koppel.mapi.SubObject kind) {
            return full.subObjects(kind);
        }
    }

    /** The page's rows; a message deleted since the scan is left out. */
    private List<TableRow> rows(Connection c, List<Match> page, List<PropTag> columns) throws SQLException {
        List<TableRow> out = new ArrayList<>(page.size());
        Map<Long, StoreRow> stores = new HashMap<>();
        for (Match m : page) {
            Optional<MessageRow> row = live(c, m.id());
            if (row.isEmpty()) {
                continue;
            }
            StoreRow store = stores.get(row.get().storeId());
            if (store == null) {
                store = scope.ctx.objects().store(c, row.get().storeId());
                stores.put(store.id(), store);
            }
            FolderRow folder = scope.ctx.objects().folder(c, row.get().folderId());
            List<Recipient> recipients = MessageView.recipients(c, m.id());
            List<PropValue> props = MessageView.properties(store, folder, row.get(), recipients);
            List<PropValue> values = new ArrayList<>(columns.size());
            for (PropTag tag : columns) {
                values.add(MessageView.pick(props, tag));
            }
            out.add(new TableRow(scope.ctx.objects().messageEntryId(store, m.id()), values));
        }
        return out;
    }

    private static Optional<MessageRow> live(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRow.COLUMNS + ", props FROM messages"
                + " WHERE id = ? AND deleted = FALSE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(MessageRow.read(rs, true)) : Optional.empty();
            }
        }
    }
}
