package org.koppel.store.client.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;

/** Entry ids, source keys and tags as the wire carries them, checked when they come in. */
public final class WireIds {

    private WireIds() {
    }

    public static byte[] bytes(EntryId id) {
        return id == null ? null : id.bytes();
    }

    public static byte[] bytes(Optional<EntryId> id) {
        return id.map(EntryId::bytes).orElse(null);
    }

    public static EntryId entryId(byte[] bytes) {
        if (bytes == null) {
            throw new MapiException.InvalidEntryId("missing entry id");
        }
        return EntryId.parse(bytes);
    }

    public static Optional<EntryId> optional(byte[] bytes) {
        return bytes == null ? Optional.empty() : Optional.of(EntryId.parse(bytes));
    }

    public static List<byte[]> all(List<EntryId> ids) {
        List<byte[]> out = new ArrayList<>(ids.size());
        for (EntryId id : ids) {
            out.add(id.bytes());
        }
        return out;
    }

    public static List<EntryId> entryIds(List<byte[]> bytes) {
        if (bytes == null) {
            return List.of();
        }
        List<EntryId> out = new ArrayList<>(bytes.size());
        for (byte[] b : bytes) {
            out.add(entryId(b));
        }
        return out;
    }

    public static byte[] key(SourceKey key) {
        return key == null ? null : key.bytes();
    }

    public static byte[] key(Optional<SourceKey> key) {
        return key.map(SourceKey::bytes).orElse(null);
    }

    public static SourceKey sourceKey(byte[] bytes) {
        if (bytes == null) {
            throw new MapiException.InvalidParameter("missing source key");
        }
        return SourceKey.parse(bytes);
    }

    public static Optional<SourceKey> optionalKey(byte[] bytes) {
        return bytes == null ? Optional.empty() : Optional.of(SourceKey.parse(bytes));
    }

    public static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
