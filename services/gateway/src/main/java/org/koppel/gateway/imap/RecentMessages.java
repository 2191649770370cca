package org.koppel.gateway.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages that carry \Recent in one session's selected mailbox (RFC 3501 2.3.2): the UID ranges it claimed
 * from the {@link RecentWatermarks}, or for EXAMINE everything above the mark it saw. IMAP4rev2 has no \Recent;
 * such a session has none.
 */
final class RecentMessages {

    /** Ranges (after, upTo]: UIDs greater than after and at most upTo. */
    private final List<long[]> ranges = new ArrayList<>(2);

    static RecentMessages none() {
        return new RecentMessages();
    }

    /** Adds the UIDs greater than {@code after} and at most {@code upTo}. */
    void add(long after, long upTo) {
        if (upTo <= after) {
            return;
        }
        if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == after) {
            ranges.get(ranges.size() - 1)[1] = upTo;
        } else {
            ranges.add(new long[] {after, upTo});
        }
    }

    boolean contains(long uid) {
        for (long[] r : ranges) {
            if (uid > r[0] && uid <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** How many of the given UIDs (the mailbox's messages) are recent. */
    int count(long[] uids) {
        if (ranges.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (long uid : uids) {
            if (contains(uid)) {
                n++;
            }
        }
        return n;
    }
}
