package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private final SqlUsers users;

    EnginePermissions(Scope scope, SqlUsers users) {
        this.scope = scope;
        this.users = users;
    }

    @Override
    public List<AclEntry> list(EntryId folder) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            List<AclEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.member_kind, a.rights, u.login, g.name"
                    + " FROM acls a LEFT JOIN users u ON a.member_kind = 'USER' AND u.id = a.member_id"
                    + " LEFT JOIN user_groups g ON a.member_kind = 'GROUP' AND g.id = a.member_id"
                    + " WHERE a.folder_id = ? ORDER BY a.member_kind, a.member_id")) {
                ps.setLong(1, f.object().id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MemberKind kind = MemberKind.valueOf(rs.getString(1));
                        String name = kind == MemberKind.USER ? rs.getString(3) : rs.getString(4);
                        if (name != null) {
                            out.add(new AclEntry(name, kind, rs.getInt(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void set(EntryId folder, String member, MemberKind kind, int rights) {
        if ((rights & ~Rights.ALL) != 0) {
            throw new MapiException.InvalidParameter(String.format("unknown rights bits 0x%X", rights & ~Rights.ALL));
        }
        scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            long memberId = memberId(c, member, kind);
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

    private long memberId(Connection c, String member, MemberKind kind) throws SQLException {
        return switch (kind) {
            case USER -> users.byLoginOrAddress(c, member)
                    .orElseThrow(() -> new MapiException.NotFound("no such user: " + member)).id();
            case GROUP -> users.group(c, member)
                    .orElseThrow(() -> new MapiException.NotFound("no such group: " + member)).id();
        };
    }

    @Override
    public int effectiveRights(EntryId folder) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            return scope.ctx.access().rights(c, scope.caller, f.store(), f.object());
        });
    }
}
