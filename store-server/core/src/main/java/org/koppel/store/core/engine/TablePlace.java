package org.koppel.store.core.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.TableBookmark;
import org.koppel.store.core.props.PropertyCodec;

/** What a {@link TableBookmark} holds: the row id and the row's sort-key values when it was taken. */
record TablePlace(long rowId, List<PropValue> keys) {

    private static final byte VERSION = 1;
    private static final int MAX = 64 * 1024;

    static TableBookmark bookmark(long rowId, List<PropValue> keys) {
        byte[] k = PropertyCodec.encode(keys);
        return new TableBookmark(ByteBuffer.allocate(9 + k.length).put(VERSION).putLong(rowId).put(k).array());
    }

    static TablePlace of(TableBookmark bookmark) {
        byte[] b = bookmark.bytes();
        if (b.length < 9 || b.length > MAX || b[0] != VERSION) {
            throw new MapiException.InvalidParameter("not a bookmark of this store");
        }
        try {
            long id = ByteBuffer.wrap(b, 1, 8).getLong();
            return new TablePlace(id, PropertyCodec.decode(Arrays.copyOfRange(b, 9, b.length)));
        } catch (RuntimeException e) {
            throw new MapiException.InvalidParameter("not a bookmark of this store");
        }
    }
}
