package org.koppel.eas.state;

import java.util.Objects;

/**
 * What a client's sync key turned out to be for one collection (or the hierarchy): a point to continue
 * from ({@link SyncPoint}), or a key this server never issued or no longer honours ({@link Unknown}, which
 * the gateway answers with Sync status 3, FolderSync 9, GetItemEstimate 4).
 *
 * @param <S> the state a key stands for: the backend's opaque bytes for a collection, the folder list the
 *            device knows for the hierarchy
 */
public sealed interface KeyLookup<S> permits SyncPoint, KeyLookup.Unknown {

    /** Why a key is not honoured, for the log; the client is told the same thing in every case. */
    enum Reason {
        /** Not a key of the form Koppel issues (garbage, too long, wrong series format). */
        MALFORMED,
        /** The collection has no state: never synced, reset, or the device was removed. */
        NO_STATE,
        /** A key of another series: from before a reset, or from another collection or device. */
        OTHER_SERIES,
        /** A key of this series the client has moved past; its state is gone. */
        SUPERSEDED,
        /** A key of this series that was never issued. */
        NOT_ISSUED
    }

    /** @param clientKey the key as sent, cut to {@link SyncKey#MAX_LENGTH} characters for the log */
    record Unknown<S>(String clientKey, Reason reason) implements KeyLookup<S> {
        public Unknown {
            Objects.requireNonNull(clientKey, "clientKey");
            Objects.requireNonNull(reason, "reason");
            if (clientKey.length() > SyncKey.MAX_LENGTH) {
                clientKey = clientKey.substring(0, SyncKey.MAX_LENGTH) + "...";
            }
        }
    }

}
