package org.koppel.store.client;

import java.util.Arrays;

/**
 * A row of a contents table remembered across calls: the row and its sort-key values, opaque to the
 * client. Seeking to it finds the row where it is now, or, if it has gone, the place it would be.
 */
public record TableBookmark(byte[] bytes) {

    public TableBookmark {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableBookmark b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
