package org.koppel.gateway.mailbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.SyncState;

/**
 * The last known contents of recently selected folders, for every session of the gateway: a SELECT starts
 * from the snapshot and exports only what changed since (O(changes)), instead of reading the whole folder
 * again; clients reconnect and reselect all the time. A snapshot is only a starting point: the selecting
 * session's own export (which the store checks against that session's rights) brings it up to date, so a
 * snapshot never shows anyone what the store would not.
 */
public final class FolderSnapshots {

    /** Rows (messages) the snapshots may hold in all, about 100 bytes each, unless told otherwise. */
    public static final long DEFAULT_ROWS = 200_000;

    /** A folder's messages as of a sync state. */
    record Snapshot(MessageTable table, SyncState state, long uidValidity, long highestModSeq, long uidNext) {
    }

    private final Cache<EntryId, Snapshot> snapshots;

    public FolderSnapshots(long maxRows) {
        this.snapshots = Caffeine.newBuilder().maximumWeight(maxRows)
                .weigher((EntryId k, Snapshot s) -> Math.max(1, s.table().size())).build();
    }

    Optional<Snapshot> get(EntryId folder) {
        return Optional.ofNullable(snapshots.getIfPresent(folder));
    }

    /** Keeps a snapshot unless a newer one (by highest MODSEQ) is already kept. */
    void offer(EntryId folder, Snapshot snapshot) {
        snapshots.asMap().merge(folder, snapshot,
                (old, now) -> now.highestModSeq() >= old.highestModSeq() ? now : old);
    }
}
