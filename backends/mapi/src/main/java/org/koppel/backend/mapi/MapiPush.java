package org.koppel.backend.mapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.backend.PushListener;
import org.koppel.backend.Push;
import org.koppel.backend.Subscription;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Session;

/**
 * Push from store notifications: one folder subscription per watched folder for its items, and one on the
 * whole store for folder events (the hierarchy), delivered after commit on the store's virtual threads; an
 * idle watch holds no thread.
 */
final class MapiPush implements Push {

    private static final Set<EventType> EVENTS = EnumSet.of(EventType.NEW_MAIL, EventType.OBJECT_CREATED,
            EventType.OBJECT_MODIFIED, EventType.OBJECT_DELETED, EventType.OBJECT_MOVED, EventType.OBJECT_COPIED,
            EventType.TABLE_CHANGED);
    /** Folder events: a folder's creation, rename (or other property change), move and deletion. */
    private static final Set<EventType> HIERARCHY_EVENTS = EnumSet.of(EventType.OBJECT_CREATED,
            EventType.OBJECT_MODIFIED, EventType.OBJECT_DELETED, EventType.OBJECT_MOVED, EventType.OBJECT_COPIED);

    private final Session session;
    private final MapiFolders folders;
    private final EntryId store;

    MapiPush(Session session, MapiFolders folders, EntryId store) {
        this.session = session;
        this.folders = folders;
        this.store = store;
    }

    @Override
    public Subscription watch(Set<String> folderIds, PushListener listener) {
        AtomicBoolean open = new AtomicBoolean(true);
        List<org.koppel.store.client.Subscription> subscriptions = new ArrayList<>();
        try {
            for (String id : folderIds) {
                EntryId folder = folders.entryId(id);
                subscriptions.add(session.notifications().subscribe(folder, EVENTS, n -> {
                    // A subfolder's events reach its parent's subscription too; they are the store one's.
                    if (open.get() && n.objectType() != MapiObjectType.MAPI_FOLDER) {
                        listener.changed(id);
                    }
                }));
            }
            subscriptions.add(session.notifications().subscribe(store, HIERARCHY_EVENTS, n -> {
                // RESYNC_NEEDED: events were dropped, a folder event may be among them.
                if (open.get() && (n.objectType() == MapiObjectType.MAPI_FOLDER
                        || n.type() == EventType.RESYNC_NEEDED)) {
                    listener.hierarchyChanged();
                }
            }));
        } catch (RuntimeException e) {
            subscriptions.forEach(org.koppel.store.client.Subscription::close);
            throw e instanceof MapiException m ? Failures.translate(m) : e;
        }
        return () -> {
            // Flag first: an event already in delivery sees it and does not reach the listener.
            open.set(false);
            subscriptions.forEach(org.koppel.store.client.Subscription::close);
        };
    }
}
