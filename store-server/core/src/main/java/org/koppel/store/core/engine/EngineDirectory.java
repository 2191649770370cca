package org.koppel.store.core.engine;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Directory;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/**
 * The address book and user administration for a session: checks the input and the caller's rights,
 * then asks the configured user directory; creating a user also creates the user's store.
 */
final class EngineDirectory implements Directory {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");
    private static final int MAX_NAME = 255;

    private final Scope scope;

    EngineDirectory(Scope scope) {
        this.scope = scope;
    }

    private void requireWritable() {
        scope.requireAdmin();
        if (!scope.ctx.directory().writable()) {
            throw new MapiException.NoSupport("the user directory is read-only; change users at their source");
        }
    }

    @Override
    public UserInfo createUser(NewUser u) {
        requireWritable();
        if (u.login() == null || !LOGIN.matcher(u.login()).matches()) {
            throw new MapiException.InvalidParameter("a login has 1 to 64 letters, digits or . _ @ + -");
        }
        if (u.kind() == UserKind.SYSTEM) {
            throw new MapiException.InvalidParameter("system identities cannot be created");
        }
        checkAddress(u.email() == null ? "" : u.email().strip(), true);
        u.aliases().forEach(a -> checkAddress(a, false));
        if (u.fullName() != null && u.fullName().length() > MAX_NAME) {
            throw new MapiException.InvalidParameter("a full name has at most " + MAX_NAME + " characters");
        }
        UserInfo created = scope.ctx.directory().create(u);
        try {
            scope.tx(c -> scope.ctx.factory().createPrivate(c, created.id()));
        } catch (RuntimeException e) {
            scope.ctx.directory().delete(created.id());
            throw e;
        }
        return created;
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
        requireWritable();
        changes.email().ifPresent(e -> checkAddress(e.strip(), true));
        changes.aliases().ifPresent(list -> list.forEach(a -> checkAddress(a, false)));
        return scope.ctx.directory().update(existing(login).id(), changes);
    }

    private UserInfo existing(String login) {
        return scope.ctx.directory().find(login)
                .orElseThrow(() -> new MapiException.NotFound("no such user: " + login));
    }

    @Override
    public void deleteUser(String login, boolean deleteStore) {
        requireWritable();
        UserInfo u = existing(login);
        scope.tx(c -> {
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
            // Delegate entries name directory users without a foreign key (the directory may be external).
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM store_delegates WHERE delegate_id = ?")) {
                ps.setLong(1, u.id());
                ps.executeUpdate();
            }
            return null;
        });
        scope.ctx.directory().delete(u.id());
    }

    @Override
    public void setPassword(String login, String newPassword) {
        requireWritable();
        scope.ctx.directory().setPassword(existing(login).id(), newPassword);
    }

    @Override
    public void changeOwnPassword(String oldPassword, String newPassword) {
        if (scope.caller.system()) {
            throw new MapiException.NoAccess("the system identity has no password");
        }
        if (!scope.ctx.directory().writable()) {
            throw new MapiException.NoSupport("passwords are managed by the external directory");
        }
        scope.ctx.directory().changePassword(scope.caller.userId(), oldPassword, newPassword);
    }

    @Override
    public Optional<UserInfo> user(String login) {
        scope.check();
        return scope.ctx.directory().find(login).filter(u -> u.login().equals(login.strip().toLowerCase(
                java.util.Locale.ROOT)));
    }

    @Override
    public Optional<UserInfo> resolve(String loginOrAddress) {
        scope.check();
        return scope.ctx.directory().find(loginOrAddress);
    }

    @Override
    public List<UserInfo> users() {
        scope.check();
        return scope.ctx.directory().users();
    }

    @Override
    public GroupInfo createGroup(String name, String email) {
        requireWritable();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new MapiException.InvalidParameter("a group name must have 1 to " + MAX_NAME + " characters");
        }
        if (email != null && !email.isBlank()) {
            checkAddress(email.strip(), false);
        }
        return scope.ctx.directory().createGroup(name, email);
    }

    @Override
    public void deleteGroup(String name) {
        requireWritable();
        GroupInfo g = scope.ctx.directory().group(name)
                .orElseThrow(() -> new MapiException.NotFound("no such group: " + name));
        if (g.id() == scope.ctx.directory().everyoneGroupId()) {
            throw new MapiException.NoAccess("the Everyone group is built in");
        }
        scope.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM acls WHERE member_kind = 'GROUP' AND member_id = ?")) {
                ps.setLong(1, g.id());
                ps.executeUpdate();
            }
            return null;
        });
        scope.ctx.directory().deleteGroup(name);
    }

    @Override
    public void addMember(String group, String login) {
        requireWritable();
        scope.ctx.directory().addMember(group, existing(login).id());
    }

    @Override
    public void removeMember(String group, String login) {
        requireWritable();
        scope.ctx.directory().removeMember(group, existing(login).id());
    }

    @Override
    public Optional<GroupInfo> group(String name) {
        scope.check();
        return scope.ctx.directory().group(name);
    }

    @Override
    public List<GroupInfo> groups() {
        scope.check();
        return scope.ctx.directory().groups();
    }

    @Override
    public List<String> sendAs(MemberKind kind, String name) {
        scope.check();
        long principal = principalId(kind, name);
        if (!scope.caller.admin() && !(kind == MemberKind.USER && principal == scope.caller.userId())) {
            throw new MapiException.NoAccess("only administrators and the user themself may read a send-as list");
        }
        return logins(scope.ctx.directory().sendAsGrantees(kind, principal));
    }

    @Override
    public void grantSendAs(MemberKind kind, String name, String grantee) {
        requireWritable();
        long principal = principalId(kind, name);
        UserInfo g = existing(grantee);
        if (kind == MemberKind.USER && g.id() == principal) {
            throw new MapiException.InvalidParameter("a user sends as themself without a grant");
        }
        scope.ctx.directory().grantSendAs(kind, principal, g.id());
    }

    @Override
    public void revokeSendAs(MemberKind kind, String name, String grantee) {
        requireWritable();
        long principal = principalId(kind, name);
        if (!scope.ctx.directory().revokeSendAs(kind, principal, existing(grantee).id())) {
            throw new MapiException.NotFound(grantee + " may not send as " + name);
        }
    }

    private long principalId(MemberKind kind, String name) {
        java.util.Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case USER -> existing(name).id();
            case GROUP -> scope.ctx.directory().group(name)
                    .orElseThrow(() -> new MapiException.NotFound("no such group: " + name)).id();
        };
    }

    /** The logins of directory user ids, sorted; ids of users gone meanwhile are left out. */
    private List<String> logins(java.util.Collection<Long> ids) {
        return ids.stream().map(id -> scope.ctx.directory().byId(id)).flatMap(Optional::stream)
                .map(UserInfo::login).sorted().toList();
    }
}
