package org.koppel.backend.mapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendFolder;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.Folders;
import org.koppel.backend.HierarchyChanges;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderChange;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.HierarchyExport;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.WellKnownFolder;

/**
 * The IPM subtree of the user's store as EAS folders. Folder ids are source keys; a folder tree is small, so
 * an id is resolved to an entry id by reading the tree (one call) rather than by keeping a cache that could
 * go stale on another gateway node.
 */
final class MapiFolders implements Folders {

    private static final Map<WellKnownFolder, EasFolderType> STANDARD = new EnumMap<>(Map.of(
            WellKnownFolder.INBOX, EasFolderType.INBOX,
            WellKnownFolder.DRAFTS, EasFolderType.DRAFTS,
            WellKnownFolder.DELETED_ITEMS, EasFolderType.DELETED_ITEMS,
            WellKnownFolder.SENT_ITEMS, EasFolderType.SENT_ITEMS,
            WellKnownFolder.OUTBOX, EasFolderType.OUTBOX,
            WellKnownFolder.TASKS, EasFolderType.TASKS,
            WellKnownFolder.CALENDAR, EasFolderType.CALENDAR,
            WellKnownFolder.CONTACTS, EasFolderType.CONTACTS,
            WellKnownFolder.NOTES, EasFolderType.NOTES,
            WellKnownFolder.JOURNAL, EasFolderType.JOURNAL));

    private final Session session;
    private final StoreInfo store;
    private final EntryId subtree;
    private final Map<EntryId, EasFolderType> standard = new HashMap<>();

    MapiFolders(Session session, StoreInfo store) {
        this.session = session;
        this.store = store;
        this.subtree = store.folder(WellKnownFolder.IPM_SUBTREE);
        STANDARD.forEach((wk, type) -> store.findFolder(wk).ifPresent(id -> standard.put(id, type)));
    }

    EntryId wellKnown(WellKnownFolder folder) {
        return store.folder(folder);
    }

    Optional<EntryId> wellKnownIfAny(WellKnownFolder folder) {
        return store.findFolder(folder);
    }

    @Override
    public List<BackendFolder> list() {
        try {
            List<FolderInfo> all = session.folders().children(subtree, true);
            Map<EntryId, SourceKey> keys = new HashMap<>();
            all.forEach(f -> keys.put(f.entryId(), f.sourceKey()));
            List<BackendFolder> out = new ArrayList<>();
            for (FolderInfo f : all) {
                out.add(toBackend(f, f.parent().map(keys::get)));
            }
            return out;
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public HierarchyChanges changes(byte[] state) {
        try {
            SyncState from = state.length == 0 ? SyncState.initial() : new SyncState(state);
            HierarchyExport export = session.changes().exportHierarchy(subtree, from);
            SourceKey top = session.folders().info(subtree).sourceKey();
            List<BackendFolder> added = new ArrayList<>();
            List<BackendFolder> updated = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (FolderChange c : export.changes()) {
                if (c.kind().isRemoval()) {
                    deleted.add(Ids.of(c.sourceKey()));
                } else if (c.folder().isPresent()) {
                    BackendFolder f = toBackend(c.folder().get(), c.parentSourceKey().filter(p -> !p.equals(top)));
                    (c.kind() == ChangeKind.MODIFIED ? updated : added).add(f);
                }
            }
            return new HierarchyChanges(added, updated, deleted, export.state().bytes());
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public BackendFolder create(Optional<String> parentId, String name, EasFolderType type) {
        try {
            EntryId parent = parentId.map(this::entryId).orElse(subtree);
            EntryId id = session.folders().create(parent, name, containerClass(type), CollisionPolicy.FAIL);
            return toBackend(session.folders().info(id), parentId.map(Ids::sourceKey));
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public BackendFolder update(String folderId, Optional<String> newParentId, String newName) {
        try {
            EntryId folder = entryId(folderId);
            if (standard.containsKey(folder)) {
                throw new BackendException.AccessDenied("a standard folder cannot be renamed or moved", null);
            }
            FolderInfo info = session.folders().info(folder);
            EntryId parent = newParentId.map(this::entryId).orElse(subtree);
            if (!info.parent().orElse(subtree).equals(parent)) {
                session.folders().move(folder, parent, CollisionPolicy.FAIL);
            }
            if (!info.name().equals(newName)) {
                session.folders().rename(folder, newName);
            }
            return toBackend(session.folders().info(folder), newParentId.map(Ids::sourceKey));
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public void delete(String folderId) {
        try {
            EntryId folder = entryId(folderId);
            if (standard.containsKey(folder)) {
                throw new BackendException.AccessDenied("a standard folder cannot be deleted", null);
            }
            session.folders().delete(folder, FolderDeletion.EVERYTHING);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    /** The entry id of a folder of the IPM subtree by its id. */
    EntryId entryId(String folderId) {
        SourceKey key = Ids.sourceKey(folderId);
        for (FolderInfo f : session.folders().children(subtree, true)) {
            if (f.sourceKey().equals(key)) {
                return f.entryId();
            }
        }
        throw new BackendException.NotFound("no folder " + folderId, null);
    }

    @Override
    public void empty(String folderId, boolean deleteSubfolders) {
        try {
            session.folders().empty(entryId(folderId), false, deleteSubfolders);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    /** Whether an entry id names an object of the session user's own store. */
    boolean isOwn(EntryId id) {
        return id.storeGuid().equals(store.guid());
    }

    /** The mail folders of the IPM subtree (typed 2-6 or 12), as entry ids. */
    List<EntryId> mailFolders() {
        List<EntryId> out = new ArrayList<>();
        for (FolderInfo f : session.folders().children(subtree, true)) {
            EasFolderType t = typeOf(f);
            if (t.isMail()) {
                out.add(f.entryId());
            }
        }
        return out;
    }

    boolean isStandard(EntryId folder, WellKnownFolder which) {
        return store.findFolder(which).map(folder::equals).orElse(false);
    }

    private BackendFolder toBackend(FolderInfo f, Optional<SourceKey> parent) {
        return new BackendFolder(Ids.of(f.sourceKey()), parent.map(Ids::of), f.name(), typeOf(f));
    }

    private EasFolderType typeOf(FolderInfo f) {
        EasFolderType t = standard.get(f.entryId());
        if (t != null) {
            return t;
        }
        String cls = f.containerClass() == null ? "" : f.containerClass();
        if (cls.isEmpty() || cls.startsWith("IPF.Note")) {
            return EasFolderType.USER_MAIL;
        } else if (cls.startsWith("IPF.Appointment")) {
            return EasFolderType.USER_CALENDAR;
        } else if (cls.startsWith("IPF.Contact")) {
            return EasFolderType.USER_CONTACTS;
        } else if (cls.startsWith("IPF.Task")) {
            return EasFolderType.USER_TASKS;
        } else if (cls.startsWith("IPF.Journal")) {
            return EasFolderType.USER_JOURNAL;
        } else if (cls.startsWith("IPF.StickyNote")) {
            return EasFolderType.USER_NOTES;
        }
        return EasFolderType.USER_GENERIC;
    }

    private static String containerClass(EasFolderType type) {
        return switch (type) {
            case USER_CALENDAR, CALENDAR -> "IPF.Appointment";
            case USER_CONTACTS, CONTACTS -> "IPF.Contact";
            case USER_TASKS, TASKS -> "IPF.Task";
            case USER_JOURNAL, JOURNAL -> "IPF.Journal";
            case USER_NOTES, NOTES -> "IPF.StickyNote";
            default -> "IPF.Note";
        };
    }
}
