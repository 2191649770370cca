package org.koppel.store.client;

import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.SourceKey;

/**
 * One change a server-wide export reports.
 *
 * @param kind       what to do with it
 * @param objectType MAPI_MESSAGE, MAPI_FOLDER or (for store-wide kinds) MAPI_STORE
 * @param store      the store's entry id
 * @param folder     the folder the message is (or was) in; for a folder, the folder itself; empty for stores
 * @param sourceKey  the object's source key; empty for stores
 * @param entryId    where to read a saved object now
 * @param associated whether a message is associated (FAI)
 * @param modSeq     the change number of the change
 * @param reason     for removals: soft or hard deletion, or a move (the message is saved in its new folder
 *                   at the same change number, and reported after this removal)
 */
public record ServerChange(Kind kind, MapiObjectType objectType, EntryId store, Optional<EntryId> folder,
        Optional<SourceKey> sourceKey, Optional<EntryId> entryId, boolean associated, long modSeq,
        Optional<ChangeKind> reason) {

    public enum Kind {
        /** The object is new or changed: read (index, back up) its current version. */
        SAVED,
        /** The object is gone; for a folder, its messages went with it. */
        REMOVED,
        /**
         * The service fell so far behind that deletions it would need were purged: drop what it holds of
         * this store; the store's objects follow as saved.
         */
        RESYNC_STORE,
        /** The store was deleted: drop everything held of it. */
        STORE_REMOVED
    }
}
