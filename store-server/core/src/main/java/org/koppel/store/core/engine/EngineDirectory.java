package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Directory;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/** The user directory for a session; writes need an administrator. */
final class EngineDirectory implements Directory {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private final Scope scope;
    private final SqlUsers users;

    EngineDirectory(Scope scope, SqlUsers users) {
        this.scope = scope;
        this.users = users;
    }

    @Override
    public UserInfo createUser(NewUser u) {
        scope.requireAdmin();
        if (u.login() == null || !LOGIN.matcher(u.login()).matches()) {
            throw new MapiException.InvalidParameter("a login has 1 to 64 letters, digits or . _ @ + -");
        }
        if (u.kind() == UserKind.SYSTEM) {
            throw new MapiException.InvalidParameter("system identities cannot be created");
        }
        String email = u.email() == null ? "" : u.email().strip();
        checkAddress(email, true);
        u.aliases().forEach(a -> checkAddress(a, false));
        String hash = u.password() == null || u.password().isEmpty() ? null : scope.ctx.hasher().hash(u.password());
        String fullName = u.fullName() == null || u.fullName().isBlank() ? u.login() : u.fullName().strip();
        return scope.tx(c -> {
            if (users.byLoginOrAddress(c, u.login()).isPresent()) {
                throw new MapiException.Collision("user " + u.login() + " exists");
            }
            for (String a : addressesOf(email, u.aliases())) {
                if (users.byLoginOrAddress(c, a).isPresent()) {
                    throw new MapiException.Collision("address " + a + " is taken");
                }
            }
            long id;
            try {
                id = users.insert(c, u.login(), fullName, email, hash, u.admin(), u.kind(), u.features());
                users.setAddresses(c, id, email, u.aliases());
            } catch (SQLIntegrityConstraintViolationException e) {
                throw new MapiException.Collision("user or address exists: " + u.login());
            }
            scope.ctx.factory().createPrivate(c, id);
            return users.byId(c, id).orElseThrow();
        });
    }

