package org.koppel.backend.mapi;

import java.util.Arrays;
import org.koppel.backend.BackendException;
import org.koppel.backend.FilterType;
import org.koppel.store.client.SyncState;

/**
 * The opaque state handed to the gateway: a version byte, the filter the state was exported with (imports
 * and estimates need the same window, or the store would report the whole folder as entering it), and the
 * store's sync state. Empty bytes are the initial state.
 */
record BackendState(FilterType filter, SyncState sync) {

    private static final byte VERSION = 1;

    static BackendState parse(byte[] bytes, FilterType defaultFilter) {
        if (bytes.length == 0) {
            return new BackendState(defaultFilter, SyncState.initial());
        }
        if (bytes.length < 2 || bytes[0] != VERSION) {
            throw new BackendException.InvalidState("not a MAPI backend state", null);
        }
        FilterType filter;
        try {
            filter = FilterType.fromCode(bytes[1]);
        } catch (IllegalArgumentException e) {
            throw new BackendException.InvalidState("bad filter in state", e);
        }
        return new BackendState(filter, new SyncState(Arrays.copyOfRange(bytes, 2, bytes.length)));
    }

    byte[] bytes() {
        byte[] s = sync.bytes();
        byte[] out = new byte[s.length + 2];
        out[0] = VERSION;
        out[1] = (byte) filter.code();
        System.arraycopy(s, 0, out, 2, s.length);
        return out;
    }
}
