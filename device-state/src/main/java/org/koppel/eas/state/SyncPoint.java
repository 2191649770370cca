package org.koppel.eas.state;

import java.util.Objects;
import java.util.Optional;

/**
 * A valid place for a request to continue from, returned by a lookup and handed back to issue the next
 * key. It carries the version of the collection's row as it was read: issuing from a point fails with
 * {@link DeviceStateException.ConcurrentUpdate} if another request changed the collection meanwhile.
 *
 * @param <S> what a key stands for (see {@link KeyLookup})
 */
public sealed interface SyncPoint<S> extends KeyLookup<S> {

    DeviceAccount account();

    /** The collection's id, "" for the hierarchy. */
    String collectionId();

    /** The row version read; 0 when the collection had no state at all. */
    long version();

    /** The Options the client last sent for this collection; empty for the hierarchy or when never sent. */
    Optional<SyncOptions> options();

    /**
     * The client sent key 0: start over. Nothing is discarded until the next key is issued, so a request
     * that fails half-way leaves the old state as it was.
     */
    record Initial<S>(DeviceAccount account, String collectionId, long version, Optional<SyncOptions> options)
            implements SyncPoint<S> {
        public Initial {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(collectionId, "collectionId");
            options = options == null ? Optional.empty() : options;
        }
    }

    /**
     * The client sent the newest key issued: the normal case. Keys before it are deleted by the lookup
     * (the client has shown it received this one).
     *
     * @param state what the key stands for
     */
    record Current<S>(DeviceAccount account, String collectionId, long version, Optional<SyncOptions> options,
            SyncKey key, S state) implements SyncPoint<S> {
        public Current {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(collectionId, "collectionId");
            options = options == null ? Optional.empty() : options;
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The client sent the key before the newest: it did not receive the response that issued
     * {@code reissued}, and repeats its request. The request is run again from {@code state}; issuing from
     * this point hands out {@code reissued} again (replacing what it stood for), and {@code pending} is what
     * the caller kept when it first issued it, so that the repeated response can say the same (the same
     * ServerIds for the same ClientIds, no item added twice).
     */
    record Replay<S>(DeviceAccount account, String collectionId, long version, Optional<SyncOptions> options,
            SyncKey key, S state, SyncKey reissued, byte[] pending) implements SyncPoint<S> {
        public Replay {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(collectionId, "collectionId");
            options = options == null ? Optional.empty() : options;
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reissued, "reissued");
            pending = pending == null ? new byte[0] : pending.clone();
        }

        @Override
        public byte[] pending() {
            return pending.clone();
        }
    }
}