    private static List<String> addressesOf(String email, List<String> aliases) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(aliases);
        if (!email.isEmpty()) {
            all.add(email);
        }
        return all;
    }

    private static void checkAddress(String address, boolean mayBeEmpty) {
        if (address.isEmpty() && mayBeEmpty) {
            return;
        }
        if (!ADDRESS.matcher(address).matches()) {
            throw new MapiException.InvalidParameter("not an e-mail address: " + address);
        }
    }

    @Override
    public UserInfo updateUser(String login, UserChanges changes) {
        scope.requireAdmin();
        changes.email().ifPresent(e -> checkAddress(e, true));
        changes.aliases().ifPresent(list -> list.forEach(a -> checkAddress(a, false)));
        return scope.tx(c -> {
            UserInfo u = existing(c, login);
            if (changes.fullName().isPresent()) {
                users.update(c, u.id(), "full_name", changes.fullName().get());
            }
            if (changes.admin().isPresent()) {
                users.update(c, u.id(), "is_admin", changes.admin().get());
            }
            if (changes.active().isPresent()) {
                users.update(c, u.id(), "active", changes.active().get());
            }
            if (changes.features().isPresent()) {
                users.update(c, u.id(), "features", SqlUsers.formatFeatures(changes.features().get()));
            }
            if (changes.email().isPresent() || changes.aliases().isPresent()) {
                String email = changes.email().orElse(u.email());
                List<String> aliases = changes.aliases().orElse(u.aliases());
                for (String a : addressesOf(email, aliases)) {
                    Optional<UserInfo> other = users.byLoginOrAddress(c, a);
                    if (other.isPresent() && other.get().id() != u.id()) {
                        throw new MapiException.Collision("address " + a + " is taken");
                    }
                }
                users.update(c, u.id(), "email", email);
                users.setAddresses(c, u.id(), email, aliases);
            }
            return users.byId(c, u.id()).orElseThrow();
        });
    }

    private UserInfo existing(Connection c, String login) throws SQLException {
        return users.byLoginOrAddress(c, login).orElseThrow(() -> new MapiException.NotFound("no such user: " + login));
    }

    @Override
    public void deleteUser(String login, boolean deleteStore) {
        scope.requireAdmin();
        scope.tx(c -> {
            UserInfo u = existing(c, login);
            var store = scope.ctx.objects().privateStoreOf(c, u.id());
            if (store.isPresent()) {
                if (deleteStore) {
                    new StoreRemoval(scope.ctx).remove(c, store.get().id());
                } else {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE stores SET owner_id = NULL WHERE id = ?")) {
                        ps.setLong(1, store.get().id());
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM acls WHERE member_kind = 'USER' AND member_id = ?")) {
                ps.setLong(1, u.id());
                ps.executeUpdate();
            }
            users.delete(c, u.id());
            return null;
        });
    }

    @Override
    public void setPassword(String login, String newPassword) {
        scope.requireAdmin();
        String hash = scope.ctx.hasher().hash(newPassword);
        scope.tx(c -> {
            users.setPasswordHash(c, existing(c, login).id(), hash);
            return null;
        });
    }

    @Override
    public void changeOwnPassword(String oldPassword, String newPassword) {
        if (scope.caller.system()) {
            throw new MapiException.NoAccess("the system identity has no password");
        }
        String hash = scope.ctx.hasher().hash(newPassword);
        scope.tx(c -> {
            var account = users.accountForLogon(c, scope.caller.login()).orElseThrow();
            if (!scope.ctx.hasher().verify(oldPassword, account.passwordHash())) {
                throw new MapiException.LogonFailed("the old password is wrong");
            }
            users.setPasswordHash(c, account.info().id(), hash);
            return null;
        });
    }

    @Override
    public Optional<UserInfo> user(String login) {
        return scope.tx(c -> users.byLogin(c, login));
    }

    @Override
    public Optional<UserInfo> resolve(String loginOrAddress) {
        return scope.tx(c -> users.byLoginOrAddress(c, loginOrAddress));
    }

    @Override
    public List<UserInfo> users() {
        return scope.tx(users::all);
    }

    @Override
    public GroupInfo createGroup(String name, String email) {
        scope.requireAdmin();
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new MapiException.InvalidParameter("a group name must have 1 to 255 characters");
        }
        return scope.tx(c -> {
            if (users.group(c, name).isPresent()) {
                throw new MapiException.Collision("group " + name + " exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_groups (name, email) VALUES (?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name.strip());
                ps.setString(2, email == null ? "" : email.strip());
                ps.executeUpdate();
            }
            return users.group(c, name).orElseThrow();
        });
    }

    @Override
    public void deleteGroup(String name) {
        scope.requireAdmin();
        if (GroupInfo.EVERYONE.equals(name)) {
            throw new MapiException.NoAccess("the Everyone group is built in");
        }
        scope.tx(c -> {
            GroupInfo g = users.group(c, name).orElseThrow(() -> new MapiException.NotFound("no such group: " + name));
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM acls WHERE member_kind = 'GROUP' AND member_id = ?")) {
                ps.setLong(1, g.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_groups WHERE id = ?")) {
                ps.setLong(1, g.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void addMember(String group, String login) {
        membership(group, login, true);
    }

    @Override
    public void removeMember(String group, String login) {
        membership(group, login, false);
    }

    private void membership(String group, String login, boolean add) {
        scope.requireAdmin();
        if (GroupInfo.EVERYONE.equals(group)) {
            throw new MapiException.NoAccess("everyone is a member of Everyone");
        }
        scope.tx(c -> {
            GroupInfo g = users.group(c, group).orElseThrow(() -> new MapiException.NotFound("no such group: " + group));
            UserInfo u = existing(c, login);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM group_members WHERE group_id = ? AND user_id = ?")) {
                ps.setLong(1, g.id());
                ps.setLong(2, u.id());
                ps.executeUpdate();
            }
            if (add) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO group_members (group_id, user_id) VALUES (?,?)")) {
                    ps.setLong(1, g.id());
                    ps.setLong(2, u.id());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<GroupInfo> groups() {
        return scope.tx(users::groups);
    }

    @Override
    public Optional<GroupInfo> group(String name) {
        return scope.tx(c -> users.group(c, name));
    }
}
