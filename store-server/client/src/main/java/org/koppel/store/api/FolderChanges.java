package org.koppel.store.api;

import java.util.List;
import org.koppel.mapi.SourceKey;

/**
 * What changed in a folder since a sync state: the items added or changed (read-state changes included), the
 * source keys of the items that left it (deleted or moved away), and the state to pass next time.
 *
 * @param changed the items to add or refresh, in change order
 * @param removed the source keys of the items to drop
 * @param state   the new opaque state (URL-safe text), to hand to {@link Folder#changes(String)} next time
 */
public record FolderChanges(List<Item> changed, List<SourceKey> removed, String state) {
    public FolderChanges {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
