package org.koppel.backend;

import java.util.List;
import java.util.Optional;

/** The folder hierarchy of the session's mailbox. */
public interface Folders {

    /** Every folder the gateway shows, parents before children. */
    List<BackendFolder> list();

    /** The type of a folder the gateway shows; empty when there is no such folder (any more). */
    default Optional<EasFolderType> type(String folderId) {
        return list().stream().filter(f -> f.id().equals(folderId)).findFirst().map(BackendFolder::type);
    }

    /**
     * The hierarchy changes since {@code state} (empty array: from scratch, everything comes as added). The
     * backend keeps nothing per client: handing the same state back gives the same answer, so the gateway
     * commits the returned state only once the client has confirmed it.
     *
     * @throws BackendException.InvalidState for a state that cannot be used (FolderSync status 9)
     */
    HierarchyChanges changes(byte[] state);

    /** Creates a folder under a parent (empty: the top); a user folder of the given type. */
    BackendFolder create(Optional<String> parentId, String name, EasFolderType type);

    /** Renames a folder and, when the parent differs, moves it there. */
    BackendFolder update(String folderId, Optional<String> newParentId, String newName);

    /** Deletes a folder with its contents and subfolders. Standard folders cannot be deleted. */
    void delete(String folderId);

    /**
     * Deletes every message of a folder (ItemOperations EmptyFolderContents) and, with {@code deleteSubfolders},
     * its subfolders with their contents; standard folders below it are kept. The messages go as deletions, so
     * the next export of the folder reports them deleted.
     */
    void empty(String folderId, boolean deleteSubfolders);
}
