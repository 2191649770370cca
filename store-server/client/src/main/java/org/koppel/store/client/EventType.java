package org.koppel.store.client;

/** What a notification reports (MAPI's fnev* event types, plus the overflow signal). */
public enum EventType {
    /** A message arrived by delivery into a receive folder (fnevNewMail). */
    NEW_MAIL,
    OBJECT_CREATED,
    OBJECT_MODIFIED,
    OBJECT_DELETED,
    OBJECT_MOVED,
    OBJECT_COPIED,
    /** A row of a contents or hierarchy table changed (fnevTableModified). */
    TABLE_CHANGED,
    SEARCH_COMPLETE,
    /**
     * A message was put into the outgoing queue ({@link Messages#submit}). Heard by {@link OutgoingQueue#watch}
     * (every store) and by store or folder subscriptions that ask for it.
     */
    SUBMITTED,
    /**
     * The subscriber fell behind and events were dropped: everything it caches about the subscribed
     * store or folder must be read again. Always delivered, whatever the subscription asked for.
     */
    RESYNC_NEEDED
}
