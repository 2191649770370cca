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

    /**
     * An attachment's type, size and data by the file reference an item carried (ItemOperations, GetAttachment).
     * Only attachments of the session user's own mailbox are given, whatever else the user may read.
     *
     * @throws BackendException.NotFound for a reference that is malformed, of another mailbox, or whose item or
     *     attachment is gone
     * @throws BackendException.NotSupported for an attachment that has no data of its own (an embedded message,
     *     a link)
     */
    AttachmentData attachment(String fileReference);

    /**
     * Moves items (MoveItems), one result per id in order: moved with its new id, or why not. An id named twice
     * is moved once; the second finds nothing left to move.
     *
     * @throws BackendException.NotFound when the source or destination folder does not exist
     */
    List<MoveResult> move(String sourceFolderId, List<String> itemIds, String destinationFolderId);

    /**
     * Moves every message of a conversation (MS-ASEMAIL2 ConversationId) into a folder (ItemOperations Move):
     * from the mail folders other than the destination, Deleted Items, Sent Items, Drafts and the Outbox.
     * Returns how many moved; 0 when no message of the conversation was found.
     *
     * @throws BackendException.NotFound when the destination folder does not exist
     * @throws BackendException.NotSupported when the backend cannot find messages by conversation
     */
    default int moveConversation(byte[] conversationId, String destinationFolderId) {
        throw new BackendException.NotSupported("moving conversations", null);
    }
}
