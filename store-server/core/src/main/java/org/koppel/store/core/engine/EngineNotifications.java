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

    /** Ends every subscription of the session. */
    void closeAll() {
        for (Subscription s : Set.copyOf(open)) {
            s.close();
        }
    }
}
