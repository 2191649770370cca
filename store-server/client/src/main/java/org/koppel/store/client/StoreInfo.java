package org.koppel.store.client;

import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;

/** An opened store: its identity, owner, size and the entry ids of its well-known folders. */
public record StoreInfo(
        EntryId entryId,
        Guid guid,
        StoreKind kind,
        String ownerLogin,
        long sizeBytes,
        Map<WellKnownFolder, EntryId> wellKnownFolders) {

    public StoreInfo {
        wellKnownFolders = Map.copyOf(wellKnownFolders);
    }

    public EntryId folder(WellKnownFolder folder) {
        EntryId id = wellKnownFolders.get(folder);
        if (id == null) {
            throw new org.koppel.mapi.MapiException.NotFound("store has no " + folder + " folder");
        }
        return id;
    }

    public Optional<EntryId> findFolder(WellKnownFolder folder) {
        return Optional.ofNullable(wellKnownFolders.get(folder));
    }
}
