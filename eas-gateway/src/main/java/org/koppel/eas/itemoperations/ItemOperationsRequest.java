package org.koppel.eas.itemoperations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.sync.BodyPreference;

/** An ItemOperations request ([MS-ASCMD] 2.2.1.10): its operations in order. */
public record ItemOperationsRequest(List<Operation> operations) {

    public ItemOperationsRequest {
        operations = List.copyOf(operations);
    }

    /** One operation: Fetch, EmptyFolderContents or Move (14.0+). */
    public sealed interface Operation permits Fetch, EmptyFolderContents, Move {
    }

    /**
     * Fetch: an item by CollectionId and ServerId, a Search result by LongId, an attachment by FileReference, or a
     * document by LinkId, from {@code store} ("Mailbox" or "DocumentLibrary").
     */
    public record Fetch(String store, Optional<String> collectionId, Optional<String> serverId,
            Optional<String> longId, Optional<String> fileReference, Optional<String> linkId, FetchOptions options)
            implements Operation {
        public Fetch {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(collectionId, "collectionId");
            Objects.requireNonNull(serverId, "serverId");
            Objects.requireNonNull(longId, "longId");
            Objects.requireNonNull(fileReference, "fileReference");
            Objects.requireNonNull(linkId, "linkId");
            Objects.requireNonNull(options, "options");
        }
    }

    /**
     * A Fetch's Options. {@code range} is kept as sent ("m-n"): a malformed one is the handler's status 8 for that
     * fetch, not a protocol error for the whole request.
     */
    public record FetchOptions(Optional<String> range, Optional<String> userName, boolean password,
            Optional<Integer> mimeSupport, List<BodyPreference> bodyPreferences,
            List<BodyPreference> bodyPartPreferences, Optional<Boolean> rightsManagementSupport) {

        public static final FetchOptions NONE = new FetchOptions(Optional.empty(), Optional.empty(), false,
                Optional.empty(), List.of(), List.of(), Optional.empty());

        public FetchOptions {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(mimeSupport, "mimeSupport");
            bodyPreferences = List.copyOf(bodyPreferences);
            bodyPartPreferences = List.copyOf(bodyPartPreferences);
            Objects.requireNonNull(rightsManagementSupport, "rightsManagementSupport");
        }

        public FetchOptions withRange(String r) {
            return new FetchOptions(Optional.of(r), userName, password, mimeSupport, bodyPreferences,
                    bodyPartPreferences, rightsManagementSupport);
        }

        public FetchOptions withBodyPreferences(Optional<Integer> mime, List<BodyPreference> prefs) {
            return new FetchOptions(range, userName, password, mime, prefs, bodyPartPreferences,
                    rightsManagementSupport);
        }
    }

    /** EmptyFolderContents: deletes a folder's items and, when asked, its subfolders. */
    public record EmptyFolderContents(String collectionId, boolean deleteSubFolders) implements Operation {
        public EmptyFolderContents {
            Objects.requireNonNull(collectionId, "collectionId");
        }
    }

    /** Move (14.0+): a conversation into a folder, and with MoveAlways its future messages too. */
    public record Move(byte[] conversationId, String dstFldId, boolean moveAlways) implements Operation {
        public Move {
            conversationId = conversationId.clone();
            Objects.requireNonNull(dstFldId, "dstFldId");
        }

        @Override
        public byte[] conversationId() {
            return conversationId.clone();
        }
    }
}
