package org.koppel.mapi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A Koppel entry id, 32 bytes: 4 flag bytes (zero: a long-term id), the 16-byte store GUID in wire order,
 * a version byte (1), the {@link MapiObjectType} code, 2 reserved zero bytes, and the 8-byte object id
 * little-endian. Clients treat it as opaque; the store GUID lets the server tell its ids from others'.
 */
public record EntryId(byte[] bytes) {

    public static final int LENGTH = 32;
    public static final int VERSION = 1;

    private static final int GUID_OFFSET = 4;
    private static final int VERSION_OFFSET = 20;
    private static final int TYPE_OFFSET = 21;
    private static final int ID_OFFSET = 24;

    /** Checks the layout; anything else is MAPI_E_INVALID_ENTRYID. */
    public EntryId {
        if (bytes == null || bytes.length != LENGTH) {
            throw new MapiException.InvalidEntryId("an entry id has " + LENGTH + " bytes, not "
                    + (bytes == null ? "none" : bytes.length));
        }
        bytes = bytes.clone();
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0 || bytes[3] != 0) {
            throw new MapiException.InvalidEntryId("entry id flags are not zero");
        }
        if (bytes[VERSION_OFFSET] != VERSION) {
            throw new MapiException.InvalidEntryId("unknown entry id version " + (bytes[VERSION_OFFSET] & 0xFF));
        }
        if (!MapiObjectType.isKnown(bytes[TYPE_OFFSET] & 0xFF)) {
            throw new MapiException.InvalidEntryId("unknown object type " + (bytes[TYPE_OFFSET] & 0xFF));
        }
        if (bytes[22] != 0 || bytes[23] != 0) {
            throw new MapiException.InvalidEntryId("reserved entry id bytes are not zero");
        }
    }

    public static EntryId of(Guid store, MapiObjectType type, long objectId) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(type, "type");
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.position(GUID_OFFSET);
        b.put(store.toBytes());
        b.put((byte) VERSION);
        b.put((byte) type.code());
        b.putLong(ID_OFFSET, objectId);
        return new EntryId(b.array());
    }

    /** Decodes an entry id received from a client; malformed ones are MAPI_E_INVALID_ENTRYID. */
    public static EntryId parse(byte[] bytes) {
        return new EntryId(bytes);
    }

    /** The entry id if the bytes are one of Koppel's, empty otherwise (for ids that may come from elsewhere). */
    public static Optional<EntryId> tryParse(byte[] bytes) {
        try {
            return Optional.of(new EntryId(bytes));
        } catch (MapiException.InvalidEntryId e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public Guid storeGuid() {
        return Guid.fromBytes(bytes, GUID_OFFSET);
    }

    public MapiObjectType objectType() {
        return MapiObjectType.fromCode(bytes[TYPE_OFFSET] & 0xFF);
    }

    public long objectId() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(ID_OFFSET);
    }

    /** This id as a PT_BINARY value of the given tag (PR_ENTRYID, PR_PARENT_ENTRYID, ...). */
    public PropValue toPropValue(PropTag tag) {
        return new PropValue.BinaryValue(tag, bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryId e && Arrays.equals(e.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
