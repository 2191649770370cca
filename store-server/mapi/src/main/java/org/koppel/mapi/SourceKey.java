package org.koppel.mapi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A source key (PR_SOURCE_KEY, [MS-OXCFXICS] 2.2.1.2.5): the 16-byte replica GUID in wire order followed by a
 * 6-byte GLOBCNT, big-endian so that keys of one replica sort by counter. Immutable; {@link #bytes()} builds
 * the 22-byte form.
 */
public record SourceKey(Guid replica, long counter) implements Comparable<SourceKey> {

    public static final int LENGTH = 22;
    /** The largest GLOBCNT, 2^48 - 1. */
    public static final long MAX_COUNTER = (1L << 48) - 1;

    public SourceKey {
        Objects.requireNonNull(replica, "replica");
        if (counter < 1 || counter > MAX_COUNTER) {
            throw new MapiException.InvalidParameter("GLOBCNT " + counter + " outside 1.." + MAX_COUNTER);
        }
    }

    public static SourceKey of(Guid replica, long counter) {
        return new SourceKey(replica, counter);
    }

    /** Decodes 22 bytes; any other length or a zero counter is MAPI_E_CORRUPT_DATA. */
    public static SourceKey parse(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new MapiException.CorruptData("a source key has " + LENGTH + " bytes, not "
                    + (bytes == null ? "none" : bytes.length));
        }
        long counter = Globcnt.read(bytes, 16, 6);
        if (counter == 0) {
            throw new MapiException.CorruptData("source key with a zero GLOBCNT");
        }
        return new SourceKey(Guid.fromBytes(bytes, 0), counter);
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(replica.toBytes(), 0, out, 0, 16);
        Globcnt.write(counter, out, 16, 6);
        return out;
    }

    public PropValue toPropValue(PropTag tag) {
        return new PropValue.BinaryValue(tag, bytes());
    }

    /** Orders as the bytes do: by replica GUID in wire order, then by counter. */
    @Override
    public int compareTo(SourceKey o) {
        int c = Arrays.compareUnsigned(replica.toBytes(), o.replica.toBytes());
        return c != 0 ? c : Long.compare(counter, o.counter);
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes());
    }
}
