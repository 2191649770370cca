package org.koppel.store.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.Notification;
import org.koppel.store.core.notify.NotificationHub;
import org.koppel.store.core.notify.StoreEvent;

/** Turns a committed transaction's events into client notifications and hands them to the hub. */
final class HubPublisher implements EventPublisher {

    private final NotificationHub hub;

    HubPublisher(NotificationHub hub) {
        this.hub = hub;
    }

    @Override
    public void publish(List<EngineEvent> events) {
        List<StoreEvent> out = new ArrayList<>(events.size());
        for (EngineEvent e : events) {
            out.add(toStoreEvent(e));
        }
        hub.publish(out);
    }

    static StoreEvent toStoreEvent(EngineEvent e) {
        StoreRow s = e.store();
        Notification n = new Notification(e.type(), e.objectType(), s.entryId(),
                Optional.of(EntryId.of(s.guid(), e.objectType(), e.objectId())),
                Optional.ofNullable(e.folderId()).map(f -> EntryId.of(s.guid(), MapiObjectType.MAPI_FOLDER, f)),
                Optional.ofNullable(e.oldFolderId()).map(f -> EntryId.of(s.guid(), MapiObjectType.MAPI_FOLDER, f)),
                e.messageClass(), e.messageFlags());
        if (e.objectType() == MapiObjectType.MAPI_FOLDER) {
            return e.oldFolderId() != null && e.folderId() != null
                    ? StoreEvent.folderMovedOrCopied(s.id(), e.folderId(), e.oldFolderId(), e.objectId(), n)
                    : StoreEvent.onFolder(s.id(), e.folderId(), e.objectId(), n);
        }
        return e.oldFolderId() != null
                ? StoreEvent.messageMovedOrCopied(s.id(), e.folderId(), e.oldFolderId(), n)
                : StoreEvent.inFolder(s.id(), e.folderId(), n);
    }
}
