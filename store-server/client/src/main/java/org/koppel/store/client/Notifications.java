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

    /**
     * Subscribes to the rows of a contents table: the folder's messages that pass the query's restriction
     * (associated or not), with the query's columns. Its sort and page do not matter: row events say
     * which rows came, changed or went, and a client finds their place with bookmarks or a new query.
     */
    Subscription subscribeTable(EntryId folder, TableQuery query, TableListener listener);
}
