package org.koppel.store.core.blob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code blobs} table that both blob stores keep their reference counts in. Every statement runs in
 * the connection (transaction) it is given; none commits.
 */
final class BlobTable {

    /** One row of {@code blobs}; a negative size marks data the database store is still writing. */
    record Row(String key, long sizeBytes, int refcount, long touchedMs) {
    }

    // A concurrent put of the same content can win the INSERT between our UPDATE and INSERT any number
    // of times only if it keeps rolling back; a few rounds are plenty.
    private static final int UPSERT_ATTEMPTS = 5;

    /** Inserts a new unreferenced row. */
    void insert(Connection c, String key, long sizeBytes, long touchedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO blobs (blob_key, size_bytes, refcount, touched_ms) VALUES (?, ?, 0, ?)")) {
            ps.setString(1, key);
            ps.setLong(2, sizeBytes);
            ps.setLong(3, touchedMs);
            ps.executeUpdate();
        }
    }

    /** Inserts a new row with one reference, for data written in the referencing transaction itself. */
    void insertReferenced(Connection c, String key, long sizeBytes, long touchedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO blobs (blob_key, size_bytes, refcount, touched_ms) VALUES (?, ?, 1, ?)")) {
            ps.setString(1, key);
            ps.setLong(2, sizeBytes);
            ps.setLong(3, touchedMs);
            ps.executeUpdate();
        }
    }

    /**
     * Inserts a new unreferenced row unless the key exists (false). A row inserted here stays locked by
     * this transaction until it ends, which is how purge claims a key that has no row yet.
     */
    boolean insertIfAbsent(Connection c, String key, long sizeBytes, long touchedMs) throws SQLException {
        try {
            insert(c, key, sizeBytes, touchedMs);
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Makes sure the row exists with the given size and touched time, keeping its reference count, and
     * leaves it locked until the transaction ends. Portable UPDATE-then-INSERT: when a concurrent
     * transaction inserts the same key between the two, our INSERT fails on the duplicate key (after
     * waiting for the other to commit) and the UPDATE, tried again, finds the row.
     */
    void upsertTouched(Connection c, String key, long sizeBytes, long touchedMs) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE blobs SET size_bytes = ?, touched_ms = ? WHERE blob_key = ?")) {
                ps.setLong(1, sizeBytes);
                ps.setLong(2, touchedMs);
                ps.setString(3, key);
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try {
                insert(c, key, sizeBytes, touchedMs);
                return;
            } catch (SQLException e) {
                if (!isDuplicateKey(e) || attempt >= UPSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Sets the touched time; false when the row is gone. */
    boolean touch(Connection c, String key, long touchedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE blobs SET touched_ms = ? WHERE blob_key = ?")) {
            ps.setLong(1, touchedMs);
            ps.setString(2, key);
            return ps.executeUpdate() > 0;
        }
    }

    /** Records the final size and touched time; false when the row is gone. */
    boolean complete(Connection c, String key, long sizeBytes, long touchedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE blobs SET size_bytes = ?, touched_ms = ? WHERE blob_key = ?")) {
            ps.setLong(1, sizeBytes);
            ps.setLong(2, touchedMs);
            ps.setString(3, key);
            return ps.executeUpdate() > 0;
        }
    }

    /** Reads the row without locking it. */
    Row find(Connection c, String key) throws SQLException {
        return select(c, key, "");
    }

    /** Reads and locks the row until the transaction ends (SELECT ... FOR UPDATE: H2 and MariaDB alike). */
    Row lock(Connection c, String key) throws SQLException {
        return select(c, key, " FOR UPDATE");
    }

    private static Row select(Connection c, String key, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT size_bytes, refcount, touched_ms FROM blobs WHERE blob_key = ?" + suffix)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(key, rs.getLong(1), rs.getInt(2), rs.getLong(3)) : null;
            }
        }
    }

    /** +1 on a complete blob; false when there is no such (complete) row. */
    boolean addReference(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE blobs SET refcount = refcount + 1 WHERE blob_key = ? AND size_bytes >= 0")) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * -1, never below 0, restarting the grace period: data whose last reference was just dropped may still
     * be held by a caller about to reference it again. False when there was no reference to drop.
     */
    boolean removeReference(Connection c, String key, long touchedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE blobs SET refcount = refcount - 1, touched_ms = ? WHERE blob_key = ? AND refcount > 0")) {
            ps.setLong(1, touchedMs);
            ps.setString(2, key);
            return ps.executeUpdate() > 0;
        }
    }

    void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM blobs WHERE blob_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /**
     * Keys starting with {@code prefix} (one store's keys: the table may hold another store's rows after
     * a change of store) of unreferenced rows not touched since {@code cutoffMs}, in key order after
     * {@code afterKey}: purge candidates, to be re-checked under a row lock.
     */
    List<String> unreferenced(Connection c, String prefix, long cutoffMs, String afterKey, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT blob_key FROM blobs WHERE refcount = 0 AND touched_ms <= ? AND blob_key LIKE ?"
                        + " AND blob_key > ? ORDER BY blob_key LIMIT ?")) {
            ps.setLong(1, cutoffMs);
            ps.setString(2, prefix + "%");
            ps.setString(3, afterKey);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        }
    }

    /** Whether a row may still be purged: unreferenced and not touched since the cutoff. */
    static boolean purgeable(Row row, long cutoffMs) {
        return row != null && row.refcount() == 0 && row.touchedMs() <= cutoffMs;
    }

    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException s) {
                // 23000/23505: integrity violation; MySQL 1062 duplicate entry; H2 23505 unique index.
                if ("23505".equals(s.getSQLState()) || s.getErrorCode() == 1062 || s.getErrorCode() == 23505) {
                    return true;
                }
            }
        }
        return false;
    }
}
