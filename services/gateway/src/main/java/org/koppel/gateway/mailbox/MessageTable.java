package org.koppel.gateway.mailbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.SourceKey;

/**
 * The store side of a selected mailbox: every message's UID, MODSEQ, identity and flag properties, in parallel
 * primitive arrays sorted by UID. About 100 bytes a message instead of the 400 a map of records costs, which is
 * what lets thousands of idle IMAP sessions share one small heap. Rows are materialised as {@link MessageEntry}
 * when asked for.
 */
final class MessageTable {

    private int size;
    private long[] uids = new long[16];
    private long[] modSeqs = new long[16];
    private long[] dates = new long[16];
    private short[] zones = new short[16];
    private long[] mapiSizes = new long[16];
    private int[] messageFlags = new int[16];
    private int[] msgStatus = new int[16];
    private int[] flagStatus = new int[16];
    private int[] lastVerbs = new int[16];
    private boolean[] read = new boolean[16];
    private byte[] entryIds = new byte[16 * EntryId.LENGTH];
    private long[] sourceCounters = new long[16];
    private Guid[] sourceReplicas = new Guid[16];
    /** Categories, for the few messages that have any. */
    private final Map<Long, List<String>> categories = new HashMap<>();

    int size() {
        return size;
    }

    /** An independent copy, trimmed to its rows (categories lists are immutable and shared). */
    MessageTable copy() {
        MessageTable t = new MessageTable();
        int n = Math.max(size, 16);
        t.size = size;
        t.uids = Arrays.copyOf(uids, n);
        t.modSeqs = Arrays.copyOf(modSeqs, n);
        t.dates = Arrays.copyOf(dates, n);
        t.zones = Arrays.copyOf(zones, n);
        t.mapiSizes = Arrays.copyOf(mapiSizes, n);
        t.messageFlags = Arrays.copyOf(messageFlags, n);
        t.msgStatus = Arrays.copyOf(msgStatus, n);
        t.flagStatus = Arrays.copyOf(flagStatus, n);
        t.lastVerbs = Arrays.copyOf(lastVerbs, n);
        t.read = Arrays.copyOf(read, n);
        t.entryIds = Arrays.copyOf(entryIds, n * EntryId.LENGTH);
        t.sourceCounters = Arrays.copyOf(sourceCounters, n);
        t.sourceReplicas = Arrays.copyOf(sourceReplicas, n);
        t.categories.putAll(categories);
        return t;
    }

    /** The UID at an index (ascending order). */
    long uidAt(int index) {
        return uids[index];
    }

    boolean contains(long uid) {
        return indexOf(uid) >= 0;
    }

