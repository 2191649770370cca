package org.koppel.backend;

import java.util.List;

/** Reading single items and their attachments, and moving items between folders. */
public interface Items {

    /**
     * One item by id, with its body in the best type {@code preferences} allow (Sync Fetch, ItemOperations).
     *
     * @throws BackendException.NotFound when the item is not (any more) in the folder
     */
    Item fetch(String folderId, String itemId, List<BodyPreference> preferences);

    /** An attachment's data by the file reference an item carried. */
    AttachmentData attachment(String fileReference);

    /** Moves items (MoveItems); items that are gone come back without a new id. */
    List<MoveResult> move(String sourceFolderId, List<String> itemIds, String destinationFolderId);
}
