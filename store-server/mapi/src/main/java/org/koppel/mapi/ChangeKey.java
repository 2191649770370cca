package org.koppel.mapi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A change key (PR_CHANGE_KEY): an XID ([MS-OXCFXICS] 2.2.2.3), the GUID of the replica that made a change
 * followed by a 1 to 8 byte big-endian local id naming the change in that replica. Koppel writes 6-byte local
 * ids (a GLOBCNT) and reads any length; counters compare as unsigned numbers whatever their length.
 */
public record ChangeKey(Guid namespaceGuid, byte[] localId) {

    public static final int MIN_LOCAL_ID = 1;
    public static final int MAX_LOCAL_ID = 8;
    /** The local id length Koppel writes. */
    public static final int GLOBCNT_LENGTH = 6;

    public ChangeKey {
        Objects.requireNonNull(namespaceGuid, "namespaceGuid");
        Objects.requireNonNull(localId, "localId");
        if (localId.length < MIN_LOCAL_ID || localId.length > MAX_LOCAL_ID) {
            throw new MapiException.InvalidParameter("an XID local id has 1 to 8 bytes, not " + localId.length);
        }
        localId = localId.clone();
    }

    /** A change key with a 6-byte GLOBCNT, the form Koppel writes; the counter must be 1..2^48-1. */
    public static ChangeKey of(Guid replica, long counter) {
        if (counter < 1 || counter > SourceKey.MAX_COUNTER) {
            throw new MapiException.InvalidParameter("GLOBCNT " + counter + " outside 1.." + SourceKey.MAX_COUNTER);
        }
        byte[] id = new byte[GLOBCNT_LENGTH];
        Globcnt.write(counter, id, 0, GLOBCNT_LENGTH);
        return new ChangeKey(replica, id);
    }

    /** Decodes an XID of 17 to 24 bytes; any other length is MAPI_E_CORRUPT_DATA. */
    public static ChangeKey parse(byte[] bytes) {
        if (bytes == null) {
            throw new MapiException.CorruptData("no change key");
        }
        return parse(bytes, 0, bytes.length);
    }

    static ChangeKey parse(byte[] bytes, int offset, int length) {
        if (length < 16 + MIN_LOCAL_ID || length > 16 + MAX_LOCAL_ID) {
            throw new MapiException.CorruptData("an XID has 17 to 24 bytes, not " + length);
        }
        return new ChangeKey(Guid.fromBytes(bytes, offset), Arrays.copyOfRange(bytes, offset + 16, offset + length));
    }

    @Override
    public byte[] localId() {
        return localId.clone();
    }

    /** The local id as an unsigned number (compare with {@link Long#compareUnsigned} for 8-byte ids). */
    public long counter() {
        return Globcnt.read(localId, 0, localId.length);
    }

    /** The XID's length in bytes. */
    public int length() {
        return 16 + localId.length;
    }

    public byte[] bytes() {
        byte[] out = new byte[length()];
        System.arraycopy(namespaceGuid.toBytes(), 0, out, 0, 16);
        System.arraycopy(localId, 0, out, 16, localId.length);
        return out;
    }

    public PropValue toPropValue(PropTag tag) {
        return new PropValue.BinaryValue(tag, bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeKey k && k.namespaceGuid.equals(namespaceGuid) && Arrays.equals(k.localId, localId);
    }

    @Override
    public int hashCode() {
        return namespaceGuid.hashCode() * 31 + Arrays.hashCode(localId);
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes());
    }
}
