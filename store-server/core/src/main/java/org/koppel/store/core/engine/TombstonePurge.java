package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.core.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes tombstones older than the retention, store by store, and raises each store's horizon to the
 * newest change number removed: a sync state older than that may have missed a deletion and is refused
 * (its client starts again). Works in bounded transactions so it can run beside live traffic.
 */
final class TombstonePurge {

    private static final Logger LOG = LoggerFactory.getLogger(TombstonePurge.class);
    private static final int CHUNK = 5_000;

    private final Database db;
    private final Clock clock;

    TombstonePurge(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Purges tombstones older than {@code retention}; returns how many were removed. */
    long purge(Duration retention) {
        long cutoff = clock.millis() - retention.toMillis();
        long removed = 0;
        for (String table : List.of("tombstones", "folder_tombstones")) {
            while (true) {
                int n = db.transaction(c -> chunk(c, table, cutoff));
                removed += n;
                if (n < CHUNK) {
                    break;
                }
            }
        }
        if (removed > 0) {
            LOG.info("Purged {} sync tombstones older than {} days", removed, retention.toDays());
        }
        return removed;
    }

    /** One chunk of one table: raise the horizons first (under each store's write lock), then delete. */
    private static int chunk(Connection c, String table, long cutoff) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, store_id, deleted_cn FROM " + table
                + " WHERE deleted_ms < ? ORDER BY deleted_ms LIMIT ?")) {
            ps.setLong(1, cutoff);
            ps.setInt(2, CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        java.util.Map<Long, Long> horizon = new java.util.TreeMap<>();
        for (long[] r : rows) {
            horizon.merge(r[1], r[2], Math::max);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE stores SET tombstone_horizon_cn = GREATEST(tombstone_horizon_cn, ?) WHERE id = ?")) {
            for (var e : horizon.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            for (long[] r : rows) {
                ps.setLong(1, r[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }
}
