package org.koppel.store.core.engine;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.koppel.mapi.Guid;
import org.koppel.mapi.SourceKey;

/**
 * The change-tracking identifiers the store stamps on objects: source keys and change keys are XIDs of
 * the store's replica GUID and a 48-bit change number; the predecessor change list keeps the newest
 * change key per replica (MS-OXCFXICS 2.2.2.4).
 */
final class ChangeKeys {

    private ChangeKeys() {
    }

    static byte[] sourceKey(Guid replica, long cn) {
        return SourceKey.of(replica, cn).bytes();
    }

    static byte[] changeKey(Guid replica, long cn) {
        byte[] out = Arrays.copyOf(replica.toBytes(), 22);
        for (int i = 0; i < 6; i++) {
            out[16 + i] = (byte) (cn >>> (8 * (5 - i)));
        }
        return out;
    }

    /** The list with {@code changeKey} in place of any older entry of the same replica. */
    static byte[] pclWith(byte[] pcl, byte[] changeKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (pcl != null && i < pcl.length) {
            int len = pcl[i] & 0xFF;
            if (len < 17 || i + 1 + len > pcl.length) {
                break;
            }
            byte[] xid = Arrays.copyOfRange(pcl, i + 1, i + 1 + len);
            if (!Arrays.equals(xid, 0, 16, changeKey, 0, 16)) {
                out.write(len);
                out.writeBytes(xid);
            }
            i += 1 + len;
        }
        out.write(changeKey.length);
        out.writeBytes(changeKey);
        return out.toByteArray();
    }
}
