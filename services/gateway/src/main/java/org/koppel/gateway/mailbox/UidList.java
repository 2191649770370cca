package org.koppel.gateway.mailbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The messages a client knows in a selected mailbox, by UID ascending (position + 1 is the message sequence
 * number), with the flags it was last told each has. Growable primitive arrays: 12 bytes a message, keywords
 * aside, rather than the 80 or more of boxed maps.
 */
final class UidList {

    private long[] uids = new long[16];
    private int[] flagBits = new int[16];
    private int size;
    /** Keywords the client was told, for the few messages that have any. */
    private final Map<Long, Set<String>> keywords = new HashMap<>();

    int size() {
        return size;
    }

    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return uids[index];
    }

    /** Appends a UID greater than every one held (new messages only ever get greater UIDs). */
    void append(long uid, Flags told) {
        if (size > 0 && uid <= uids[size - 1]) {
            throw new IllegalArgumentException("UIDs only grow: " + uid + " after " + uids[size - 1]);
        }
        if (size == uids.length) {
            uids = Arrays.copyOf(uids, size * 2);
            flagBits = Arrays.copyOf(flagBits, size * 2);
        }
        uids[size] = uid;
        size++;
        setFlags(size - 1, told);
    }

    /** The index of a UID, or -1 if it is not held. */
    int indexOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i : -1;
    }

    Flags flags(int index) {
        return Flags.of(flagBits[index], keywords.getOrDefault(uids[index], Set.of()));
    }

    void setFlags(int index, Flags told) {
        flagBits[index] = told.bits();
        if (told.keywords().isEmpty()) {
            keywords.remove(uids[index]);
        } else {
            keywords.put(uids[index], told.keywords());
        }
    }

    void removeAt(int index) {
        keywords.remove(uids[index]);
        System.arraycopy(uids, index + 1, uids, index, size - index - 1);
        System.arraycopy(flagBits, index + 1, flagBits, index, size - index - 1);
        size--;
    }

    long last() {
        return size == 0 ? 0 : uids[size - 1];
    }

    long[] toArray() {
        return Arrays.copyOf(uids, size);
    }
}
