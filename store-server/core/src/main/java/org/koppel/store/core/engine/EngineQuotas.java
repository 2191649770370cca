package org.koppel.store.core.engine;

import java.sql.PreparedStatement;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaStatus;
import org.koppel.store.client.Quotas;
import org.koppel.store.client.UserInfo;

/** Quotas for a session: users read their own, administrators read and set anyone's. */
final class EngineQuotas implements Quotas {

    private final Scope scope;

    EngineQuotas(Scope scope) {
        this.scope = scope;
    }

    private UserInfo user(String login) {
        return scope.ctx.directory().find(login)
                .orElseThrow(() -> new MapiException.NotFound("no such user: " + login));
    }

    @Override
    public QuotaStatus status(String login) {
        UserInfo u = user(login);
        if (!scope.caller.admin() && u.id() != scope.caller.userId()) {
            throw new MapiException.NoAccess("you may only see your own quota");
        }
        return scope.tx(c -> {
            // One round trip for the usual case (the delivery agent asks at every RCPT): the store's size and
            // the owner's own limits together.
            try (PreparedStatement ps = c.prepareStatement("SELECT s.size_bytes, q.user_id, q.warn_bytes,"
                    + " q.soft_bytes, q.hard_bytes FROM stores s LEFT JOIN quotas q ON q.user_id = s.owner_id"
                    + " WHERE s.owner_id = ? AND s.kind = 'PRIVATE'")) {
                ps.setLong(1, u.id());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long used = rs.getLong(1);
                        rs.getLong(2);
                        boolean inherited = rs.wasNull();
                        Quota q = inherited ? scope.ctx.quotas().defaults()
                                : new Quota(rs.getLong(3), rs.getLong(4), rs.getLong(5));
                        return new QuotaStatus(u.login(), q, inherited, used, QuotaPolicy.level(q, used));
                    }
                }
            }
            var own = scope.ctx.quotas().own(c, u.id()); // a user without a store (yet)
            Quota q = own.orElse(scope.ctx.quotas().defaults());
            return new QuotaStatus(u.login(), q, own.isEmpty(), 0L, QuotaPolicy.level(q, 0L));
        });
    }

    @Override
    public void set(String login, Quota quota) {
        scope.requireAdmin();
        UserInfo u = user(login);
        scope.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM quotas WHERE user_id = ?")) {
                ps.setLong(1, u.id());
                ps.executeUpdate();
            }
            if (quota != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO quotas (user_id, warn_bytes, soft_bytes, hard_bytes) VALUES (?,?,?,?)")) {
                    ps.setLong(1, u.id());
                    ps.setLong(2, quota.warnBytes());
                    ps.setLong(3, quota.softBytes());
                    ps.setLong(4, quota.hardBytes());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
