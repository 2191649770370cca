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
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySource;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SubObject;
import org.koppel.store.client.Contents;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Rights;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableRow;

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
    public TableResult query(org.koppel.mapi.EntryId folder, TableQuery query) {
        query.restriction().ifPresent(r -> Restriction.validate(r, scope.ctx.config().maxRestrictionDepth()));
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            boolean sqlSortable = query.sort().keys().stream().allMatch(s -> SORT_COLUMNS.containsKey(s.tag()));
            if (query.restriction().isEmpty() && sqlSortable) {
                return inSql(c, f.store(), f.object(), query);
            }
            return inMemory(c, f.store(), f.object(), query);
        });
    }

    private TableResult inSql(Connection c, StoreRow store, FolderRow folder, TableQuery q) throws SQLException {
        StringBuilder order = new StringBuilder();
        String last = "ASC";
        for (SortOrder s : q.sort().keys()) {
            last = s.direction() == SortOrder.Direction.DESCENDING ? "DESC" : "ASC";
            order.append(SORT_COLUMNS.get(s.tag())).append(' ').append(last).append(", ");
        }
        // The tie-breaker runs the same way as the last key, so an index on (folder, ..., key) can be read
        // in one direction (its entries end in the row id) instead of sorting the whole folder.
        order.append("id ").append(last);
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
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRow.COLUMNS + ", props, display_to"
                + " FROM messages WHERE folder_id = ? AND associated = ? AND deleted = FALSE")) {
            ps.setLong(1, folder.id());
            ps.setBoolean(2, q.associated());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageRow m = MessageRow.read(rs, true);
                    candidates.add(new Candidate(m, null));
                }
            }
        }
        List<Candidate> matched = new ArrayList<>();
        for (Candidate cand : candidates) {
            List<Recipient> recipients = MessageView.recipients(c, cand.row.id());
            List<PropValue> props = MessageView.properties(store, folder, cand.row, recipients);
            Candidate full = new Candidate(cand.row, new MessageSource(props, recipients));
            if (q.restriction().isEmpty() || q.restriction().get().matches(full.source)) {
                matched.add(full);
            }
        }
        Comparator<PropertySource> cmp = q.sort().comparator();
        matched.sort((a, b) -> {
            int r = cmp.compare(a.source, b.source);
            return r != 0 ? r : Long.compare(a.row.id(), b.row.id());
        });
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

    private record Candidate(MessageRow row, MessageSource source) {
    }
}
