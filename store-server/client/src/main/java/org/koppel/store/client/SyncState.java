package org.koppel.store.client;

import java.util.Arrays;
import java.util.Base64;

/**
 * An opaque synchronisation state: what one client has been given of a folder's contents or a store's
 * hierarchy. The client keeps it and hands it back with its next export or import; the store keeps
 * nothing per client. Empty means "from scratch". A state is small (a few dozen bytes) whatever the
 * folder size; a corrupt, foreign or expired one is refused with MAPI_E_SYNC_INVALID_STATE, and the
 * client starts again from {@link #initial()}.
 */
public record SyncState(byte[] bytes) {

    private static final SyncState INITIAL = new SyncState(new byte[0]);

    /** The most bytes a state may have; anything longer is refused before it is parsed. */
    public static final int MAX_LENGTH = 512;

    public SyncState {
        bytes = bytes.clone();
    }

    public static SyncState initial() {
        return INITIAL;
    }

    public boolean isInitial() {
        return bytes.length == 0;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The state as URL-safe base64 without padding, for protocols that carry text. */
    public String toBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Parses {@link #toBase64()}; text that is not base64 is refused as an invalid sync state. */
    public static SyncState fromBase64(String text) {
        if (text.length() > MAX_LENGTH * 2) {
            throw new org.koppel.mapi.MapiException.InvalidSyncState("sync state too long");
        }
        try {
            return new SyncState(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new org.koppel.mapi.MapiException.InvalidSyncState("sync state is not base64", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncState s && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SyncState[" + toBase64() + "]";
    }
}
