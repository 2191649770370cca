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
            var own = scope.ctx.quotas().own(c, u.id());
            Quota q = own.orElse(scope.ctx.quotas().defaults());
            long used = scope.ctx.objects().privateStoreOf(c, u.id()).map(StoreRow::sizeBytes).orElse(0L);
            return new QuotaStatus(u.login(), q, own.isEmpty(), used, QuotaPolicy.level(q, used));
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
