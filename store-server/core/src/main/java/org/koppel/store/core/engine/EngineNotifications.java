package org.koppel.store.core.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.EventType;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.Notifications;
import org.koppel.store.client.Rights;
import org.koppel.store.client.Subscription;
import org.koppel.store.core.notify.NotificationHub;

/** Subscriptions of one session; they end when the session closes. */
final class EngineNotifications implements Notifications {

    private final Scope scope;
    private final NotificationHub hub;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

    EngineNotifications(Scope scope, NotificationHub hub) {
        this.scope = scope;
        this.hub = hub;
    }

    @Override
    public Subscription subscribe(EntryId storeOrFolder, Set<EventType> events, NotificationListener listener) {
        if (events.isEmpty()) {
            throw new MapiException.InvalidParameter("subscribe to at least one event type");
        }
        record Target(StoreRow store, Long folderId) {
        }
        Target target = scope.tx(c -> {
            if (storeOrFolder.objectType() == MapiObjectType.MAPI_STORE) {
                StoreRow s = scope.ctx.objects().storeByGuid(c, storeOrFolder.storeGuid())
                        .filter(r -> r.id() == storeOrFolder.objectId())
                        .orElseThrow(() -> new MapiException.NotFound("store does not exist"));
                if (!scope.caller.admin() && !s.ownedBy(scope.caller)) {
                    throw new MapiException.NoAccess("only the owner may watch a whole store");
                }
                return new Target(s, null);
            }
            var f = scope.ctx.objects().folder(c, storeOrFolder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            return new Target(f.store(), f.object().id());
        });
        Subscription inner = hub.subscribe(target.store().id(), target.folderId(), Set.copyOf(events),
                target.store().entryId(), listener);
        return track(inner);
    }

    /**
     * The outgoing queue's watch: SUBMITTED events of every store, for the system identity (checked by the
     * caller). Its RESYNC_NEEDED names the nil store: no one store fell behind, the queue did.
     */
    Subscription subscribeQueue(NotificationListener listener) {
        Subscription inner = hub.subscribeAllStores(Set.of(EventType.SUBMITTED), ALL_STORES, listener);
        return track(inner);
    }

    private static final EntryId ALL_STORES =
            EntryId.of(new org.koppel.mapi.Guid(new java.util.UUID(0, 0)), MapiObjectType.MAPI_STORE, 0);

    private Subscription track(Subscription inner) {
        Subscription tracked = new Subscription() {
            @Override
            public void close() {
                open.remove(this);
                inner.close();
            }
        };
        open.add(tracked);
        return tracked;
    }

    @Override
    public Subscription subscribeTable(EntryId folder, org.koppel.store.client.TableQuery query,
            org.koppel.store.client.TableListener listener) {
        if (folder.objectType() != MapiObjectType.MAPI_FOLDER) {
            throw new MapiException.InvalidParameter("a table subscription needs a folder");
        }
        query.restriction().ifPresent(r -> org.koppel.mapi.Restriction.validate(r,
                scope.ctx.config().maxRestrictionDepth()));
        TableWatch watch = new TableWatch(scope, folder, query, listener);
        // Subscribed before the rows are read: a change in between is seen (perhaps as a modification).
        Subscription s = subscribe(folder, Set.of(EventType.OBJECT_CREATED, EventType.OBJECT_MODIFIED,
                EventType.OBJECT_DELETED, EventType.OBJECT_MOVED, EventType.OBJECT_COPIED, EventType.TABLE_CHANGED),
                watch::onNotification);
        try {
            watch.load();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Ends every subscription of the session. */
    void closeAll() {
        for (Subscription s : Set.copyOf(open)) {
            s.close();
        }
    }
}
