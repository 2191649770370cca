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
import org.koppel.store.client.EventType;
import org.koppel.store.client.Session;

/**
 * Push from store notifications: one folder subscription per watched folder, delivered after commit on the
 * store's virtual threads; an idle watch holds no thread.
 */
final class MapiPush implements Push {

    private static final Set<EventType> EVENTS = EnumSet.of(EventType.NEW_MAIL, EventType.OBJECT_CREATED,
            EventType.OBJECT_MODIFIED, EventType.OBJECT_DELETED, EventType.OBJECT_MOVED, EventType.OBJECT_COPIED,
            EventType.TABLE_CHANGED);

    private final Session session;
    private final MapiFolders folders;

    MapiPush(Session session, MapiFolders folders) {
        this.session = session;
        this.folders = folders;
    }

    @Override
    public Subscription watch(Set<String> folderIds, PushListener listener) {
        AtomicBoolean open = new AtomicBoolean(true);
        List<org.koppel.store.client.Subscription> subscriptions = new ArrayList<>();
        try {
            for (String id : folderIds) {
                EntryId folder = folders.entryId(id);
                subscriptions.add(session.notifications().subscribe(folder, EVENTS, n -> {
                    if (open.get()) {
                        listener.changed(id);
                    }
                }));
            }
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
