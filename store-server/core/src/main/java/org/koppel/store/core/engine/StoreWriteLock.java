package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Quota;

/**
 * The per-store write lock, change-number counter and size account. Every write transaction on a store
 * starts by taking its lock here (an update of the store row), which orders change numbers strictly
 * and lets size and quota checks see a stable total.
 */
final class StoreWriteLock {

    /** Takes the store's write lock without reserving change numbers. */
    void lock(Connection c, long storeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stores WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("store " + storeId + " does not exist");
                }
            }
        }
    }

    /** Locks the store and reserves {@code count} change numbers; returns the first one. */
    long lockAndReserve(Connection c, long storeId, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stores SET last_cn = last_cn + ? WHERE id = ?")) {
            ps.setInt(1, count);
            ps.setLong(2, storeId);
            if (ps.executeUpdate() != 1) {
                throw new MapiException.NotFound("store " + storeId + " does not exist");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_cn FROM stores WHERE id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    /**
     * Locks the store, reserves {@code count} change numbers (returning the first) and adds {@code sizeDelta} bytes to its size in one
     * update, then checks the new size against the hard quota (refusing growth past it with
     * MAPI_E_STORE_FULL, which rolls the caller's transaction back). The hot path of every delivery.
     */
    long reserveAndGrow(Connection c, StoreRow store, int count, long sizeDelta, QuotaPolicy quotas)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE stores SET last_cn = last_cn + ?, size_bytes = size_bytes + ? WHERE id = ?")) {
            ps.setInt(1, count);
            ps.setLong(2, sizeDelta);
            ps.setLong(3, store.id());
            if (ps.executeUpdate() != 1) {
                throw new MapiException.NotFound("store " + store.id() + " does not exist");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT s.last_cn, s.size_bytes, q.hard_bytes FROM stores s"
                + " LEFT JOIN quotas q ON q.user_id = s.owner_id WHERE s.id = ?")) {
            ps.setLong(1, store.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long cn = rs.getLong(1);
                long size = rs.getLong(2);
                long hard = rs.getLong(3);
                if (rs.wasNull()) {
                    hard = store.ownerId() == null ? 0 : quotas.defaults().hardBytes();
                }
                if (sizeDelta > 0 && hard > 0 && size > hard) {
                    throw new MapiException.StoreFull("the mailbox is full (hard quota " + hard + " bytes)");
                }
                return cn - count + 1;
            }
        }
    }

    /**
     * Adds {@code delta} bytes to the store's size; a growth that would pass the hard quota is refused
     * with MAPI_E_STORE_FULL (and the caller's transaction rolls back).
     */
    void addSize(Connection c, long storeId, long delta, Quota quota) throws SQLException {
        if (delta == 0) {
            return;
        }
        if (delta > 0 && quota.hardBytes() > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT size_bytes FROM stores WHERE id = ?")) {
                ps.setLong(1, storeId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) + delta > quota.hardBytes()) {
                        throw new MapiException.StoreFull("the mailbox is full (hard quota "
                                + quota.hardBytes() + " bytes)");
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE stores SET size_bytes = size_bytes + ? WHERE id = ?")) {
            ps.setLong(1, delta);
            ps.setLong(2, storeId);
            ps.executeUpdate();
        }
    }
}
