package org.koppel.store.client;

import java.util.Objects;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiObjectType;

/**
 * One event, delivered after the transaction that caused it committed.
 *
 * @param type         what happened
 * @param objectType   MAPI_FOLDER or MAPI_MESSAGE (MAPI_STORE for RESYNC_NEEDED)
 * @param store        the store it happened in
 * @param entryId      the object (empty for RESYNC_NEEDED)
 * @param parent       the folder holding the object now (for a folder: its parent)
 * @param oldParent    for moves and copies: where the object came from
 * @param messageClass for new mail and for a message created in the store's engine: the message's class, for
 *                     filtering without a round trip; empty when not known
 * @param messageFlags for new mail and created messages: PR_MESSAGE_FLAGS (MSGFLAG_ASSOCIATED for a hidden
 *                     message); 0 when not known
 */
public record Notification(
        EventType type,
        MapiObjectType objectType,
        EntryId store,
        Optional<EntryId> entryId,
        Optional<EntryId> parent,
        Optional<EntryId> oldParent,
        String messageClass,
        int messageFlags) {

    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(store, "store");
        messageClass = messageClass == null ? "" : messageClass;
    }

    /** The overflow signal for a subscription on {@code store}. */
    public static Notification resyncNeeded(EntryId store) {
        return new Notification(EventType.RESYNC_NEEDED, MapiObjectType.MAPI_STORE, store, Optional.empty(),
                Optional.empty(), Optional.empty(), "", 0);
    }
}
