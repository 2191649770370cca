package org.koppel.gateway.imap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.koppel.mapi.EntryId;

/**
 * Who has been told about which messages first, for the IMAP4rev1 \Recent flag (RFC 3501 2.3.2): per folder, the
 * highest UID that some session of this gateway has already claimed as recent. A session that selects a folder
 * read-write claims every UID above the mark and moves the mark up; so does it when new messages appear while it
 * has the folder selected. EXAMINE and STATUS only look.
 *
 * <p>The marks live in this gateway's memory, bounded by a count of folders. A folder the gateway has not seen
 * since it started (or has forgotten) starts with its current highest UID, so what arrived before is not recent;
 * what the gateway itself puts into such a folder (APPEND, COPY, MOVE) is. Two gateway processes keep separate
 * marks, so a message can be recent in a session of each: RFC 3501 asks a server that cannot tell to consider a
 * message recent rather than lose the flag.
 */
final class RecentWatermarks {

    /** Folders remembered, about 100 bytes each, unless told otherwise. */
    static final long DEFAULT_FOLDERS = 100_000;

    private final Cache<EntryId, Long> marks;

    RecentWatermarks(long maxFolders) {
        this.marks = Caffeine.newBuilder().maximumSize(maxFolders).build();
    }

    /** The folder's mark: UIDs above it are recent to whoever claims them next. */
    long peek(EntryId folder, long highestUid) {
        return marks.get(folder, k -> highestUid);
    }

    /**
     * Claims the UIDs above the mark up to {@code highestUid} for the calling session and returns the old mark:
     * the session's recent messages are those with UIDs in (returned value, highestUid].
     */
    long claim(EntryId folder, long highestUid) {
        long[] before = new long[1];
        marks.asMap().compute(folder, (k, old) -> {
            long mark = old == null ? highestUid : old;
            before[0] = mark;
            return Math.max(mark, highestUid);
        });
        return before[0];
    }

    /** This gateway put messages into the folder from {@code firstNewUid} on: they are recent to the next claim. */
    void arrived(EntryId folder, long firstNewUid) {
        marks.asMap().putIfAbsent(folder, firstNewUid - 1);
    }
}
