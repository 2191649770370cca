package org.koppel.store.core.notify;

/**
 * What a subscription watches: a whole store ({@code folderId} null), one folder of it, or every store
 * ({@link #allStores()}); the index key.
 */
record SubscriptionScope(long storeId, Long folderId) {

    /** Store row ids are positive, so this one stands for "every store". */
    private static final long ALL_STORES = -1;

    static SubscriptionScope allStores() {
        return new SubscriptionScope(ALL_STORES, null);
    }

    static SubscriptionScope wholeStore(long storeId) {
        return new SubscriptionScope(storeId, null);
    }

    static SubscriptionScope folder(long storeId, long folderId) {
        return new SubscriptionScope(storeId, folderId);
    }
}
