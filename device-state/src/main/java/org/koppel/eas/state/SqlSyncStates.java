package org.koppel.eas.state;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link SyncStates} over the key chain of each collection; the hierarchy's chain ("") is not reachable. */
final class SqlSyncStates implements SyncStates {

    /** eas_client_add: MS-ASCMD's ClientId has at most 64 characters; backend item ids are far shorter. */
    static final int MAX_CLIENT_ID = 64;
    static final int MAX_SERVER_ID = 1024;

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
    public void recordAdds(SyncPoint<byte[]> from, Map<String, String> serverIdsByClientId) {
        requireCollectionId(from.collectionId());
        for (Map.Entry<String, String> e : serverIdsByClientId.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_CLIENT_ID || e.getValue().isEmpty()
                    || e.getValue().length() > MAX_SERVER_ID) {
                throw new IllegalArgumentException("ClientIds have 1 to " + MAX_CLIENT_ID + " characters, ServerIds"
                        + " 1 to " + MAX_SERVER_ID);
            }
        }
        chain.recordAdds(from, keyOf(from), Map.copyOf(serverIdsByClientId));
    }

    @Override
    public Map<String, String> recordedAdds(SyncPoint<byte[]> at) {
        if (at instanceof SyncPoint.Initial<byte[]>) {
            return Map.of();
        }
        return chain.recordedAdds(at, keyOf(at));
    }

    private static SyncKey keyOf(SyncPoint<byte[]> point) {
        return switch (point) {
            case SyncPoint.Initial<byte[]> i -> throw new IllegalArgumentException("no Adds are made with key 0");
            case SyncPoint.Current<byte[]> c -> c.key();
            case SyncPoint.Replay<byte[]> r -> r.key();
        };
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
