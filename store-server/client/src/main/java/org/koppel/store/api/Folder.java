package org.koppel.store.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.Session;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableRow;

/**
 * A folder of a store: its name, path, class and counts, its items (read page by page from the contents
 * table), its subfolders, and changes since a sync state. Name and class are as read when the folder object
 * was made; counts are read from the store on every call.
 */
public final class Folder {

    /** How many items one page of {@link #items()} reads. */
    static final int PAGE = 100;

    private final Store store;
    private final Session session;
    private final FolderInfo info;

    Folder(Store store, FolderInfo info) {
        this.store = Objects.requireNonNull(store, "store");
        this.session = store.session();
        this.info = Objects.requireNonNull(info, "info");
    }

    public EntryId entryId() {
        return info.entryId();
    }

    public Store store() {
        return store;
    }

    public String name() {
        return info.name();
    }

    /** The container class (IPF.Note, IPF.Appointment, ...). */
    public String containerClass() {
        return info.containerClass();
    }

    /** The folder as the store describes it now (counts, sizes, change number). */
    public FolderInfo info() {
        return session.folders().info(entryId());
    }

    /** How many items it holds now (associated and soft-deleted ones not counted). */
    public int count() {
        return info().contentCount();
    }

    public int unreadCount() {
        return info().unreadCount();
    }

    /** Its path below the store's IPM subtree, names joined by "/" ("Inbox/Projects"); empty for the subtree. */
    public String path() {
        EntryId subtree = store.subtreeId();
        List<String> names = new ArrayList<>();
        FolderInfo at = info;
        int guard = 0;
        while (!at.entryId().equals(subtree)) {
            names.add(0, at.name());
            Optional<EntryId> parent = at.parent();
            if (parent.isEmpty() || ++guard > 256) {
                // outside the IPM subtree (the root, the search root, ...): the path from the root
                return String.join("/", names);
            }
            at = session.folders().info(parent.get());
        }
        return String.join("/", names);
    }

    /** The parent folder; the store's root has none. */
    public Optional<Folder> parent() {
        return info.parent().map(store::folder);
    }

    /** The direct subfolders. */
    public List<Folder> folders() {
        return session.folders().children(entryId(), false).stream().map(f -> new Folder(store, f)).toList();
    }

    /** Every folder below this one, depth first. */
    public List<Folder> allFolders() {
        return session.folders().children(entryId(), true).stream().map(f -> new Folder(store, f)).toList();
    }

    /** A folder below this one by path ("Projects/2026"), names compared case-insensitively. */
    public Folder folder(String path) {
        return findFolder(path).orElseThrow(() -> new MapiException.NotFound("no folder \"" + path + "\" in \""
                + name() + "\""));
    }

    public Optional<Folder> findFolder(String path) {
        Folder at = this;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<Folder> next = at.folders().stream().filter(f -> f.name().equalsIgnoreCase(part)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    /** Creates a subfolder of this folder's container class; an existing name is MAPI_E_COLLISION. */
    public Folder createFolder(String name) {
        return createFolder(name, info.containerClass().isEmpty() ? "IPF.Note" : info.containerClass());
    }

    public Folder createFolder(String name, String containerClass) {
        EntryId id = session.folders().create(entryId(), name, containerClass, CollisionPolicy.FAIL);
        return store.folder(id);
    }

    /** Renames it (standard folders cannot be renamed); returns the folder as it is now. */
    public Folder rename(String newName) {
        session.folders().rename(entryId(), newName);
        return store.folder(entryId());
    }

    /** Moves it (with its contents) under another folder of the store; returns the folder as it is now. */
    public Folder move(Folder newParent) {
        session.folders().move(entryId(), newParent.entryId(), CollisionPolicy.FAIL);
        return store.folder(entryId());
    }

    /** Deletes it with everything in it. */
    public void delete() {
        session.folders().delete(entryId(), FolderDeletion.EVERYTHING);
    }

    /** Deletes every item in it (not its subfolders or associated items). */
    public void empty() {
        session.folders().empty(entryId(), false, false);
    }

    /** Saves a new item in this folder. */
    public Item create(ItemDraft draft) {
        return item(session.messages().create(entryId(), draft.content()));
    }

    /** An item of this store by entry id (it is not checked to be in this folder). */
    public Item item(EntryId entryId) {
        return new Item(session, entryId);
    }

    /**
     * The items, newest delivery first, read lazily {@value #PAGE} at a time from the contents table: a
     * folder of any size costs one page of memory. Items added or removed while iterating may shift the
     * pages (one may be seen twice or missed), as with any offset-paged table.
     */
    public Iterable<Item> items() {
        return () -> new Iterator<>() {
            private final TableQuery first = new TableQuery(List.of(PropTags.PR_ENTRYID), Optional.empty(),
                    SortOrderSet.of(SortOrder.descending(PropTags.PR_MESSAGE_DELIVERY_TIME)), 0, PAGE, false);
            private List<TableRow> page = List.of();
            private int index;
            private int offset;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                TableResult r = session.contents().query(entryId(), new TableQuery(first.columns(),
                        first.restriction(), first.sort(), offset, PAGE, false));
                page = r.rows();
                index = 0;
                offset += page.size();
                last = page.size() < PAGE || offset >= r.totalRows();
                return !page.isEmpty();
            }

            @Override
            public Item next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new Item(session, page.get(index++).entryId());
            }
        };
    }

    /**
     * What changed in the folder since {@code state} (null or empty: everything, as from scratch), with the
     * new state to pass next time. The state is opaque URL-safe text; a state the store refuses
     * (MAPI_E_SYNC_INVALID_STATE) means: start again from null.
     */
    public FolderChanges changes(String state) {
        SyncState at = state == null || state.isEmpty() ? SyncState.initial() : SyncState.fromBase64(state);
        List<Item> changed = new ArrayList<>();
        List<org.koppel.mapi.SourceKey> removed = new ArrayList<>();
        ContentsExport batch;
        do {
            batch = session.changes().exportContents(entryId(), at, ContentsSyncOptions.defaults());
            for (ContentChange c : batch.changes()) {
                if (c.kind().isRemoval()) {
                    removed.add(c.sourceKey());
                } else if (c.entryId().isPresent()) {
                    changed.add(new Item(session, c.entryId().get()));
                }
            }
            at = batch.state();
        } while (!batch.complete());
        return new FolderChanges(changed, removed, at.toBase64());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Folder f && f.entryId().equals(entryId());
    }

    @Override
    public int hashCode() {
        return entryId().hashCode();
    }

    @Override
    public String toString() {
        return "Folder[" + name() + "]";
    }
}
