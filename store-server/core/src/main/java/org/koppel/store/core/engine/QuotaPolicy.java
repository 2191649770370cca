package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaLevel;

/** A store's effective quota: the owner's own limits, or the server defaults; the public store has none. */
final class QuotaPolicy {

    private final Quota defaults;

    QuotaPolicy(Quota defaults) {
        this.defaults = defaults;
    }

    Quota effective(Connection c, StoreRow store) throws SQLException {
        if (store.ownerId() == null) {
            return Quota.UNLIMITED;
        }
        return own(c, store.ownerId()) .orElse(defaults);
    }

    java.util.Optional<Quota> own(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT warn_bytes, soft_bytes, hard_bytes FROM quotas WHERE user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Quota(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        : java.util.Optional.empty();
            }
        }
    }

    Quota defaults() {
        return defaults;
    }

    static QuotaLevel level(Quota q, long used) {
        if (q.hardBytes() > 0 && used >= q.hardBytes()) {
            return QuotaLevel.HARD;
        }
        if (q.softBytes() > 0 && used >= q.softBytes()) {
            return QuotaLevel.SOFT;
        }
        if (q.warnBytes() > 0 && used >= q.warnBytes()) {
            return QuotaLevel.WARN;
        }
        return QuotaLevel.OK;
    }
}
