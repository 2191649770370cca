package org.koppel.store.core.engine;

import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.StoreKind;

/** A row of the stores table. */
record StoreRow(long id, Guid guid, StoreKind kind, Long ownerId, long sizeBytes) {

    EntryId entryId() {
        return EntryId.of(guid, MapiObjectType.MAPI_STORE, id);
    }

    boolean ownedBy(Caller caller) {
        return ownerId != null && ownerId == caller.userId();
    }
}
