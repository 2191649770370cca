package org.koppel.gateway.mailbox;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Session;
import org.koppel.store.client.Subscription;

/**
 * Store notifications for the selected folder, reduced to one bit: "something changed, refresh before the
 * next response". A session refreshes its view only when the bit is set, so commands in a quiet mailbox
 * cost no export; and IDLE wakes on it. The listener runs on a store thread, so it only flips the bit and
 * calls the wake-up hook.
 */
public final class FolderWatch implements AutoCloseable {

    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final Subscription subscription;
    private volatile Runnable wakeUp = () -> { };

    public FolderWatch(Session session, EntryId folder) {
        this.subscription = session.notifications().subscribe(folder,
                EnumSet.of(EventType.NEW_MAIL, EventType.OBJECT_CREATED, EventType.OBJECT_MODIFIED,
                        EventType.OBJECT_DELETED, EventType.OBJECT_MOVED, EventType.OBJECT_COPIED),
                n -> {
                    changed.set(true);
                    wakeUp.run();
                });
    }

    /** Whether anything happened since the last call, clearing the bit. */
    public boolean takeChanged() {
        return changed.getAndSet(false);
    }

    /** Marks the folder changed (after the session's own writes, which it refreshes for at once). */
    public void markChanged() {
        changed.set(true);
    }

    /** What to run (on the store's thread: quickly) when a change arrives; IDLE sets it for its duration. */
    public void onChange(Runnable hook) {
        this.wakeUp = hook == null ? () -> { } : hook;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
