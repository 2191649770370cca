package org.koppel.store.core.notify;

/** What a subscription watches: a whole store ({@code folderId} null) or one folder of it; the index key. */
record SubscriptionScope(long storeId, Long folderId) {

    static SubscriptionScope wholeStore(long storeId) {
        return new SubscriptionScope(storeId, null);
    }

    static SubscriptionScope folder(long storeId, long folderId) {
        return new SubscriptionScope(storeId, folderId);
    }
}
