package org.koppel.eas.state;

import java.util.Map;
import java.util.Optional;

/**
 * Sync keys of the collections (folders) a device account syncs, each with the backend's opaque state for
 * it, and the Options the client last sent. Semantics (MS-ASCMD Sync): key 0 starts over; each response
 * with changes gets the next key; the key before the newest stays valid until the client uses the newest,
 * so a repeated request gets the same answer ({@link SyncPoint.Replay}); any other key is
 * {@link KeyLookup.Unknown}.
 *
 * <p>Typical request: {@link #lookup}, run the backend from the point's state, then {@link #issue} the next
 * key with the backend's new state (or, when nothing changed, answer with the same key and issue nothing).
 */
public interface SyncStates {

    /**
     * What the client's key stands for in this collection. When it is the newest key issued, the keys before
     * it are deleted (the client has shown it has this one). Garbage keys and collection ids give
     * {@link KeyLookup.Unknown}, never an exception.
     *
     * @throws DeviceStateException.UnknownDevice when the account is not registered
     */
    KeyLookup<byte[]> lookup(DeviceAccount account, String collectionId, String clientKey);

    /** Like {@link #lookup} but changes nothing: for GetItemEstimate, which must not move the key. */
    KeyLookup<byte[]> peek(DeviceAccount account, String collectionId, String clientKey);

    /**
     * Issues the key after {@code from} (for a replay: the same key as the first time) standing for
     * {@code backendState}, with {@code pending} kept for a later replay. A point of key 0 discards the
     * collection's earlier keys and starts a new series.
     *
     * @param options the request's Options to keep, or null to keep the stored ones
     * @throws DeviceStateException.ConcurrentUpdate when another request changed the collection since
     *                                               {@code from} was looked up
     */
    SyncKey issue(SyncPoint<byte[]> from, byte[] backendState, byte[] pending, SyncOptions options);

    /**
     * Records the ServerIds the backend gave to the Adds of a request made with {@code from}'s key (ClientId
     * to ServerId), before the next key is issued: when issuing then fails ({@code ConcurrentUpdate}) the
     * device retries with the same key, and {@link #recordedAdds} tells which of its Adds were made already.
     * ClientIds count per key only: a client may use the same ClientId again in a later request. Records of
     * keys before {@code from}'s are dropped.
     *
     * @throws IllegalArgumentException for a point of key 0 (a client's commands with key 0 are ignored)
     */
    void recordAdds(SyncPoint<byte[]> from, Map<String, String> serverIdsByClientId);

    /** The ServerIds {@link #recordAdds} recorded for Adds made with {@code at}'s key, by ClientId. */
    Map<String, String> recordedAdds(SyncPoint<byte[]> at);

    /** Stores the Options the client sent without issuing a key (a response without changes). */
    void saveOptions(SyncPoint<byte[]> at, SyncOptions options);

    /** The newest key of the collection and its state, without any change: what a Ping compares against. */
    Optional<SyncPoint.Current<byte[]>> latest(DeviceAccount account, String collectionId);

    /** Forgets the collection's keys and options (its folder is gone); its next key must be 0. */
    void discard(DeviceAccount account, String collectionId);

    /** Forgets the keys and options of every collection of the account, but not the hierarchy's. */
    void discardAll(DeviceAccount account);
}
