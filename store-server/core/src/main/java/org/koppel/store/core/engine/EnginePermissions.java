package org.koppel.store.core.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.AclEntry;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.Permissions;
import org.koppel.store.client.Rights;

/** Folder ACLs for a session. */
final class EnginePermissions implements Permissions {

    private final Scope scope;

    EnginePermissions(Scope scope) {
        this.scope = scope;
    }

    @Override
    public List<AclEntry> list(EntryId folder) {
        record Row(MemberKind kind, long id, int rights) {
        }
        List<Row> rows = scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT member_kind, member_id, rights FROM acls"
                    + " WHERE folder_id = ? ORDER BY member_kind DESC, member_id")) {
                ps.setLong(1, f.object().id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(MemberKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getInt(3)));
                    }
                }
            }
            return out;
        });
        List<AclEntry> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            var name = switch (r.kind()) {
                case USER -> scope.ctx.directory().byId(r.id()).map(u -> u.login());
                case GROUP -> scope.ctx.directory().groupById(r.id()).map(g -> g.name());
            };
            name.ifPresent(n -> out.add(new AclEntry(n, r.kind(), r.rights())));
        }
        return out;
    }

    @Override
    public void set(EntryId folder, String member, MemberKind kind, int rights) {
        if ((rights & ~Rights.ALL) != 0) {
            throw new MapiException.InvalidParameter(String.format("unknown rights bits 0x%X", rights & ~Rights.ALL));
        }
        long memberId = switch (kind) {
            case USER -> scope.ctx.directory().find(member)
                    .orElseThrow(() -> new MapiException.NotFound("no such user: " + member)).id();
            case GROUP -> scope.ctx.directory().group(member)
                    .orElseThrow(() -> new MapiException.NotFound("no such group: " + member)).id();
        };
        scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM acls WHERE folder_id = ? AND member_kind = ? AND member_id = ?")) {
                ps.setLong(1, f.object().id());
                ps.setString(2, kind.name());
                ps.setLong(3, memberId);
                ps.executeUpdate();
            }
            if (rights != 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO acls (folder_id, member_kind, member_id, rights) VALUES (?,?,?,?)")) {
                    ps.setLong(1, f.object().id());
                    ps.setString(2, kind.name());
                    ps.setLong(3, memberId);
                    ps.setInt(4, rights);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public int effectiveRights(EntryId folder) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            return scope.ctx.access().rights(c, scope.caller, f.store(), f.object());
        });
    }
}
