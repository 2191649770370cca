package org.koppel.store.client;

import java.time.Instant;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FolderType;
import org.koppel.mapi.SourceKey;

/** A folder's identity and its counters as the store keeps them (exact, not estimated). */
public record FolderInfo(
        EntryId entryId,
        Optional<EntryId> parent,
        String name,
        String containerClass,
        FolderType type,
        int contentCount,
        int unreadCount,
        int associatedCount,
        int deletedCount,
        int childCount,
        long sizeBytes,
        SourceKey sourceKey,
        long changeNumber,
        Instant created,
        Instant modified,
        int depth,
        int rights) {
}
