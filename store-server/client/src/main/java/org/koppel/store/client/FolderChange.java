package org.koppel.store.client;

import java.util.Optional;
import org.koppel.mapi.SourceKey;

/**
 * One change a hierarchy exporter reports for a folder: {@link ChangeKind#NEW}, {@link ChangeKind#MODIFIED}
 * (renamed, moved, properties changed) or {@link ChangeKind#HARD_DELETED}.
 *
 * @param parentSourceKey the parent's source key; empty for a removal, or for the export's root itself
 * @param folder          the folder as it is now; empty for a removal
 */
public record FolderChange(ChangeKind kind, SourceKey sourceKey, Optional<SourceKey> parentSourceKey,
        Optional<FolderInfo> folder) {
}
