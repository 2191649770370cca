package org.koppel.eas.state;

import java.util.Objects;
import java.util.Optional;

/** {@link SyncStates} over the key chain of each collection; the hierarchy's chain ("") is not reachable. */
final class SqlSyncStates implements SyncStates {

    private final KeyChain chain;

    SqlSyncStates(KeyChain chain) {
        this.chain = chain;
    }

    @Override
    public KeyLookup<byte[]> lookup(DeviceAccount account, String collectionId, String clientKey) {
        Objects.requireNonNull(account, "account");
        if (!isCollectionId(collectionId)) {
            return new KeyLookup.Unknown<>(String.valueOf(clientKey), KeyLookup.Reason.NO_STATE);
        }
        return chain.lookup(account, collectionId, clientKey, true);
    }

    @Override
    public KeyLookup<byte[]> peek(DeviceAccount account, String collectionId, String clientKey) {
        Objects.requireNonNull(account, "account");
        if (!isCollectionId(collectionId)) {
            return new KeyLookup.Unknown<>(String.valueOf(clientKey), KeyLookup.Reason.NO_STATE);
        }
        return chain.lookup(account, collectionId, clientKey, false);
    }

    @Override
    public SyncKey issue(SyncPoint<byte[]> from, byte[] backendState, byte[] pending, SyncOptions options) {
        Objects.requireNonNull(backendState, "backendState");
        requireCollectionId(from.collectionId());
        return chain.issue(from, backendState, pending, options);
    }

    @Override
    public void saveOptions(SyncPoint<byte[]> at, SyncOptions options) {
        Objects.requireNonNull(options, "options");
        requireCollectionId(at.collectionId());
        chain.saveOptions(at, options);
    }

    @Override
    public Optional<SyncPoint.Current<byte[]>> latest(DeviceAccount account, String collectionId) {
        if (!isCollectionId(collectionId)) {
            return Optional.empty();
        }
        return chain.latest(account, collectionId);
    }

    @Override
    public void discard(DeviceAccount account, String collectionId) {
        if (isCollectionId(collectionId)) {
            chain.discard(account, collectionId);
        }
    }

    @Override
    public void discardAll(DeviceAccount account) {
        chain.discardAllButHierarchy(account);
    }

    /** Client-sent ids that cannot name a collection; "" is the hierarchy's chain. */
    private static boolean isCollectionId(String id) {
        return id != null && !id.isEmpty() && id.length() <= KeyChain.MAX_COLLECTION_ID;
    }

    private static void requireCollectionId(String id) {
        if (!isCollectionId(id)) {
            throw new IllegalArgumentException("not a collection id: " + id);
        }
    }
}
