package org.koppel.store.core.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ServerChange;
import org.koppel.store.client.ServerExport;
import org.koppel.store.client.ServerSyncState;

/**
 * The server-wide export for service accounts: per store, the same bounded change-number batches as a
 * folder export (messages by last change, tombstones, folders and folder tombstones, the batch ending at
 * the n-th smallest change number found), without telling new from changed: a consumer saves what it is
 * told is saved and drops what it is told is removed. The state is the cursor of every store it has read.
 */
final class ServerExporter {

    /** The most changes one call may ask for. */
    static final int MAX_CHANGES = 10_000;
    private static final byte VERSION = 1;

    private record Cursor(Guid guid, long cn) {
    }

    private record StoreState(long id, Guid guid, long last, long horizon) {
    }

    /** One change found, with the change number that orders it and whether it is a removal. */
    private record Found(long cn, boolean removal, ServerChange change) {
    }

    ServerExport export(Connection c, ServerSyncState state, int maxChanges) throws SQLException {
        if (maxChanges < 1 || maxChanges > MAX_CHANGES) {
            throw new MapiException.InvalidParameter("maxChanges must be 1.." + MAX_CHANGES);
        }
        TreeMap<Long, Cursor> cursors = decode(state);
        List<StoreState> stores = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, guid, last_cn, tombstone_horizon_cn FROM stores ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stores.add(new StoreState(rs.getLong(1), Guid.fromBytes(rs.getBytes(2)), rs.getLong(3), rs.getLong(4)));
            }
        }
        List<ServerChange> out = new ArrayList<>();
        TreeMap<Long, Cursor> next = new TreeMap<>();
        Map<Long, StoreState> present = new HashMap<>();
        stores.forEach(s -> present.put(s.id(), s));
        for (var e : cursors.entrySet()) {
            StoreState s = present.get(e.getKey());
            if (s == null || !s.guid().equals(e.getValue().guid())) {
                out.add(storeWide(ServerChange.Kind.STORE_REMOVED, e.getKey(), e.getValue().guid()));
            }
        }
        int budget = maxChanges;
        boolean complete = true;
        for (StoreState s : stores) {
            Cursor had = cursors.get(s.id());
            long cn = had == null || !had.guid().equals(s.guid()) ? 0 : had.cn();
            if (cn > s.last() || cn > 0 && cn < s.horizon()) {
                out.add(storeWide(ServerChange.Kind.RESYNC_STORE, s.id(), s.guid()));
                cn = 0;
            }
            if (cn < s.last()) {
                if (budget <= 0) {
                    complete = false;
                } else {
                    List<ServerChange> batch = new ArrayList<>();
                    long end = storeBatch(c, s, cn, budget, batch);
                    out.addAll(batch);
                    budget -= Math.max(1, batch.size());
                    cn = end;
                    complete &= end == s.last();
                }
            }
            next.put(s.id(), new Cursor(s.guid(), cn));
        }
        return new ServerExport(out, encode(next), complete);
    }

    private static ServerChange storeWide(ServerChange.Kind kind, long storeId, Guid guid) {
        return new ServerChange(kind, MapiObjectType.MAPI_STORE, EntryId.of(guid, MapiObjectType.MAPI_STORE, storeId),
                Optional.empty(), Optional.empty(), Optional.empty(), false, 0, Optional.empty());
    }

    /** The changes of one store in (from, end], at most about n; returns end. */
    private long storeBatch(Connection c, StoreState s, long from, int n, List<ServerChange> out)
            throws SQLException {
        EntryId store = EntryId.of(s.guid(), MapiObjectType.MAPI_STORE, s.id());
        Map<Long, EntryId> folderIds = new HashMap<>();
        List<List<Found>> lists = new ArrayList<>();
        List<Found> folders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, source_key, change_number FROM folders WHERE store_id = ?")) {
            ps.setLong(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EntryId id = EntryId.of(s.guid(), MapiObjectType.MAPI_FOLDER, rs.getLong(1));
                    folderIds.put(rs.getLong(1), id);
                    long cn = rs.getLong(3);
                    if (cn > from && cn <= s.last()) {
                        folders.add(new Found(cn, false, new ServerChange(ServerChange.Kind.SAVED,
                                MapiObjectType.MAPI_FOLDER, store, Optional.of(id),
                                Optional.of(SourceKey.parse(rs.getBytes(2))), Optional.of(id), false, cn,
                                Optional.empty())));
                    }
                }
            }
        }
        folders.sort((a, b) -> Long.compare(a.cn(), b.cn()));
        lists.add(folders);
        List<Long> folderKeys = new ArrayList<>(folderIds.keySet());
        folderKeys.sort(null);
        for (long folderId : folderKeys) {
            EntryId folder = folderIds.get(folderId);
            lists.add(messages(c, store, folder, folderId, from, s.last(), n, null));
            lists.add(tombstones(c, store, folder, folderId, from, s.last(), n, null));
        }
        lists.add(folderTombstones(c, store, s.id(), from, s.last(), n, null));
        long end = s.last();
        boolean full = lists.stream().anyMatch(l -> l.size() >= n);
        if (full) {
            List<Long> all = new ArrayList<>();
            lists.forEach(l -> l.forEach(f -> all.add(f.cn())));
            all.sort(null);
            end = all.get(n - 1);
            // Never split a change number: take every object the n-th one shares it with.
            for (int i = 0; i < folderKeys.size(); i++) {
                long folderId = folderKeys.get(i);
                EntryId folder = folderIds.get(folderId);
                List<Found> ms = lists.get(1 + 2 * i);
                if (ms.size() >= n && ms.get(ms.size() - 1).cn() == end) {
                    ms.addAll(messages(c, store, folder, folderId, from, s.last(), n, end));
                }
                List<Found> ts = lists.get(2 + 2 * i);
                if (ts.size() >= n && ts.get(ts.size() - 1).cn() == end) {
                    ts.addAll(tombstones(c, store, folder, folderId, from, s.last(), n, end));
                }
            }
            List<Found> fts = lists.get(lists.size() - 1);
            if (fts.size() >= n && fts.get(fts.size() - 1).cn() == end) {
                fts.addAll(folderTombstones(c, store, s.id(), from, s.last(), n, end));
            }
        }
        List<Found> batch = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (List<Found> l : lists) {
            for (Found f : l) {
                String key = f.removal() + ":" + f.change().objectType() + ":" + f.change().sourceKey() + ":"
                        + f.cn();
                if (f.cn() <= end && seen.add(key)) {
                    batch.add(f);
                }
            }
        }
        // In change-number order; at one change number removals first (a move removes, then saves).
        batch.sort((a, b) -> a.cn() != b.cn() ? Long.compare(a.cn(), b.cn()) : Boolean.compare(b.removal(), a.removal()));
        batch.forEach(f -> out.add(f.change()));
        return end;
    }

    private static List<Found> messages(Connection c, EntryId store, EntryId folder, long folderId, long from,
            long last, int n, Long at) throws SQLException {
        String range = at == null ? "touched_cn > ? AND touched_cn <= ? ORDER BY touched_cn LIMIT ?" : "touched_cn = ?";
        List<Found> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source_key, associated, touched_cn FROM messages"
                + " WHERE folder_id = ? AND deleted = FALSE AND " + range)) {
            ps.setLong(1, folderId);
            bindRange(ps, from, last, n, at);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EntryId id = EntryId.of(store.storeGuid(), MapiObjectType.MAPI_MESSAGE, rs.getLong(1));
                    out.add(new Found(rs.getLong(4), false, new ServerChange(ServerChange.Kind.SAVED,
                            MapiObjectType.MAPI_MESSAGE, store, Optional.of(folder),
                            Optional.of(SourceKey.parse(rs.getBytes(2))), Optional.of(id), rs.getBoolean(3),
                            rs.getLong(4), Optional.empty())));
                }
            }
        }
        return out;
    }

    private static List<Found> tombstones(Connection c, EntryId store, EntryId folder, long folderId, long from,
            long last, int n, Long at) throws SQLException {
        String range = at == null ? "deleted_cn > ? AND deleted_cn <= ? ORDER BY deleted_cn LIMIT ?" : "deleted_cn = ?";
        List<Found> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT source_key, associated, kind, deleted_cn FROM tombstones"
                + " WHERE folder_id = ? AND " + range)) {
            ps.setLong(1, folderId);
            bindRange(ps, from, last, n, at);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChangeKind reason = switch (ChangeTrail.Departure.of(rs.getInt(3))) {
                        case SOFT_DELETED -> ChangeKind.SOFT_DELETED;
                        case HARD_DELETED -> ChangeKind.HARD_DELETED;
                        case MOVED_OUT -> ChangeKind.MOVED_OUT;
                    };
                    out.add(new Found(rs.getLong(4), true, new ServerChange(ServerChange.Kind.REMOVED,
                            MapiObjectType.MAPI_MESSAGE, store, Optional.of(folder),
                            Optional.of(SourceKey.parse(rs.getBytes(1))), Optional.empty(), rs.getBoolean(2),
                            rs.getLong(4), Optional.of(reason))));
                }
            }
        }
        return out;
    }

    private static List<Found> folderTombstones(Connection c, EntryId store, long storeId, long from, long last,
            int n, Long at) throws SQLException {
        String range = at == null ? "deleted_cn > ? AND deleted_cn <= ? ORDER BY deleted_cn LIMIT ?" : "deleted_cn = ?";
        List<Found> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT source_key, deleted_cn, folder_id FROM folder_tombstones"
                + " WHERE store_id = ? AND " + range)) {
            ps.setLong(1, storeId);
            bindRange(ps, from, last, n, at);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long folderId = rs.getLong(3);
                    Optional<EntryId> folder = rs.wasNull() ? Optional.empty()
                            : Optional.of(EntryId.of(store.storeGuid(), MapiObjectType.MAPI_FOLDER, folderId));
                    out.add(new Found(rs.getLong(2), true, new ServerChange(ServerChange.Kind.REMOVED,
                            MapiObjectType.MAPI_FOLDER, store, folder,
                            Optional.of(SourceKey.parse(rs.getBytes(1))), Optional.empty(), false, rs.getLong(2),
                            Optional.of(ChangeKind.HARD_DELETED))));
                }
            }
        }
        return out;
    }

    private static void bindRange(PreparedStatement ps, long from, long last, int n, Long at) throws SQLException {
        if (at == null) {
            ps.setLong(2, from);
            ps.setLong(3, last);
            ps.setInt(4, n);
        } else {
            ps.setLong(2, at);
        }
    }

    // ---- the state

    static ServerSyncState encode(TreeMap<Long, Cursor> cursors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + cursors.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(cursors.size());
            for (var e : cursors.entrySet()) {
                out.writeLong(e.getKey());
                out.write(e.getValue().guid().toBytes());
                out.writeLong(e.getValue().cn());
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerSyncState(bytes.toByteArray());
    }

    static TreeMap<Long, Cursor> decode(ServerSyncState state) {
        TreeMap<Long, Cursor> out = new TreeMap<>();
        byte[] b = state.bytes();
        if (b.length == 0) {
            return out;
        }
        if (b.length < 9 || b[0] != VERSION || (b.length - 9) % 32 != 0) {
            throw new MapiException.InvalidSyncState("not a Koppel server sync state");
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            in.readByte();
            int count = in.readInt();
            if (count != (b.length - 9) / 32) {
                throw new MapiException.InvalidSyncState("server sync state is corrupt");
            }
            for (int i = 0; i < count; i++) {
                long id = in.readLong();
                byte[] g = in.readNBytes(16);
                long cn = in.readLong();
                if (cn < 0) {
                    throw new MapiException.InvalidSyncState("server sync state is corrupt");
                }
                out.put(id, new Cursor(Guid.fromBytes(g), cn));
            }
            if (in.readInt() != (int) crc.getValue()) {
                throw new MapiException.InvalidSyncState("server sync state is corrupt (checksum)");
            }
        } catch (IOException e) {
            throw new MapiException.InvalidSyncState("server sync state is corrupt", e);
        }
        return out;
    }
}
