package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.FolderType;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertyBag;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.HierarchyQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.Folders;
import org.koppel.store.client.Rights;
import org.koppel.store.core.props.PropertyCodec;

/** The folder hierarchy for a session. */
final class EngineFolders implements Folders {

    private static final int MAX_NAME = 255;
    private static final int MAX_DEPTH = 128;

    private final Scope scope;

    EngineFolders(Scope scope) {
        this.scope = scope;
    }

    @Override
    public EntryId create(EntryId parent, String name, String containerClass, CollisionPolicy collision) {
        return create(parent, name, containerClass, collision, FolderType.FOLDER_GENERIC);
    }

    @Override
    public EntryId createSearchFolder(EntryId parent, String name, CollisionPolicy collision) {
        return create(parent, name, "IPF.Note", collision, FolderType.FOLDER_SEARCH);
    }

    private EntryId create(EntryId parent, String name, String containerClass, CollisionPolicy collision,
            FolderType type) {
        String clean = checkName(name);
        String cls = containerClass == null ? "IPF.Note" : containerClass;
        if (cls.length() > MAX_NAME) {
            throw new MapiException.InvalidParameter("container class too long");
        }
        return scope.write((c, events) -> {
            var p = scope.ctx.objects().folder(c, parent);
            requireNotSearch(p.object());
            scope.ctx.access().require(c, scope.caller, p.store(), p.object(), Rights.CREATE_SUBFOLDER);
            scope.ctx.lock().lockAndReserve(c, p.store().id(), 1);
            Optional<Long> existing = sibling(c, p.store().id(), p.object().id(), clean);
            String finalName = clean;
            if (existing.isPresent()) {
                switch (collision) {
                    case FAIL -> throw new MapiException.Collision("a folder named \"" + clean + "\" exists");
                    case OPEN_IF_EXISTS -> {
                        return scope.ctx.objects().folderEntryId(p.store(), existing.get());
                    }
                    case RENAME -> finalName = freeName(c, p.store().id(), p.object().id(), clean);
                }
            }
            long id = insert(c, p.store(), p.object().id(), finalName, cls, type);
            inheritAcl(c, p.store(), p.object().id(), id);
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.OBJECT_CREATED, p.store(), id, p.object().id()));
            return scope.ctx.objects().folderEntryId(p.store(), id);
        });
    }

    private long insert(Connection c, StoreRow store, long parentId, String name, String cls, FolderType type)
            throws SQLException {
        try {
            return scope.ctx.factory().insertFolder(c, store.id(), store.guid(), parentId, name, cls,
                    type, null, scope.caller.system() ? null : scope.caller.userId());
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new MapiException.Collision("a folder named \"" + name + "\" exists");
        }
    }

    /**
     * A new folder starts with its parent's ACL, as in Exchange; someone creating a folder in a store they do
     * not own becomes that folder's owner.
     */
    private void inheritAcl(Connection c, StoreRow store, long parentId, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acls (folder_id, member_kind, member_id, rights)"
                + " SELECT ?, member_kind, member_id, rights FROM acls WHERE folder_id = ?")) {
            ps.setLong(1, folderId);
            ps.setLong(2, parentId);
            ps.executeUpdate();
        }
        if (!scope.caller.system() && !store.ownedBy(scope.caller)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM acls WHERE folder_id = ? AND member_kind = 'USER' AND member_id = ?")) {
                ps.setLong(1, folderId);
                ps.setLong(2, scope.caller.userId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO acls (folder_id, member_kind, member_id, rights) VALUES (?, 'USER', ?, ?)")) {
                ps.setLong(1, folderId);
                ps.setLong(2, scope.caller.userId());
                ps.setInt(3, Rights.ALL);
                ps.executeUpdate();
            }
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new MapiException.InvalidParameter("a folder name must have 1 to " + MAX_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new MapiException.InvalidParameter("a folder name must not contain control characters");
            }
        }
        return name.strip();
    }

    private static Optional<Long> sibling(Connection c, long storeId, long parentId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM folders WHERE store_id = ? AND parent_id = ? AND name_key = ?")) {
            ps.setLong(1, storeId);
            ps.setLong(2, parentId);
            ps.setBytes(3, StoreFactory.nameKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static String freeName(Connection c, long storeId, long parentId, String name) throws SQLException {
        for (int n = 2; n < 10_000; n++) {
            String candidate = name + " (" + n + ")";
            if (candidate.length() <= MAX_NAME && sibling(c, storeId, parentId, candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new MapiException.Collision("no free name for \"" + name + "\"");
    }

    @Override
    public FolderInfo info(EntryId folder) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().requireVisible(c, scope.caller, f.store(), f.object());
            return toInfo(c, f.store(), f.object(), 0);
        });
    }

    FolderInfo toInfo(Connection c, StoreRow store, FolderRow f, int depth) throws SQLException {
        return toInfo(store, f, depth, scope.ctx.access().rights(c, scope.caller, store, f));
    }

    private FolderInfo toInfo(StoreRow store, FolderRow f, int depth, int rights) {
        return new FolderInfo(scope.ctx.objects().folderEntryId(store, f.id()),
                Optional.ofNullable(f.parentId()).map(p -> scope.ctx.objects().folderEntryId(store, p)),
                f.name(), f.containerClass(), f.type(), f.contentCount(), f.unreadCount(), f.assocCount(),
                f.deletedCount(), f.childCount(), f.sizeBytes(), SourceKey.parse(f.sourceKey()), f.changeNumber(),
                FileTime.fromTicks(f.createdTicks()), FileTime.fromTicks(f.modifiedTicks()), depth, rights);
    }

    @Override
    public List<FolderInfo> children(EntryId folder, boolean recursive) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().requireVisible(c, scope.caller, f.store(), f.object());
            List<Listed> out = new ArrayList<>();
            collect(c, f.store(), f.object().id(), recursive, 1, out);
            return out.stream().map(Listed::info).toList();
        });
    }

    /** A listed subfolder: its row and its description for the caller. */
    private record Listed(FolderRow row, FolderInfo info) {
    }

    private void collect(Connection c, StoreRow store, long parentId, boolean recursive, int depth,
            List<Listed> out) throws SQLException {
        if (depth > MAX_DEPTH) {
            throw new MapiException.CorruptData("folder tree deeper than " + MAX_DEPTH);
        }
        for (FolderRow child : childRows(c, parentId)) {
            int rights = scope.ctx.access().rights(c, scope.caller, store, child);
            if ((rights & (Rights.FOLDER_VISIBLE | Rights.READ_ANY | Rights.FOLDER_OWNER)) == 0) {
                continue;
            }
            out.add(new Listed(child, toInfo(store, child, depth, rights)));
            if (recursive) {
                collect(c, store, child.id(), true, depth + 1, out);
            }
        }
    }

    @Override
    public TableResult hierarchy(EntryId folder, HierarchyQuery query) {
        query.restriction().ifPresent(r -> Restriction.validate(r, scope.ctx.config().maxRestrictionDepth()));
        return scope.tx(c -> {
            List<HierarchyRow> matched = hierarchyRows(c, folder, query);
            List<TableRow> page = new ArrayList<>();
            int end = (int) Math.min(matched.size(), (long) query.offset() + query.limit());
            for (int i = query.offset(); i < end; i++) {
                HierarchyRow r = matched.get(i);
                List<PropValue> values = new ArrayList<>(query.columns().size());
                for (PropTag t : query.columns()) {
                    values.add(r.props().get(t).orElse(
                            new PropValue.ErrorValue(t.withType(PropType.PT_ERROR), MapiError.NOT_FOUND)));
                }
                page.add(new TableRow(r.entryId(), values));
            }
            return new TableResult(matched.size(), page);
        });
    }

    @Override
    public java.util.OptionalInt findHierarchyRow(EntryId folder, HierarchyQuery query, Restriction find, int start,
            boolean backward) {
        query.restriction().ifPresent(r -> Restriction.validate(r, scope.ctx.config().maxRestrictionDepth()));
        Restriction.validate(find, scope.ctx.config().maxRestrictionDepth());
        return scope.tx(c -> {
            List<HierarchyRow> rows = hierarchyRows(c, folder, query);
            for (int i = Math.max(0, Math.min(start, rows.size() - 1)); i >= 0 && i < rows.size(); i += backward ? -1 : 1) {
                if (find.matches(rows.get(i).props())) {
                    return java.util.OptionalInt.of(i);
                }
            }
            return java.util.OptionalInt.empty();
        });
    }

    @Override
    public org.koppel.store.client.TableBookmark hierarchyBookmark(EntryId folder, HierarchyQuery query, int offset) {
        return scope.tx(c -> {
            List<HierarchyRow> rows = hierarchyRows(c, folder, query);
            if (offset < 0 || offset >= rows.size()) {
                throw new MapiException.NotFound("the table has no row " + offset);
            }
            HierarchyRow r = rows.get(offset);
            List<PropValue> keys = new ArrayList<>();
            for (org.koppel.mapi.SortOrder s : query.sort().keys()) {
                r.props().get(s.tag()).ifPresent(keys::add);
            }
            return TablePlace.bookmark(r.entryId().objectId(), keys);
        });
    }

    @Override
    public org.koppel.store.client.TableSeek hierarchySeek(EntryId folder, HierarchyQuery query,
            org.koppel.store.client.TableBookmark bookmark) {
        TablePlace place = TablePlace.of(bookmark);
        return scope.tx(c -> {
            List<HierarchyRow> rows = hierarchyRows(c, folder, query);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).entryId().objectId() == place.rowId()) {
                    return new org.koppel.store.client.TableSeek(i, true);
                }
            }
            // Gone: the first row that sorts after it takes its place (in tree order, where it was).
            var cmp = query.sort().comparator();
            PropertyBag keys = new PropertyBag(place.keys(), java.util.Map.of());
            int before = 0;
            for (HierarchyRow r : rows) {
                if (!query.sort().keys().isEmpty() && cmp.compare(r.props(), keys) <= 0) {
                    before++;
                }
            }
            return new org.koppel.store.client.TableSeek(query.sort().keys().isEmpty() ? 0 : before, false);
        });
    }

    /** A row of a hierarchy table: the folder and every property a column, restriction or sort can use. */
    private record HierarchyRow(EntryId entryId, PropertyBag props) {
    }

    /** The table's rows, restricted and sorted (stably: equal keys stay in tree order). */
    private List<HierarchyRow> hierarchyRows(Connection c, EntryId folder, HierarchyQuery query) throws SQLException {
        var f = scope.ctx.objects().folder(c, folder);
        scope.ctx.access().requireVisible(c, scope.caller, f.store(), f.object());
        List<Listed> listed = new ArrayList<>();
        collect(c, f.store(), f.object().id(), query.recursive(), 1, listed);
        List<HierarchyRow> rows = new ArrayList<>(listed.size());
        for (Listed l : listed) {
            FolderRow row = l.row();
            FolderInfo info = l.info();
            List<PropValue> all = new ArrayList<>(PropertyCodec.decode(row.props()));
            for (PropTag t : HIERARCHY_COMPUTED) {
                all.removeIf(v -> v.tag().id() == t.id());
                computed(f.store(), row, info, t).ifPresent(all::add);
            }
            HierarchyRow r = new HierarchyRow(info.entryId(), new PropertyBag(all, java.util.Map.of()));
            if (query.restriction().map(x -> x.matches(r.props())).orElse(true)) {
                rows.add(r);
            }
        }
        if (!query.sort().keys().isEmpty()) {
            var cmp = query.sort().comparator();
            rows.sort((a, b) -> cmp.compare(a.props(), b.props()));
        }
        return rows;
    }

    /** The computed folder properties a hierarchy table row carries, for columns, restrictions and sorting. */
    private static final List<PropTag> HIERARCHY_COMPUTED = List.of(PR_ENTRYID, PR_PARENT_ENTRYID, PR_STORE_ENTRYID,
            PR_DISPLAY_NAME, PR_CONTAINER_CLASS, PR_FOLDER_TYPE, PR_CONTENT_COUNT, PR_CONTENT_UNREAD,
            PR_ASSOC_CONTENT_COUNT, PR_DELETED_MSG_COUNT, PR_SUBFOLDERS, PR_FOLDER_CHILD_COUNT, PR_MESSAGE_SIZE_EXTENDED,
            PR_SOURCE_KEY, PR_CHANGE_NUMBER, PR_CHANGE_KEY, PR_PREDECESSOR_CHANGE_LIST, PR_CREATION_TIME,
            PR_LAST_MODIFICATION_TIME, PR_RIGHTS, PR_OBJECT_TYPE, PR_RECORD_KEY, PR_DEPTH);

    static List<FolderRow> childRows(Connection c, long parentId) throws SQLException {
        List<FolderRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + FolderRow.COLUMNS + " FROM folders WHERE parent_id = ? ORDER BY name_key")) {
            ps.setLong(1, parentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(FolderRow.read(rs));
                }
            }
        }
        return rows;
    }

    @Override
    public void rename(EntryId folder, String newName) {
        String clean = checkName(newName);
        scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            requireChangeable(c, f.store(), f.object());
            long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), 1);
            Optional<Long> existing = sibling(c, f.store().id(), f.object().parentId(), clean);
            if (existing.isPresent() && existing.get() != f.object().id()) {
                throw new MapiException.Collision("a folder named \"" + clean + "\" exists");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET name = ?, name_key = ?,"
                    + " change_number = ?, modified_ticks = ? WHERE id = ?")) {
                ps.setString(1, clean);
                ps.setBytes(2, StoreFactory.nameKey(clean));
                ps.setLong(3, cn);
                ps.setLong(4, FileTime.toTicks(Instant.now()));
                ps.setLong(5, f.object().id());
                ps.executeUpdate();
            }
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.OBJECT_MODIFIED, f.store(), f.object().id(), f.object().parentId()));
            return null;
        });
    }

    /** Renaming, moving or deleting a folder needs the folder-owner right; standard folders stay put. */
    private void requireChangeable(Connection c, StoreRow store, FolderRow f) throws SQLException {
        if (f.role() != null) {
            throw new MapiException.NoAccess("\"" + f.name() + "\" is a standard folder");
        }
        scope.ctx.access().require(c, scope.caller, store, f, Rights.FOLDER_OWNER);
    }

    @Override
    public void move(EntryId folder, EntryId newParent, CollisionPolicy collision) {
        scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            var p = scope.ctx.objects().folder(c, newParent);
            requireNotSearch(p.object());
            if (f.store().id() != p.store().id()) {
                throw new MapiException.NoSupport("moving folders between stores is not supported; copy instead");
            }
            requireChangeable(c, f.store(), f.object());
            scope.ctx.access().require(c, scope.caller, p.store(), p.object(), Rights.CREATE_SUBFOLDER);
            long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), 1);
            checkNoCycle(c, f.object().id(), p.object().id());
            if (f.object().parentId() != null && f.object().parentId() == p.object().id()) {
                return null;
            }
            String name = f.object().name();
            if (sibling(c, p.store().id(), p.object().id(), name).isPresent()) {
                if (collision != CollisionPolicy.RENAME) {
                    throw new MapiException.Collision("a folder named \"" + name + "\" exists there");
                }
                name = freeName(c, p.store().id(), p.object().id(), name);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET parent_id = ?, name = ?, name_key = ?,"
                    + " change_number = ?, modified_ticks = ? WHERE id = ?")) {
                ps.setLong(1, p.object().id());
                ps.setString(2, name);
                ps.setBytes(3, StoreFactory.nameKey(name));
                ps.setLong(4, cn);
                ps.setLong(5, FileTime.toTicks(Instant.now()));
                ps.setLong(6, f.object().id());
                ps.executeUpdate();
            }
            adjustChildCount(c, f.object().parentId(), -1);
            adjustChildCount(c, p.object().id(), +1);
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.OBJECT_MOVED, f.store(), f.object().id(), p.object().id())
                    .from(f.object().parentId()));
            return null;
        });
    }

    /** Refuses when {@code target} is {@code folder} or lies below it. */
    private void checkNoCycle(Connection c, long folder, long target) throws SQLException {
        Long cursor = target;
        int guard = 0;
        while (cursor != null) {
            if (cursor == folder) {
                throw new MapiException.FolderCycle("a folder cannot go into its own subtree");
            }
            if (++guard > MAX_DEPTH) {
                throw new MapiException.CorruptData("folder tree deeper than " + MAX_DEPTH);
            }
            cursor = scope.ctx.objects().folder(c, cursor).parentId();
        }
    }

    static void adjustChildCount(Connection c, Long folderId, int delta) throws SQLException {
        if (folderId == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE folders SET child_count = child_count + ? WHERE id = ?")) {
            ps.setInt(1, delta);
            ps.setLong(2, folderId);
            ps.executeUpdate();
        }
    }

    @Override
    public EntryId copy(EntryId folder, EntryId newParent, String newName, boolean recursive,
            CollisionPolicy collision) {
        return scope.write((c, events) -> {
            var f = scope.ctx.objects().folder(c, folder);
            var p = scope.ctx.objects().folder(c, newParent);
            requireNotSearch(p.object());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            scope.ctx.access().require(c, scope.caller, p.store(), p.object(), Rights.CREATE_SUBFOLDER);
            scope.ctx.lock().lockAndReserve(c, p.store().id(), 1);
            if (f.store().id() == p.store().id()) {
                checkNoCycle(c, f.object().id(), p.object().id());
            }
            String name = checkName(newName == null ? f.object().name() : newName);
            if (sibling(c, p.store().id(), p.object().id(), name).isPresent()) {
                if (collision != CollisionPolicy.RENAME) {
                    throw new MapiException.Collision("a folder named \"" + name + "\" exists there");
                }
                name = freeName(c, p.store().id(), p.object().id(), name);
            }
            long id = copyTree(c, f.store(), f.object(), p.store(), p.object().id(), name, recursive, 0);
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.OBJECT_COPIED, p.store(), id, p.object().id())
                    .from(f.object().parentId()));
            return scope.ctx.objects().folderEntryId(p.store(), id);
        });
    }

    private long copyTree(Connection c, StoreRow fromStore, FolderRow from, StoreRow toStore, long parentId,
            String name, boolean recursive, int depth) throws SQLException {
        if (depth > MAX_DEPTH) {
            throw new MapiException.CorruptData("folder tree deeper than " + MAX_DEPTH);
        }
        if (from.type() == FolderType.FOLDER_SEARCH) {
            throw new MapiException.NoSupport("search folders cannot be copied; create one with the same criteria");
        }
        long id = insert(c, toStore, parentId, name, from.containerClass(), FolderType.FOLDER_GENERIC);
        if (from.props() != null) {
            byte[] props = fromStore.id() == toStore.id() ? from.props() : PropertyCodec.encode(
                    scope.ctx.names().translate(c, fromStore.id(), toStore.id(), PropertyCodec.decode(from.props())));
            try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET props = ? WHERE id = ?")) {
                ps.setBytes(1, props);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        List<long[]> messages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, associated, message_flags, size_bytes FROM messages WHERE folder_id = ? AND deleted = FALSE")) {
            ps.setLong(1, from.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0, rs.getInt(3), rs.getLong(4)});
                }
            }
        }
        long total = 0;
        Caller caller = scope.caller;
        for (long[] m : messages) {
            scope.ctx.writer().copy(c, m[0], toStore, id, null, caller, scope.ctx.names(), fromStore.id(), 0);
            boolean read = (m[2] & org.koppel.mapi.MessageFlags.MSGFLAG_READ.value()) != 0;
            FolderCounters.forMessage(m[1] == 1, read, m[3], 1).applyTo(c, id);
            total += m[3];
        }
        scope.ctx.lock().addSize(c, toStore.id(), total, scope.ctx.quotas().effective(c, toStore));
        if (recursive) {
            for (FolderRow child : childRows(c, from.id())) {
                copyTree(c, fromStore, child, toStore, id, child.name(), true, depth + 1);
            }
        }
        return id;
    }

    @Override
    public void delete(EntryId folder, FolderDeletion how) {
        scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            requireChangeable(c, f.store(), f.object());
            long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), 1);
            if (f.object().childCount() > 0 && !how.deleteSubfolders()) {
                throw new MapiException.HasFolders("the folder has subfolders");
            }
            if (f.object().contentCount() + f.object().assocCount() + f.object().deletedCount() > 0
                    && !how.deleteMessages()) {
                throw new MapiException.HasMessages("the folder has messages");
            }
            long freed = deleteTree(c, f.object(), 0, cn);
            scope.ctx.lock().addSize(c, f.store().id(), -freed, org.koppel.store.client.Quota.UNLIMITED);
            adjustChildCount(c, f.object().parentId(), -1);
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.OBJECT_DELETED, f.store(), f.object().id(), f.object().parentId()));
            return null;
        });
    }

    /** Deletes a folder, its subfolders and all their messages; returns the bytes freed. */
    private long deleteTree(Connection c, FolderRow f, int depth, long cn) throws SQLException {
        if (depth > MAX_DEPTH) {
            throw new MapiException.CorruptData("folder tree deeper than " + MAX_DEPTH);
        }
        long freed = 0;
        for (FolderRow child : childRows(c, f.id())) {
            freed += deleteTree(c, child, depth + 1, cn);
        }
        ChangeTrail.folderDeleted(c, f, cn);
        // The folder's own message tombstones go with it: its contents sync states are void now.
        freed += deleteMessages(c, f.id(), true, true, null);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM folders WHERE id = ?")) {
            ps.setLong(1, f.id());
            ps.executeUpdate();
        }
        return freed;
    }

    /** Hard-deletes the folder's messages (live and soft-deleted); returns the bytes freed. */
    private long deleteMessages(Connection c, long folderId, boolean includeAssociated, boolean includeSoftDeleted,
            Long tombstoneCn) throws SQLException {
        List<MessageRow> rows = new ArrayList<>();
        String sql = "SELECT " + MessageRow.COLUMNS + " FROM messages WHERE folder_id = ?"
                + (includeAssociated ? "" : " AND associated = FALSE")
                + (includeSoftDeleted ? "" : " AND deleted = FALSE");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(MessageRow.read(rs, false));
                }
            }
        }
        long freed = 0;
        for (MessageRow row : rows) {
            if (tombstoneCn != null) {
                ChangeTrail.left(c, folderId, row, ChangeTrail.Departure.HARD_DELETED, tombstoneCn, null, null);
            }
            freed += scope.ctx.writer().deleteHard(c, row.id());
        }
        return freed;
    }

    @Override
    public void empty(EntryId folder, boolean includeAssociated, boolean deleteSubfolders) {
        scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.DELETE_ANY);
            long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), 1);
            long freed = 0;
            if (deleteSubfolders) {
                for (FolderRow child : childRows(c, f.object().id())) {
                    if (child.role() != null) {
                        continue;
                    }
                    freed += deleteTree(c, child, 1, cn);
                    adjustChildCount(c, f.object().id(), -1);
                }
            }
            long live = deleteMessages(c, f.object().id(), includeAssociated, false, cn);
            freed += live;
            FolderRow now = scope.ctx.objects().folder(c, f.object().id());
            new FolderCounters(-now.contentCount(), -now.unreadCount(), includeAssociated ? -now.assocCount() : 0,
                    0, -live).applyTo(c, f.object().id());
            scope.ctx.lock().addSize(c, f.store().id(), -freed, org.koppel.store.client.Quota.UNLIMITED);
            // One event for the emptied folder rather than one per message: listeners re-read its table.
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.TABLE_CHANGED, f.store(), f.object().id(), f.object().parentId()));
            return null;
        });
    }

    @Override
    public List<PropValue> properties(EntryId folder, List<PropTag> tags) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().requireVisible(c, scope.caller, f.store(), f.object());
            List<PropValue> stored = PropertyCodec.decode(f.object().props());
            FolderInfo info = toInfo(c, f.store(), f.object(), 0);
            List<PropValue> out = new ArrayList<>(tags.size());
            for (PropTag t : tags) {
                out.add(computed(f.store(), f.object(), info, t).orElseGet(() -> stored.stream()
                        .filter(v -> v.tag().equals(t)).findFirst()
                        .orElse(new PropValue.ErrorValue(t.withType(PropType.PT_ERROR), MapiError.NOT_FOUND))));
            }
            return out;
        });
    }

    private Optional<PropValue> computed(StoreRow store, FolderRow f, FolderInfo info, PropTag t) {
        Object v = null;
        if (t.equals(PR_ENTRYID)) {
            v = info.entryId().bytes();
        } else if (t.equals(PR_PARENT_ENTRYID)) {
            v = info.parent().map(EntryId::bytes).orElse(info.entryId().bytes());
        } else if (t.equals(PR_STORE_ENTRYID)) {
            v = store.entryId().bytes();
        } else if (t.equals(PR_DISPLAY_NAME)) {
            v = f.name();
        } else if (t.equals(PR_CONTAINER_CLASS)) {
            v = f.containerClass().isEmpty() ? null : f.containerClass();
        } else if (t.equals(PR_FOLDER_TYPE)) {
            v = f.type().code();
        } else if (t.equals(PR_CONTENT_COUNT)) {
            v = f.contentCount();
        } else if (t.equals(PR_CONTENT_UNREAD)) {
            v = f.unreadCount();
        } else if (t.equals(PR_ASSOC_CONTENT_COUNT)) {
            v = f.assocCount();
        } else if (t.equals(PR_DELETED_MSG_COUNT)) {
            v = f.deletedCount();
        } else if (t.equals(PR_SUBFOLDERS)) {
            v = f.childCount() > 0;
        } else if (t.equals(PR_FOLDER_CHILD_COUNT)) {
            v = f.childCount();
        } else if (t.equals(PR_MESSAGE_SIZE_EXTENDED)) {
            v = f.sizeBytes();
        } else if (t.equals(PR_MESSAGE_SIZE)) {
            v = (int) Math.min(Integer.MAX_VALUE, f.sizeBytes());
        } else if (t.equals(PR_SOURCE_KEY)) {
            v = f.sourceKey();
        } else if (t.equals(PR_CHANGE_NUMBER)) {
            v = f.changeNumber();
        } else if (t.equals(PR_CHANGE_KEY)) {
            // A folder's change key follows from its change number; folders only change on this server, so
            // its predecessor change list is that one key.
            v = ChangeKeys.changeKey(store.guid(), f.changeNumber());
        } else if (t.equals(PR_PREDECESSOR_CHANGE_LIST)) {
            v = ChangeKeys.pclWith(null, ChangeKeys.changeKey(store.guid(), f.changeNumber()));
        } else if (t.equals(PR_CREATION_TIME)) {
            v = info.created();
        } else if (t.equals(PR_LAST_MODIFICATION_TIME)) {
            v = info.modified();
        } else if (t.equals(PR_RIGHTS) || t.equals(PR_ACCESS_LEVEL)) {
            v = info.rights();
        } else if (t.equals(PR_OBJECT_TYPE)) {
            v = MapiObjectType.MAPI_FOLDER.code();
        } else if (t.equals(PR_RECORD_KEY)) {
            v = info.entryId().bytes();
        } else if (t.equals(PR_DEPTH)) {
            v = info.depth();
        }
        return v == null ? Optional.empty() : Optional.of(PropValue.of(t, v));
    }

    @Override
    public void setProperties(EntryId folder, List<PropValue> values) {
        List<PropValue> custom = new ArrayList<>();
        String rename = null;
        String cls = null;
        for (PropValue v : values) {
            if (v.tag().equals(PR_DISPLAY_NAME)) {
                rename = (String) v.javaValue();
            } else if (v.tag().equals(PR_CONTAINER_CLASS)) {
                cls = (String) v.javaValue();
            } else {
                custom.add(v);
            }
        }
        List<PropValue> checked = scope.ctx.rules().writable(custom, Set.of());
        if (rename != null) {
            rename(folder, rename);
        }
        String newClass = cls;
        scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            scope.ctx.rules().checkNamedIds(c, f.store().id(), checked.stream().map(PropValue::tag).toList());
            long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), 1);
            List<PropValue> merged = new ArrayList<>(PropertyCodec.decode(f.object().props()));
            for (PropValue v : checked) {
                merged.removeIf(o -> o.tag().id() == v.tag().id());
                merged.add(v);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET props = ?, container_class = ?,"
                    + " change_number = ?, modified_ticks = ? WHERE id = ?")) {
                ps.setBytes(1, PropertyCodec.encode(merged));
                ps.setString(2, newClass != null ? newClass : f.object().containerClass());
                ps.setLong(3, cn);
                ps.setLong(4, FileTime.toTicks(Instant.now()));
                ps.setLong(5, f.object().id());
                ps.executeUpdate();
            }
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.OBJECT_MODIFIED, f.store(), f.object().id(), f.object().parentId()));
            return null;
        });
    }

    /** Search folders hold no messages or subfolders of their own. */
    static void requireNotSearch(FolderRow f) {
        if (f.type() == FolderType.FOLDER_SEARCH) {
            throw new MapiException.NoSupport("\"" + f.name() + "\" is a search folder: it only shows other folders' messages");
        }
    }

    @Override
    public void setSearchCriteria(EntryId searchFolder, org.koppel.store.client.SearchCriteria criteria) {
        org.koppel.mapi.Restriction.validate(criteria.restriction(), scope.ctx.config().maxRestrictionDepth());
        scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, searchFolder, scope.ctx.lock());
            if (f.object().type() != FolderType.FOLDER_SEARCH) {
                throw new MapiException.InvalidParameter("not a search folder");
            }
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            java.util.Set<Long> scopes = new java.util.LinkedHashSet<>();
            for (EntryId id : criteria.folders()) {
                var s = scope.ctx.objects().folder(c, id);
                if (s.store().id() != f.store().id()) {
                    throw new MapiException.NoSupport("a search folder searches folders of its own store only");
                }
                requireNotSearch(s.object());
                scope.ctx.access().require(c, scope.caller, s.store(), s.object(), Rights.READ_ANY);
                scopes.add(s.object().id());
            }
            scope.ctx.searches().define(c, f.object().id(), f.store().id(), criteria.restriction(),
                    criteria.recursive(), scopes);
            events.add(EngineEvent.folder(org.koppel.store.client.EventType.TABLE_CHANGED, f.store(), f.object().id(),
                    f.object().parentId()));
            return null;
        });
        // The build starts once the criteria are committed.
        long id = searchFolder.objectId();
        scope.ctx.searches().build(id);
    }

    @Override
    public org.koppel.store.client.SearchState searchState(EntryId searchFolder) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, searchFolder);
            scope.ctx.access().requireVisible(c, scope.caller, f.store(), f.object());
            var d = scope.ctx.searches().definition(c, f.object().id())
                    .orElseThrow(() -> new MapiException.NotFound("the search folder has no criteria yet"));
            List<EntryId> folders = new ArrayList<>();
            for (long id : d.scopes()) {
                folders.add(scope.ctx.objects().folderEntryId(f.store(), id));
            }
            return new org.koppel.store.client.SearchState(new org.koppel.store.client.SearchCriteria(d.restriction(),
                    folders, d.recursive()), d.state() == SearchFolders.BUILDING);
        });
    }
}
