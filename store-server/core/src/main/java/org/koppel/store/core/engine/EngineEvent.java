package org.koppel.store.core.engine;

import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;

/**
 * An event a write transaction produced, held until the transaction commits.
 *
 * @param folderId    the folder holding the object (for a folder: its parent); null for a store root
 * @param oldFolderId for moves and copies: where the object came from
 */
record EngineEvent(
        EventType type,
        MapiObjectType objectType,
        StoreRow store,
        long objectId,
        Long folderId,
        Long oldFolderId,
        String messageClass,
        int messageFlags) {

    static EngineEvent message(EventType type, StoreRow store, long messageId, long folderId) {
        return new EngineEvent(type, MapiObjectType.MAPI_MESSAGE, store, messageId, folderId, null, "", 0);
    }

    static EngineEvent folder(EventType type, StoreRow store, long folderId, Long parentId) {
        return new EngineEvent(type, MapiObjectType.MAPI_FOLDER, store, folderId, parentId, null, "", 0);
    }

    EngineEvent from(Long oldFolder) {
        return new EngineEvent(type, objectType, store, objectId, folderId, oldFolder, messageClass, messageFlags);
    }
}
