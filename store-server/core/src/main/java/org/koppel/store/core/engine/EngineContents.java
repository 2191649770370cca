package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySource;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SubObject;
import org.koppel.store.client.Contents;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Rights;
import org.koppel.store.client.TableBookmark;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.TableSeek;

/**
 * Contents tables. A query without a restriction whose sort keys are all column copies of hot properties
 * runs in SQL (index order, one page read); anything else is evaluated over the folder's rows in memory.
 */
final class EngineContents implements Contents {

    /** Sortable properties that have their own column. */
    private static final Map<PropTag, String> SORT_COLUMNS = Map.ofEntries(
            Map.entry(PR_MESSAGE_DELIVERY_TIME, "delivery_ticks"),
            Map.entry(PR_SUBJECT, "subject"),
            Map.entry(PR_SENDER_NAME, "sender_name"),
            Map.entry(PR_DISPLAY_TO, "display_to"),
            Map.entry(PR_MESSAGE_SIZE, "size_bytes"),
            Map.entry(PR_MESSAGE_SIZE_EXTENDED, "size_bytes"),
            Map.entry(PR_IMPORTANCE, "importance"),
            Map.entry(PR_MESSAGE_CLASS, "message_class"),
            Map.entry(PR_MESSAGE_FLAGS, "message_flags"),
            Map.entry(PR_CREATION_TIME, "created_ticks"),
            Map.entry(PR_LAST_MODIFICATION_TIME, "modified_ticks"));

    private final Scope scope;

    EngineContents(Scope scope) {
        this.scope = scope;
    }

