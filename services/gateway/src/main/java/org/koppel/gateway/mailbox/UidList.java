package org.koppel.gateway.mailbox;

import java.util.Arrays;

/**
 * The UIDs a client knows in a selected mailbox, ascending: position + 1 is the message sequence number.
 * A growable long array, so a big mailbox costs 8 bytes a message rather than a boxed list's 20 or more.
 */
final class UidList {

    private long[] uids = new long[16];
    private int size;

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
    void append(long uid) {
        if (size > 0 && uid <= uids[size - 1]) {
            throw new IllegalArgumentException("UIDs only grow: " + uid + " after " + uids[size - 1]);
        }
        if (size == uids.length) {
            uids = Arrays.copyOf(uids, size * 2);
        }
        uids[size++] = uid;
    }

    /** The index of a UID, or a negative number if it is not held. */
    int indexOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i : -1;
    }

    /** The index of the first UID at or above {@code uid} ({@link #size()} if none). */
    int ceiling(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i : -i - 1;
    }

    void removeAt(int index) {
        System.arraycopy(uids, index + 1, uids, index, size - index - 1);
        size--;
    }

    long last() {
        return size == 0 ? 0 : uids[size - 1];
    }

    long[] toArray() {
        return Arrays.copyOf(uids, size);
    }
}
