package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.FolderChange;
import org.koppel.store.client.HierarchyExport;
import org.koppel.store.client.Rights;

/**
 * Exports the folder changes below a root since a {@link SyncCursor}, always complete (hierarchies are a
 * few hundred folders). The store's folder skeleton (id, parent, change numbers) is read once to know the
 * subtree and depths; the changed folders are then loaded one by one.
 *
 * <p>The export covers (c, S] where S is the store's change number read first: a folder is reported if it
 * was created or changed in that range, as new if created in it. A folder created in range and changed
 * again after S is reported now (as new, with its current state) so that the next export, which sees it
 * changed after S, rightly calls it modified.
 */
final class HierarchyExporter {

    private final Scope scope;

    HierarchyExporter(Scope scope) {
        this.scope = scope;
    }

    private record Node(long id, Long parent, long changeNumber, long createdCn, byte[] sourceKey) {
    }

    HierarchyExport export(Connection c, StoreObjects.Located<FolderRow> root, SyncCursor cur) throws SQLException {
        long[] counters = ContentsExporter.storeCounters(c, root.store().id());
        long last = counters[0];
        if (cur.cn() > last) {
            throw new MapiException.InvalidSyncState("the sync state is ahead of the store (restored from backup?)");
        }
        if (cur.cn() > 0 && cur.cn() < counters[1]) {
            throw new MapiException.InvalidSyncState("the sync state is older than the kept deletions; start again");
        }
        List<FolderChange> out = new ArrayList<>();
        if (cur.cn() < last) {
            try (PreparedStatement ps = c.prepareStatement("SELECT source_key FROM folder_tombstones"
                    + " WHERE store_id = ? AND deleted_cn > ? AND deleted_cn <= ? AND created_cn <= ?"
                    + " ORDER BY deleted_cn")) {
                ps.setLong(1, root.store().id());
                ps.setLong(2, cur.cn());
                ps.setLong(3, last);
                ps.setLong(4, cur.cn());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FolderChange(ChangeKind.HARD_DELETED, SourceKey.parse(rs.getBytes(1)),
                                Optional.empty(), Optional.empty()));
                    }
                }
            }
            Map<Long, Node> nodes = skeleton(c, root.store().id());
            Map<Long, Integer> depth = subtree(nodes, root.object().id());
            EngineFolders folders = new EngineFolders(scope);
            List<Node> changed = new ArrayList<>();
            for (Node node : nodes.values()) {
                boolean inRange = (node.createdCn() > cur.cn() && node.createdCn() <= last)
                        || (node.changeNumber() > cur.cn() && node.changeNumber() <= last);
                if (inRange && node.id() != root.object().id()) {
                    changed.add(node);
                }
            }
            changed.sort((a, b) -> {
                int d = Integer.compare(depth.getOrDefault(a.id(), 0), depth.getOrDefault(b.id(), 0));
                return d != 0 ? d : Long.compare(a.id(), b.id());
            });
            for (Node node : changed) {
                Optional<FolderRow> row = scope.ctx.objects().findFolder(c, node.id());
                if (row.isEmpty()) {
                    continue;
                }
                FolderRow f = row.get();
                boolean isNew = f.createdCn() > cur.cn();
                if (!depth.containsKey(node.id())) {
                    // Moved out of the exported subtree: gone, as far as this client is concerned.
                    if (!isNew) {
                        out.add(new FolderChange(ChangeKind.HARD_DELETED, SourceKey.parse(f.sourceKey()),
                                Optional.empty(), Optional.empty()));
                    }
                    continue;
                }
                int rights = scope.ctx.access().rights(c, scope.caller, root.store(), f);
                if ((rights & Rights.FOLDER_VISIBLE) == 0) {
                    continue;
                }
                Optional<SourceKey> parent = Optional.ofNullable(f.parentId()).map(nodes::get)
                        .map(p -> SourceKey.parse(p.sourceKey()));
                out.add(new FolderChange(isNew ? ChangeKind.NEW : ChangeKind.MODIFIED, SourceKey.parse(f.sourceKey()),
                        parent, Optional.of(folders.toInfo(c, root.store(), f, depth.get(node.id())))));
            }
        }
        return new HierarchyExport(out, cur.at(last, SyncCursor.NO_WINDOW, true).encode());
    }

    private static Map<Long, Node> skeleton(Connection c, long storeId) throws SQLException {
        Map<Long, Node> nodes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, parent_id, change_number, created_cn, source_key FROM folders WHERE store_id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    Long p = rs.wasNull() ? null : parent;
                    nodes.put(rs.getLong(1), new Node(rs.getLong(1), p, rs.getLong(3), rs.getLong(4), rs.getBytes(5)));
                }
            }
        }
        return nodes;
    }

    /** The folders strictly below {@code rootId}, with their depth (children of the root are at 1). */
    private static Map<Long, Integer> subtree(Map<Long, Node> nodes, long rootId) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Node n : nodes.values()) {
            if (n.parent() != null) {
                children.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n.id());
            }
        }
        Map<Long, Integer> depth = new HashMap<>();
        Deque<long[]> todo = new ArrayDeque<>();
        todo.push(new long[] {rootId, 0});
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            long[] item = todo.pop();
            if (!seen.add(item[0])) {
                continue;
            }
            for (long child : children.getOrDefault(item[0], List.of())) {
                depth.put(child, (int) item[1] + 1);
                todo.push(new long[] {child, item[1] + 1});
            }
        }
        return depth;
    }
}
