package org.koppel.eas.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Finds the internal row id of a device account inside a transaction. Always read from the database, not a
 * cache: a removed and re-registered account has a new id, and another node may have done that.
 */
final class DeviceRefs {

    private DeviceRefs() {
    }

    static OptionalLong find(Connection c, DeviceAccount account, boolean forUpdate) throws SQLException {
        String sql = "SELECT id FROM eas_device WHERE user_name = ? AND device_id = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, account.user());
            ps.setString(2, account.deviceId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static long require(Connection c, DeviceAccount account) throws SQLException {
        return require(c, account, false);
    }

    static long require(Connection c, DeviceAccount account, boolean forUpdate) throws SQLException {
        OptionalLong ref = find(c, account, forUpdate);
        if (ref.isEmpty()) {
            throw new DeviceStateException.UnknownDevice(account);
        }
        return ref.getAsLong();
    }
}