    @Override
    public TableResult query(EntryId folder, TableQuery query) {
        query.restriction().ifPresent(r -> Restriction.validate(r, scope.ctx.config().maxRestrictionDepth()));
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            if (inSql(query, f.object())) {
                return inSql(c, f.store(), f.object(), query);
            }
            return inMemory(c, f.store(), f.object(), query);
        });
    }

    @Override
    public OptionalInt findRow(EntryId folder, TableQuery query, Restriction find, int start, boolean backward) {
        query.restriction().ifPresent(r -> Restriction.validate(r, scope.ctx.config().maxRestrictionDepth()));
        Restriction.validate(find, scope.ctx.config().maxRestrictionDepth());
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            List<Long> ids = orderedIds(c, f.store(), f.object(), query);
            if (ids.isEmpty()) {
                return OptionalInt.empty();
            }
            int from = Math.max(0, Math.min(start, ids.size() - 1));
            int step = backward ? -1 : 1;
            for (int i = from; i >= 0 && i < ids.size(); i += step) {
                var located = scope.ctx.objects().message(c, scope.ctx.objects().messageEntryId(f.store(),
                        ids.get(i)), true);
                MessageRow row = located.message();
                List<Recipient> recipients = MessageView.recipients(c, row.id());
                if (find.matches(new MessageSource(MessageView.properties(f.store(), located.folder(), row,
                        recipients), recipients))) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        });
    }

    @Override
    public TableBookmark bookmark(EntryId folder, TableQuery query, int offset) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            List<Long> ids = orderedIds(c, f.store(), f.object(), query);
            if (offset < 0 || offset >= ids.size()) {
                throw new MapiException.NotFound("the table has no row " + offset);
            }
            long id = ids.get(offset);
            var located = scope.ctx.objects().message(c, scope.ctx.objects().messageEntryId(f.store(), id), true);
            MessageRow row = located.message();
            List<PropValue> keys = new ArrayList<>();
            if (inSql(query, f.object())) {
                keys.addAll(columnKeys(c, id, query));
            } else {
                List<Recipient> recipients = MessageView.recipients(c, id);
                List<PropValue> props = MessageView.properties(f.store(), located.folder(), row, recipients);
                for (SortOrder s : query.sort().keys()) {
                    PropValue v = MessageView.pick(props, s.tag());
                    if (!(v instanceof PropValue.ErrorValue)) {
                        keys.add(v);
                    }
                }
            }
            return TablePlace.bookmark(id, keys);
        });
    }

    @Override
    public TableSeek seek(EntryId folder, TableQuery query, TableBookmark bookmark) {
        TablePlace place = TablePlace.of(bookmark);
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            if (inSql(query, f.object())) {
                int at = sqlPosition(c, f.object(), query, place, true);
                int before = sqlPosition(c, f.object(), query, place, false);
                return new TableSeek(before, at != before);
            }
            List<Candidate> matched = matched(c, f.store(), f.object(), query);
            Comparator<PropertySource> cmp = query.sort().comparator();
            PropertySource keys = new MessageSource(place.keys(), List.of());
            int before = 0;
            boolean found = false;
            for (Candidate cand : matched) {
                if (cand.row.id() == place.rowId()) {
                    found = true;
                    break;
                }
                int r = cmp.compare(cand.source, keys);
                boolean tieBefore = idDescending(query) ? cand.row.id() > place.rowId() : cand.row.id() < place.rowId();
                if (r < 0 || r == 0 && tieBefore) {
                    before++;
                }
            }
            return new TableSeek(before, found);
        });
    }

    @Override
    public org.koppel.store.client.MessageSearchResult search(org.koppel.store.client.MessageSearch search) {
        return new MessageScan(scope).search(search);
    }

    /** The row ids of a table, for a table subscription (the caller needs read access). */
    List<Long> rowIds(EntryId folder, TableQuery query) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            TableQuery unsorted = new TableQuery(List.of(), query.restriction(), org.koppel.mapi.SortOrderSet.none(),
                    0, 0, query.associated());
            return orderedIds(c, f.store(), f.object(), unsorted);
        });
    }

    /** Every row id of the table in its order (no properties decoded when the table sorts in SQL). */
    private List<Long> orderedIds(Connection c, StoreRow store, FolderRow folder, TableQuery q) throws SQLException {
        List<Long> ids = new ArrayList<>();
        if (!inSql(q, folder)) {
            for (Candidate cand : matched(c, store, folder, q)) {
                ids.add(cand.row.id());
            }
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE folder_id = ? AND associated = ?"
                + " AND deleted = FALSE ORDER BY " + orderClause(q))) {
            ps.setLong(1, folder.id());
            ps.setBoolean(2, q.associated());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The sort columns' values of a row, as the SQL order sees them (times as ticks). */
    private static List<PropValue> columnKeys(Connection c, long id, TableQuery q) throws SQLException {
        List<PropValue> keys = new ArrayList<>();
        if (q.sort().keys().isEmpty()) {
            return keys;
        }
        StringBuilder cols = new StringBuilder();
        for (SortOrder s : q.sort().keys()) {
            cols.append(cols.isEmpty() ? "" : ", ").append(SORT_COLUMNS.get(s.tag()));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM messages WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("the row is gone");
                }
                int i = 1;
                for (SortOrder s : q.sort().keys()) {
                    Object v = rs.getObject(i++);
                    keys.add(v instanceof String str ? PropValue.of(s.tag().withType(PropType.PT_UNICODE), str)
                            : PropValue.of(s.tag().withType(PropType.PT_I8), ((Number) v).longValue()));
                }
            }
        }
        return keys;
    }

    /**
     * How many rows of a SQL-sorted table come before the bookmarked place ({@code inclusive}: up to and
     * including it), compared the way the database orders them.
     */
    private static int sqlPosition(Connection c, FolderRow folder, TableQuery q, TablePlace place, boolean inclusive)
            throws SQLException {
        List<SortOrder> sort = q.sort().keys();
        if (place.keys().size() != sort.size()) {
            throw new MapiException.InvalidParameter("the bookmark belongs to a table with another sort order");
        }
        StringBuilder where = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i <= sort.size(); i++) {
            if (i > 0) {
                where.append(" OR ");
            }
            where.append('(');
            for (int j = 0; j < i; j++) {
                where.append(j < sort.size() ? SORT_COLUMNS.get(sort.get(j).tag()) : "id").append(" = ? AND ");
                params.add(place.keys().get(j).javaValue());
            }
            if (i < sort.size()) {
                where.append(SORT_COLUMNS.get(sort.get(i).tag())).append(descending(sort.get(i)) ? " > ?" : " < ?");
                params.add(place.keys().get(i).javaValue());
            } else {
                where.append("id ").append(idDescending(q) ? ">" : "<").append(inclusive ? "= ?" : " ?");
                params.add(place.rowId());
            }
            where.append(')');
        }
        where.append(')');
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM messages WHERE folder_id = ?"
                + " AND associated = ? AND deleted = FALSE AND " + where)) {
            ps.setLong(1, folder.id());
            ps.setBoolean(2, q.associated());
            int i = 3;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The ORDER BY of a table sorted in SQL. The tie-breaker (row id) runs the same way as the last key, so
     * an index on (folder, ..., key) can be read in one direction (its entries end in the row id) instead
     * of sorting the whole folder.
     */
    private static String orderClause(TableQuery q) {
        StringBuilder order = new StringBuilder();
        for (SortOrder s : q.sort().keys()) {
            order.append(SORT_COLUMNS.get(s.tag())).append(descending(s) ? " DESC" : " ASC").append(", ");
        }
        return order.append("id ").append(idDescending(q) ? "DESC" : "ASC").toString();
    }

    private static boolean descending(SortOrder s) {
        return s.direction() == SortOrder.Direction.DESCENDING;
    }

    private static boolean idDescending(TableQuery q) {
        List<SortOrder> keys = q.sort().keys();
        return !keys.isEmpty() && descending(keys.get(keys.size() - 1));
    }

    /** Whether the table is read in SQL order (no restriction, sort keys all columns, not a search folder). */
    private static boolean inSql(TableQuery q, FolderRow folder) {
        return folder.type() != org.koppel.mapi.FolderType.FOLDER_SEARCH && q.restriction().isEmpty()
                && q.sort().keys().stream().allMatch(s -> SORT_COLUMNS.containsKey(s.tag()));
    }

    private TableResult inSql(Connection c, StoreRow store, FolderRow folder, TableQuery q) throws SQLException {
        String order = orderClause(q);
        int total = q.associated() ? folder.assocCount() : folder.contentCount();
        List<TableRow> rows = new ArrayList<>();
        if (q.limit() == 0) {
            return new TableResult(total, rows);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRow.COLUMNS + ", props, display_to"
                + " FROM messages WHERE folder_id = ? AND associated = ? AND deleted = FALSE ORDER BY " + order
                + " LIMIT ? OFFSET ?")) {
            ps.setLong(1, folder.id());
            ps.setBoolean(2, q.associated());
            ps.setInt(3, q.limit());
            ps.setInt(4, q.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageRow m = MessageRow.read(rs, true);
                    rows.add(row(c, store, folder, m, rs.getString(22), q.columns()));
                }
            }
        }
        return new TableResult(total, rows);
    }

    private TableRow row(Connection c, StoreRow store, FolderRow folder, MessageRow m, String displayTo,
            List<PropTag> columns) throws SQLException {
        boolean needRecipients = columns.contains(PR_DISPLAY_CC) || columns.contains(PR_DISPLAY_BCC);
        List<Recipient> recipients = needRecipients ? MessageView.recipients(c, m.id()) : List.of();
        List<PropValue> all = new ArrayList<>(MessageView.properties(store, folder, m, recipients));
        if (!needRecipients) {
            all.removeIf(v -> v.tag().equals(PR_DISPLAY_TO));
            all.add(PropValue.of(PR_DISPLAY_TO, displayTo));
        }
        List<PropValue> values = new ArrayList<>(columns.size());
        for (PropTag t : columns) {
            values.add(MessageView.pick(all, t));
        }
        return new TableRow(scope.ctx.objects().messageEntryId(store, m.id()), values);
    }

    private TableResult inMemory(Connection c, StoreRow store, FolderRow folder, TableQuery q) throws SQLException {
        List<Candidate> matched = matched(c, store, folder, q);
        List<TableRow> rows = new ArrayList<>();
        int end = (int) Math.min(matched.size(), (long) q.offset() + q.limit());
        for (int i = q.offset(); i < end; i++) {
            Candidate cand = matched.get(i);
            List<PropValue> values = new ArrayList<>(q.columns().size());
            for (PropTag t : q.columns()) {
                values.add(MessageView.pick(cand.source.props(), t));
            }
            rows.add(new TableRow(scope.ctx.objects().messageEntryId(store, cand.row.id()), values));
        }
        return new TableResult(matched.size(), rows);
    }

    /**
     * The table's rows in order, evaluated in memory: the restriction's SQL-evaluable part narrows the rows
     * read (see {@link SqlPrefilter}), the whole restriction and the sort run on the decoded properties.
     */
    private List<Candidate> matched(Connection c, StoreRow store, FolderRow folder, TableQuery q)
            throws SQLException {
        Optional<SqlPrefilter.Condition> pre = q.restriction().flatMap(SqlPrefilter::of);
        boolean search = folder.type() == org.koppel.mapi.FolderType.FOLDER_SEARCH;
        // A search folder's rows are other folders' messages, listed in its results.
        String source = search
                ? " FROM search_results r JOIN messages m ON m.id = r.message_id WHERE r.folder_id = ?"
                : " FROM messages m WHERE m.folder_id = ?";
        List<MessageRow> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m." + MessageRow.COLUMNS.replace(", ", ", m.")
                + ", m.props, m.display_to" + source + " AND m.associated = ? AND m.deleted = FALSE"
                + pre.map(p -> " AND " + p.sql()).orElse(""))) {
            ps.setLong(1, folder.id());
            ps.setBoolean(2, q.associated());
            int i = 3;
            for (Object param : pre.map(SqlPrefilter.Condition::params).orElse(List.of())) {
                ps.setObject(i++, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(MessageRow.read(rs, true));
                }
            }
        }
        List<Candidate> matched = new ArrayList<>();
        Map<Long, FolderRow> homes = new java.util.HashMap<>();
        Map<Long, List<Recipient>> allRecipients = MessageView.recipients(c,
                candidates.stream().map(MessageRow::id).toList());
        for (MessageRow row : candidates) {
            List<Recipient> recipients = allRecipients.getOrDefault(row.id(), List.of());
            FolderRow home = folder;
            if (search) {
                home = homes.get(row.folderId());
                if (home == null) {
                    home = scope.ctx.objects().folder(c, row.folderId());
                    homes.put(row.folderId(), home);
                }
            }
            List<PropValue> props = MessageView.properties(store, home, row, recipients);
            Candidate full = new Candidate(row, new MessageSource(props, recipients));
            if (q.restriction().isEmpty() || q.restriction().get().matches(full.source)) {
                matched.add(full);
            }
        }
        Comparator<PropertySource> cmp = q.sort().comparator();
        boolean idDescending = idDescending(q);
        matched.sort((a, b) -> {
            int r = cmp.compare(a.source, b.source);
            return r != 0 ? r : idDescending ? Long.compare(b.row.id(), a.row.id()) : Long.compare(a.row.id(), b.row.id());
        });
        return matched;
    }

    private record Candidate(MessageRow row, MessageSource source) {
    }
}
