package org.koppel.eas.foldersync;

import java.util.List;
import java.util.Optional;

/**
 * A FolderSync response: the status, and on success the new sync key and the changes since the
 * client's key. {@code changes} is empty when the Changes element is absent; its Count is
 * written from the list.
 */
public record FolderSyncResponse(FolderSyncStatus status, Optional<String> syncKey, List<Change> changes) {

    public FolderSyncResponse {
        changes = List.copyOf(changes);
    }

    public static FolderSyncResponse failed(FolderSyncStatus status) {
        return new FolderSyncResponse(status, Optional.empty(), List.of());
    }

    /** One change in the hierarchy. */
    public sealed interface Change {
    }

    public record Add(Folder folder) implements Change {
    }

    public record Update(Folder folder) implements Change {
    }

    public record Delete(String serverId) implements Change {
    }
}
