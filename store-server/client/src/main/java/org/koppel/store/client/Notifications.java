package org.koppel.store.client;

import java.util.Set;
import org.koppel.mapi.EntryId;

/**
 * Change notifications, pushed to a listener after each commit (never polled). Subscribing needs read
 * access to the folder, or, for a whole store, to be its owner or an administrator.
 */
public interface Notifications {

    /**
     * Subscribes to events in a folder (objects whose parent it is, and the folder itself) or, given a
     * store entry id, in the whole store. The subscription ends with the session at the latest.
     */
    Subscription subscribe(EntryId storeOrFolder, Set<EventType> events, NotificationListener listener);
}
