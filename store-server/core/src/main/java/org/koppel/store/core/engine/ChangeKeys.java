package org.koppel.store.core.engine;

import org.koppel.mapi.ChangeKey;
import org.koppel.mapi.Guid;
import org.koppel.mapi.PredecessorChangeList;
import org.koppel.mapi.SourceKey;

/**
 * How the store stamps objects for change tracking, in the byte forms the columns hold: source keys and
 * change keys are XIDs of the store's replica GUID and a change number from the store's counter.
 */
final class ChangeKeys {

    private ChangeKeys() {
    }

    static byte[] sourceKey(Guid replica, long cn) {
        return SourceKey.of(replica, cn).bytes();
    }

    static byte[] changeKey(Guid replica, long cn) {
        return ChangeKey.of(replica, cn).bytes();
    }

    /** The stored predecessor change list with a new change key merged in. */
    static byte[] pclWith(byte[] pcl, byte[] changeKey) {
        PredecessorChangeList old = pcl == null ? PredecessorChangeList.empty() : PredecessorChangeList.parse(pcl);
        return old.with(ChangeKey.parse(changeKey)).bytes();
    }
}
