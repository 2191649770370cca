package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.AclEntry;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.Permissions;
import org.koppel.store.client.Rights;
import org.koppel.store.client.UserInfo;

/** Folder ACLs and mailbox delegates for a session. */
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

    @Override
    public List<String> delegates(String login) {
        UserInfo owner = ownerForDelegates(login);
        List<Long> ids = scope.tx(c -> {
            long store = mailbox(c, owner);
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT delegate_id FROM store_delegates WHERE store_id = ?")) {
                ps.setLong(1, store);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        // Looked up outside the transaction: the directory has its own connections and cache.
        return ids.stream().map(id -> scope.ctx.directory().byId(id)).flatMap(Optional::stream)
                .map(UserInfo::login).sorted().toList();
    }

    @Override
    public void addDelegate(String login, String delegate) {
        UserInfo owner = ownerForDelegates(login);
        UserInfo d = user(delegate);
        if (d.id() == owner.id()) {
            throw new MapiException.InvalidParameter("a user sends as themself without being their own delegate");
        }
        scope.tx(c -> {
            long store = mailbox(c, owner);
            if (isDelegate(c, store, d.id())) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO store_delegates (store_id, delegate_id) VALUES (?, ?)")) {
                ps.setLong(1, store);
                ps.setLong(2, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void removeDelegate(String login, String delegate) {
        UserInfo owner = ownerForDelegates(login);
        UserInfo d = user(delegate);
        scope.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM store_delegates WHERE store_id = ? AND delegate_id = ?")) {
                ps.setLong(1, mailbox(c, owner));
                ps.setLong(2, d.id());
                if (ps.executeUpdate() == 0) {
                    throw new MapiException.NotFound(delegate + " is not a delegate of " + owner.login());
                }
            }
            return null;
        });
    }

    /** The mailbox owner, if the caller may see and change their delegates: the owner or an administrator. */
    private UserInfo ownerForDelegates(String login) {
        scope.check();
        UserInfo owner = user(login);
        if (!scope.caller.admin() && owner.id() != scope.caller.userId()) {
            throw new MapiException.NoAccess("only the mailbox's owner and administrators manage its delegates");
        }
        return owner;
    }

    private UserInfo user(String login) {
        return scope.ctx.directory().find(login)
                .orElseThrow(() -> new MapiException.NotFound("no such user: " + login));
    }

    private long mailbox(Connection c, UserInfo owner) throws SQLException {
        return scope.ctx.objects().privateStoreOf(c, owner.id())
                .orElseThrow(() -> new MapiException.NotFound(owner.login() + " has no mailbox")).id();
    }

    private static boolean isDelegate(Connection c, long store, long delegate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM store_delegates WHERE store_id = ? AND delegate_id = ?")) {
            ps.setLong(1, store);
            ps.setLong(2, delegate);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
