package org.koppel.mapi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A predecessor change list (PR_PREDECESSOR_CHANGE_LIST, [MS-OXCFXICS] 2.2.2.4): for each replica that changed
 * an object, the XID of its latest change, serialized as a sequence of SizedXid (a length byte, then the XID).
 * Kept canonical: one XID per replica GUID (the one with the highest counter), ordered by GUID bytes, so equal
 * histories have equal bytes. ICS conflict detection asks whether one PCL {@link #includes} another's changes.
 */
public record PredecessorChangeList(List<ChangeKey> changeKeys) {

    private static final PredecessorChangeList EMPTY = new PredecessorChangeList(List.of());

    private static final Comparator<ChangeKey> BY_GUID =
            (a, b) -> Arrays.compareUnsigned(a.namespaceGuid().toBytes(), b.namespaceGuid().toBytes());

    public PredecessorChangeList {
        changeKeys = canonical(changeKeys);
    }

    public static PredecessorChangeList empty() {
        return EMPTY;
    }

    public static PredecessorChangeList of(ChangeKey... keys) {
        return new PredecessorChangeList(Arrays.asList(keys));
    }

    private static List<ChangeKey> canonical(Collection<ChangeKey> keys) {
        Map<Guid, ChangeKey> latest = new LinkedHashMap<>();
        for (ChangeKey k : keys) {
            latest.merge(k.namespaceGuid(), k, PredecessorChangeList::later);
        }
        List<ChangeKey> sorted = new ArrayList<>(latest.values());
        sorted.sort(BY_GUID);
        return List.copyOf(sorted);
    }

    private static ChangeKey later(ChangeKey a, ChangeKey b) {
        return Long.compareUnsigned(b.counter(), a.counter()) > 0 ? b : a;
    }

    /** Decodes a sequence of SizedXid; a size outside 17..24 or a truncated XID is MAPI_E_CORRUPT_DATA. */
    public static PredecessorChangeList parse(byte[] bytes) {
        if (bytes == null) {
            throw new MapiException.CorruptData("no predecessor change list");
        }
        List<ChangeKey> keys = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int size = bytes[pos] & 0xFF;
            pos++;
            if (size > bytes.length - pos) {
                throw new MapiException.CorruptData("XID of " + size + " bytes runs past the end of the PCL");
            }
            keys.add(ChangeKey.parse(bytes, pos, size));
            pos += size;
        }
        return new PredecessorChangeList(keys);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ChangeKey k : changeKeys) {
            out.write(k.length());
            out.writeBytes(k.bytes());
        }
        return out.toByteArray();
    }

    public PropValue toPropValue(PropTag tag) {
        return new PropValue.BinaryValue(tag, bytes());
    }

    public int size() {
        return changeKeys.size();
    }

    public boolean isEmpty() {
        return changeKeys.isEmpty();
    }

    /** The XID recorded for a replica. */
    public Optional<ChangeKey> get(Guid replica) {
        return changeKeys.stream().filter(k -> k.namespaceGuid().equals(replica)).findFirst();
    }

    /** Whether the change is known to this list: it has an XID of the same replica with a counter at least as high. */
    public boolean includes(ChangeKey key) {
        return get(key.namespaceGuid())
                .map(k -> Long.compareUnsigned(k.counter(), key.counter()) >= 0)
                .orElse(false);
    }

    /** Whether every change the other list knows is known to this one (this version descends from the other). */
    public boolean includesAll(PredecessorChangeList other) {
        return other.changeKeys.stream().allMatch(this::includes);
    }

    /** The union of both histories, keeping the highest counter per replica. */
    public PredecessorChangeList merge(PredecessorChangeList other) {
        List<ChangeKey> all = new ArrayList<>(changeKeys);
        all.addAll(other.changeKeys);
        return new PredecessorChangeList(all);
    }

    /** This list with a change added (a no-op if a later change of the same replica is already in it). */
    public PredecessorChangeList with(ChangeKey key) {
        List<ChangeKey> all = new ArrayList<>(changeKeys);
        all.add(key);
        return new PredecessorChangeList(all);
    }
}
