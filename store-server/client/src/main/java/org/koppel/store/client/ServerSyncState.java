package org.koppel.store.client;

import java.util.Arrays;

/**
 * An opaque state of a server-wide export: how far a service account (search indexer, backup) has read
 * every store. It grows with the number of stores (about 32 bytes each), unlike a folder's
 * {@link SyncState}, and is kept by the service, not by a device.
 */
public record ServerSyncState(byte[] bytes) {

    private static final ServerSyncState INITIAL = new ServerSyncState(new byte[0]);

    public ServerSyncState {
        bytes = bytes.clone();
    }

    public static ServerSyncState initial() {
        return INITIAL;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerSyncState s && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
