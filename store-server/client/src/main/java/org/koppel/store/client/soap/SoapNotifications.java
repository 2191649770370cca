package org.koppel.store.client.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.EventType;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.Notifications;
import org.koppel.store.client.Notification;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.TableEvent;
import org.koppel.store.client.TableListener;
import org.koppel.store.client.TableQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Notifications} over SOAP. While the session has subscriptions, one virtual thread keeps a long-poll
 * open and hands each event to the listener of the subscription that caught it, in order. An overflowed
 * queue on the server arrives as RESYNC_NEEDED (tables: RELOAD) for every listener.
 */
final class SoapNotifications implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(SoapNotifications.class);

    /** How long one poll waits on the server. */
    static final int POLL_SECONDS = 60;

    private final SoapCall call;
    /** Subscription id to its dispatcher; guarded by this for changes that must not race a dispatch. */
    private final Map<String, Consumer<EventXml>> listeners = new ConcurrentHashMap<>();
    private Thread poller;

    SoapNotifications(SoapCall call) {
        this.call = call;
    }

    @Override
    public Subscription subscribe(EntryId storeOrFolder, Set<EventType> events, NotificationListener listener) {
        List<EventType> types = new ArrayList<>(events);
        return add(() -> call.get((p, s) -> p.subscribe(s, storeOrFolder.bytes(), types)), e -> listener
                .onNotification(e.subscription == null ? Notification.resyncNeeded(storeOrFolder(e, storeOrFolder))
                        : e.notification()));
    }

    @Override
    public Subscription subscribeTable(EntryId folder, TableQuery query, TableListener listener) {
        return add(() -> call.get((p, s) -> p.subscribeTable(s, folder.bytes(), TableQueryXml.of(query))),
                e -> listener.onTableEvent(e.subscription == null
                        ? new TableEvent(TableEvent.Kind.RELOAD, java.util.Optional.empty(), java.util.Optional.empty())
                        : e.tableEvent()));
    }

    /** The outgoing queue's watch: its events arrive by the same long-poll as every other subscription's. */
    Subscription watchQueue(java.util.function.Supplier<String> subscribe, NotificationListener listener) {
        return add(subscribe, e -> listener.onNotification(e.subscription == null
                ? Notification.resyncNeeded(storeOrFolder(e, NIL_STORE)) : e.notification()));
    }

    private static final EntryId NIL_STORE = EntryId.of(new org.koppel.mapi.Guid(new java.util.UUID(0, 0)),
            org.koppel.mapi.MapiObjectType.MAPI_STORE, 0);

    private static EntryId storeOrFolder(EventXml e, EntryId fallback) {
        return e.store != null ? WireIds.entryId(e.store) : fallback;
    }

    private Subscription add(java.util.function.Supplier<String> subscribe, Consumer<EventXml> dispatch) {
        String id;
        // Held across the call so a poll cannot dispatch this subscription's first event before it is known.
        synchronized (this) {
            id = subscribe.get();
            listeners.put(id, dispatch);
            if (poller == null) {
                poller = Thread.ofVirtual().name("koppel-soap-poll").start(this::pollLoop);
            }
        }
        return new Subscription() {
            private volatile boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                listeners.remove(id);
                if (!call.isClosed()) {
                    try {
                        call.run((p, s) -> p.unsubscribe(s, id));
                    } catch (MapiException.NotFound | MapiException.EndOfSession gone) {
                        // already gone with its session
                    }
                }
            }
        };
    }

    private void pollLoop() {
        int failures = 0;
        while (true) {
            synchronized (this) {
                if (listeners.isEmpty() || call.isClosed()) {
                    poller = null;
                    return;
                }
            }
            List<EventXml> events;
            try {
                events = WireIds.list(call.poll((p, s) -> p.poll(s, POLL_SECONDS)));
                failures = 0;
            } catch (MapiException.EndOfSession e) {
                synchronized (this) {
                    poller = null;
                }
                return;
            } catch (MapiException e) {
                if (call.isClosed()) {
                    continue;
                }
                failures++;
                LOG.warn("Notification poll failed ({} in a row): {}", failures, e.getMessage());
                try {
                    Thread.sleep(Math.min(30_000L, 500L << Math.min(failures, 6)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            synchronized (this) {
                for (EventXml e : events) {
                    dispatch(e);
                }
            }
        }
    }

    private void dispatch(EventXml e) {
        if (e.subscription == null) {
            listeners.values().forEach(l -> deliver(l, e));
            return;
        }
        Consumer<EventXml> l = listeners.get(e.subscription);
        if (l != null) {
            deliver(l, e);
        }
    }

    private static void deliver(Consumer<EventXml> listener, EventXml e) {
        try {
            listener.accept(e);
        } catch (RuntimeException failure) {
            LOG.warn("A notification listener failed: {}", failure.toString());
        }
    }
}