    int indexOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i : -1;
    }

    /** The index of the first UID above {@code uid}. */
    int after(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i + 1 : -i - 1;
    }

    MessageEntry get(long uid) {
        int i = indexOf(uid);
        return i < 0 ? null : entryAt(i);
    }

    MessageEntry entryAt(int i) {
        byte[] id = Arrays.copyOfRange(entryIds, i * EntryId.LENGTH, (i + 1) * EntryId.LENGTH);
        FlagProperties.Raw raw = new FlagProperties.Raw(read[i], messageFlags[i], msgStatus[i], flagStatus[i],
                lastVerbs[i], categories.getOrDefault(uids[i], List.of()));
        return new MessageEntry(uids[i], modSeqs[i], new EntryId(id), SourceKey.of(sourceReplicas[i],
                sourceCounters[i]), raw, new InternalDate(Instant.ofEpochMilli(dates[i]), zones[i]), mapiSizes[i]);
    }

    boolean readAt(int i) {
        return read[i];
    }

    /** The UID of the message with this entry id, or -1: a scan from the newest, where appended messages are. */
    long uidOf(EntryId id) {
        byte[] wanted = id.bytes();
        for (int i = size - 1; i >= 0; i--) {
            if (Arrays.equals(entryIds, i * EntryId.LENGTH, (i + 1) * EntryId.LENGTH, wanted, 0, EntryId.LENGTH)) {
                return uids[i];
            }
        }
        return -1;
    }

    /** The UID of the message with this source key, or -1: a linear scan, for the (rare) removals. */
    long uidOf(SourceKey key) {
        long counter = key.counter();
        for (int i = 0; i < size; i++) {
            if (sourceCounters[i] == counter && sourceReplicas[i].equals(key.replica())) {
                return uids[i];
            }
        }
        return -1;
    }

    /** Adds or replaces the row of {@code e.uid()}. */
    void put(MessageEntry e) {
        int i = Arrays.binarySearch(uids, 0, size, e.uid());
        if (i < 0) {
            i = -i - 1;
            grow();
            shift(i, 1);
            size++;
        }
        set(i, e);
    }

    void remove(long uid) {
        int i = indexOf(uid);
        if (i < 0) {
            return;
        }
        shift(i + 1, -1);
        size--;
        categories.remove(uid);
    }

    private void set(int i, MessageEntry e) {
        uids[i] = e.uid();
        modSeqs[i] = e.modSeq();
        dates[i] = e.internalDate().instant().toEpochMilli();
        zones[i] = (short) e.internalDate().offsetMinutes();
        mapiSizes[i] = e.mapiSize();
        FlagProperties.Raw r = e.raw();
        read[i] = r.read();
        messageFlags[i] = r.messageFlags();
        msgStatus[i] = r.msgStatus();
        flagStatus[i] = r.flagStatus();
        lastVerbs[i] = r.lastVerb();
        System.arraycopy(e.entryId().bytes(), 0, entryIds, i * EntryId.LENGTH, EntryId.LENGTH);
        sourceCounters[i] = e.sourceKey().counter();
        sourceReplicas[i] = replica(e.sourceKey().replica());
        if (r.categories().isEmpty()) {
            categories.remove(e.uid());
        } else {
            categories.put(e.uid(), r.categories());
        }
    }

    /** One Guid object per replica, however many messages share it. */
    private Guid replica(Guid g) {
        for (int i = 0; i < size; i++) {
            if (sourceReplicas[i] != null && sourceReplicas[i].equals(g)) {
                return sourceReplicas[i];
            }
            if (i > 4) {
                break; // nearly always one replica per store: looking at a few rows finds it
            }
        }
        return g;
    }

    /** Moves rows from {@code from} on by {@code by} places (1: open a gap, -1: close one). */
    private void shift(int from, int by) {
        int n = size - from;
        if (n <= 0) {
            return;
        }
        int to = from + by;
        System.arraycopy(uids, from, uids, to, n);
        System.arraycopy(modSeqs, from, modSeqs, to, n);
        System.arraycopy(dates, from, dates, to, n);
        System.arraycopy(zones, from, zones, to, n);
        System.arraycopy(mapiSizes, from, mapiSizes, to, n);
        System.arraycopy(read, from, read, to, n);
        System.arraycopy(messageFlags, from, messageFlags, to, n);
        System.arraycopy(msgStatus, from, msgStatus, to, n);
        System.arraycopy(flagStatus, from, flagStatus, to, n);
        System.arraycopy(lastVerbs, from, lastVerbs, to, n);
        System.arraycopy(sourceCounters, from, sourceCounters, to, n);
        System.arraycopy(sourceReplicas, from, sourceReplicas, to, n);
        System.arraycopy(entryIds, from * EntryId.LENGTH, entryIds, to * EntryId.LENGTH, n * EntryId.LENGTH);
    }

    private void grow() {
        if (size < uids.length) {
            return;
        }
        int n = uids.length * 2;
        uids = Arrays.copyOf(uids, n);
        modSeqs = Arrays.copyOf(modSeqs, n);
        dates = Arrays.copyOf(dates, n);
        zones = Arrays.copyOf(zones, n);
        mapiSizes = Arrays.copyOf(mapiSizes, n);
        read = Arrays.copyOf(read, n);
        messageFlags = Arrays.copyOf(messageFlags, n);
        msgStatus = Arrays.copyOf(msgStatus, n);
        flagStatus = Arrays.copyOf(flagStatus, n);
        lastVerbs = Arrays.copyOf(lastVerbs, n);
        sourceCounters = Arrays.copyOf(sourceCounters, n);
        sourceReplicas = Arrays.copyOf(sourceReplicas, n);
        entryIds = Arrays.copyOf(entryIds, n * EntryId.LENGTH);
    }
}
