package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** The folder hierarchy of a store. */
public interface Folders {

    EntryId create(EntryId parent, String name, String containerClass, CollisionPolicy collision);

    FolderInfo info(EntryId folder);

    /** The folder's subfolders ({@code recursive}: the whole subtree, depth-first, with depth set). */
    List<FolderInfo> children(EntryId folder, boolean recursive);

    /**
     * The hierarchy table of a folder: the subfolders the caller may see, as rows of the requested
     * columns, restricted, sorted and paged.
     */
    TableResult hierarchy(EntryId folder, HierarchyQuery query);

    void rename(EntryId folder, String newName);

    /** Moves the folder under a new parent; into its own subtree is MAPI_E_FOLDER_CYCLE. */
    void move(EntryId folder, EntryId newParent, CollisionPolicy collision);

    /** Copies the folder (and, if {@code recursive}, its subfolders) with its messages; returns the copy. */
    EntryId copy(EntryId folder, EntryId newParent, String newName, boolean recursive, CollisionPolicy collision);

    void delete(EntryId folder, FolderDeletion how);

    /** Deletes every message (and, optionally, associated messages and subfolders) in the folder. */
    void empty(EntryId folder, boolean includeAssociated, boolean deleteSubfolders);

    List<PropValue> properties(EntryId folder, List<PropTag> tags);

    /** Sets custom folder properties; computed ones (counts, ids) are refused with MAPI_E_NO_ACCESS. */
    void setProperties(EntryId folder, List<PropValue> values);

    /** As {@link Contents#findRow}, for a hierarchy table. */
    java.util.OptionalInt findHierarchyRow(EntryId folder, HierarchyQuery query, org.koppel.mapi.Restriction find,
            int start, boolean backward);

    /** As {@link Contents#bookmark}, for a hierarchy table. */
    TableBookmark hierarchyBookmark(EntryId folder, HierarchyQuery query, int offset);

    /** As {@link Contents#seek}, for a hierarchy table. */
    TableSeek hierarchySeek(EntryId folder, HierarchyQuery query, TableBookmark bookmark);

    /**
     * Creates a search folder (MAPI FOLDER_SEARCH) under {@code parent}; it shows nothing until
     * {@link #setSearchCriteria} is called. Search folders hold no messages of their own.
     */
    EntryId createSearchFolder(EntryId parent, String name, CollisionPolicy collision);

    /**
     * Sets what a search folder shows and starts building its results in the background; returns at once.
     * Every folder searched must be in the search folder's store and readable by the caller.
     */
    void setSearchCriteria(EntryId searchFolder, SearchCriteria criteria);

    /** A search folder's criteria and build state; MAPI_E_NOT_INITIALIZED-like NotFound if none were set. */
    SearchState searchState(EntryId searchFolder);
}
