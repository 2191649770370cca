package org.koppel.store.core.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Feature;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;
import org.koppel.store.core.db.Database;

/**
 * The user directory kept in the store's own database (tables users, user_addresses, user_groups,
 * group_members, send_as). Group memberships are cached briefly, since every ACL check asks for them; changes made
 * through this object clear the cache at once, changes by other nodes show within {@link #MEMBERSHIP_TTL}.
 */
public final class DatabaseUserDirectory implements UserDirectory {

    static final Duration MEMBERSHIP_TTL = Duration.ofSeconds(30);
    /** How long a proven password spares the next logons the PBKDF2 derivation. */
    static final Duration VERIFIED_PASSWORD_TTL = Duration.ofMinutes(10);
    private static final String USER_COLUMNS = "id, login, full_name, email, is_admin, kind, active, features";

    private final Database db;
    private final PasswordHasher hasher;
    /** Logons with a password proven in the last minutes skip the PBKDF2 derivation. */
    private final VerifiedPasswords verified;
    private final Clock clock;
    private final long everyoneId;
    private final ConcurrentHashMap<Long, CachedGroups> membership = new ConcurrentHashMap<>();
    private final UserLookups lookups;

    private record CachedGroups(Set<Long> groups, boolean active, Instant loaded) {
    }

    public DatabaseUserDirectory(Database db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
        this.lookups = new UserLookups(clock, MEMBERSHIP_TTL);
        this.verified = new VerifiedPasswords(clock, VERIFIED_PASSWORD_TTL);
        this.everyoneId = db.transaction(DatabaseUserDirectory::ensureEveryone);
    }

    private static long ensureEveryone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM user_groups WHERE name = ?")) {
            ps.setString(1, GroupInfo.EVERYONE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_groups (name, email) VALUES (?, '')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, GroupInfo.EVERYONE);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static String normalize(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public Optional<UserInfo> byId(long id) {
        return lookups.get(id, () -> db.transaction(c -> load(c, id)));
    }

    @Override
    public Optional<UserInfo> find(String loginOrAddress) {
        return lookups.get(loginOrAddress.strip().toLowerCase(Locale.ROOT), () -> db.transaction(c -> {
            Optional<Long> id = idOf(c, loginOrAddress);
            return id.isEmpty() ? Optional.<UserInfo>empty() : load(c, id.get());
        }));
    }

    @Override
    public Optional<UserInfo> authenticate(String loginOrAddress, String password) {
        record Account(UserInfo info, String hash) {
        }
        Optional<Account> account = db.transaction(c -> {
            Optional<Long> id = idOf(c, loginOrAddress);
            if (id.isEmpty()) {
                return Optional.<Account>empty();
            }
            Optional<UserInfo> info = load(c, id.get());
            String hash = passwordHash(c, id.get());
            return info.map(i -> new Account(i, hash));
        });
        if (account.isEmpty()) {
            // Spend the same effort as a real check, so timing does not reveal which logins exist.
            hasher.verify(password, hasher.dummyHash());
            return Optional.empty();
        }
        Account a = account.get();
        boolean proven = a.hash() != null && verified.proven(a.hash(), password);
        if (!proven && !hasher.verify(password, a.hash())) {
            return Optional.empty();
        }
        if (!proven) {
            verified.remember(a.hash(), password);
        }
        if (!a.info().active() || a.info().kind() != UserKind.USER) {
            return Optional.empty();
        }
        if (hasher.needsRehash(a.hash())) {
            String rehashed = hasher.hash(password);
            db.transaction(c -> setColumn(c, a.info().id(), "password_hash", rehashed));
        }
        return Optional.of(a.info());
    }

    @Override
    public List<UserInfo> users() {
        return db.transaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users ORDER BY login");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<UserInfo> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                load(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public UserInfo create(NewUser u) {
        String hash = u.password() == null || u.password().isEmpty() ? null : hasher.hash(u.password());
        String email = u.email() == null ? "" : u.email().strip();
        String fullName = u.fullName() == null || u.fullName().isBlank() ? u.login() : u.fullName().strip();
        try {
            return db.transaction(c -> create(c, u, hash, email, fullName));
        } finally {
            lookups.clear(); // a cached "no such address" must not outlive the user who now has it
        }
    }

    private UserInfo create(Connection c, NewUser u, String hash, String email, String fullName) throws SQLException {
        {
            if (idOf(c, u.login()).isPresent()) {
                throw new MapiException.Collision("user " + u.login() + " exists");
            }
            for (String a : addresses(email, u.aliases())) {
                if (idOf(c, a).isPresent()) {
                    throw new MapiException.Collision("address " + a + " is taken");
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (login, full_name, email, password_hash,"
                    + " is_admin, kind, active, features, created_ms) VALUES (?,?,?,?,?,?,TRUE,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, normalize(u.login()));
                ps.setString(2, fullName);
                ps.setString(3, email);
                ps.setString(4, hash);
                ps.setBoolean(5, u.admin());
                ps.setString(6, u.kind().name());
                ps.setString(7, formatFeatures(u.features()));
                ps.setLong(8, System.currentTimeMillis());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                setAddresses(c, id, email, u.aliases());
            } catch (SQLIntegrityConstraintViolationException e) {
                throw new MapiException.Collision("user or address exists: " + u.login());
            }
            return load(c, id).orElseThrow();
        }
    }

    @Override
    public UserInfo update(long id, UserChanges changes) {
        // The cached active flag must not outlive a deactivation made here.
        membership.remove(id);
        try {
            return db.transaction(c -> update(c, id, changes));
        } finally {
            lookups.clear();
        }
    }

    private UserInfo update(Connection c, long id, UserChanges changes) throws SQLException {
        {
            UserInfo u = load(c, id).orElseThrow(() -> new MapiException.NotFound("no such user"));
            if (changes.fullName().isPresent()) {
                setColumn(c, id, "full_name", changes.fullName().get());
            }
            if (changes.admin().isPresent()) {
                setColumn(c, id, "is_admin", changes.admin().get());
            }
            if (changes.active().isPresent()) {
                setColumn(c, id, "active", changes.active().get());
            }
            if (changes.features().isPresent()) {
                setColumn(c, id, "features", formatFeatures(changes.features().get()));
            }
            if (changes.email().isPresent() || changes.aliases().isPresent()) {
                String email = changes.email().orElse(u.email()).strip();
                List<String> aliases = changes.aliases().orElse(u.aliases());
                for (String a : addresses(email, aliases)) {
                    Optional<Long> other = idOf(c, a);
                    if (other.isPresent() && other.get() != id) {
                        throw new MapiException.Collision("address " + a + " is taken");
                    }
                }
                setColumn(c, id, "email", email);
                setAddresses(c, id, email, aliases);
            }
            return load(c, id).orElseThrow();
        }
    }

    @Override
    public void delete(long id) {
        try {
            deleteRow(id);
        } finally {
            lookups.clear();
        }
        membership.remove(id);
    }

    private void deleteRow(long id) {
        db.transaction(c -> {
            deleteSendAsOf(c, MemberKind.USER, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                    throw new MapiException.NotFound("no such user");
                }
            }
            return null;
        });
    }

    @Override
    public void setPassword(long id, String password) {
        String hash = hasher.hash(password);
        db.transaction(c -> {
            if (setColumn(c, id, "password_hash", hash) == 0) {
                throw new MapiException.NotFound("no such user");
            }
            return null;
        });
    }

    @Override
    public void changePassword(long id, String oldPassword, String newPassword) {
        String stored = db.transaction(c -> passwordHash(c, id));
        if (!hasher.verify(oldPassword, stored)) {
            throw new MapiException.LogonFailed("the old password is wrong");
        }
        setPassword(id, newPassword);
    }

    @Override
    public List<GroupInfo> groups() {
        return db.transaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM user_groups ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<GroupInfo> out = new ArrayList<>();
            for (long id : ids) {
                loadGroup(c, "id = ?", id).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public Optional<GroupInfo> group(String name) {
        return db.transaction(c -> loadGroup(c, "name = ?", name.strip()));
    }

    @Override
    public Optional<GroupInfo> groupById(long id) {
        return db.transaction(c -> loadGroup(c, "id = ?", id));
    }

    @Override
    public GroupInfo createGroup(String name, String email) {
        return db.transaction(c -> {
            if (loadGroup(c, "name = ?", name.strip()).isPresent()) {
                throw new MapiException.Collision("group " + name + " exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_groups (name, email) VALUES (?,?)")) {
                ps.setString(1, name.strip());
                ps.setString(2, email == null ? "" : email.strip());
                ps.executeUpdate();
            } catch (SQLIntegrityConstraintViolationException e) {
                throw new MapiException.Collision("group " + name + " exists");
            }
            return loadGroup(c, "name = ?", name.strip()).orElseThrow();
        });
    }

    @Override
    public void deleteGroup(String name) {
        if (GroupInfo.EVERYONE.equals(name)) {
            throw new MapiException.NoAccess("the Everyone group is built in");
        }
        db.transaction(c -> {
            GroupInfo g = loadGroup(c, "name = ?", name.strip())
                    .orElseThrow(() -> new MapiException.NotFound("no such group: " + name));
            deleteSendAsOf(c, MemberKind.GROUP, g.id());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_groups WHERE id = ?")) {
                ps.setLong(1, g.id());
                ps.executeUpdate();
            }
            return null;
        });
        membership.clear();
    }

    @Override
    public void addMember(String group, long userId) {
        changeMembership(group, userId, true);
    }

    @Override
    public void removeMember(String group, long userId) {
        changeMembership(group, userId, false);
    }

    private void changeMembership(String group, long userId, boolean add) {
        if (GroupInfo.EVERYONE.equals(group)) {
            throw new MapiException.NoAccess("every user is a member of Everyone");
        }
        db.transaction(c -> {
            GroupInfo g = loadGroup(c, "name = ?", group.strip())
                    .orElseThrow(() -> new MapiException.NotFound("no such group: " + group));
            if (load(c, userId).isEmpty()) {
                throw new MapiException.NotFound("no such user");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM group_members WHERE group_id = ? AND user_id = ?")) {
                ps.setLong(1, g.id());
                ps.setLong(2, userId);
                ps.executeUpdate();
            }
            if (add) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO group_members (group_id, user_id) VALUES (?,?)")) {
                    ps.setLong(1, g.id());
                    ps.setLong(2, userId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        membership.remove(userId);
    }

    @Override
    public Set<Long> sendAsGrantees(MemberKind kind, long principalId) {
        return db.transaction(c -> {
            Set<Long> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT grantee_id FROM send_as WHERE principal_kind = ? AND principal_id = ?")) {
                ps.setString(1, kind.name());
                ps.setLong(2, principalId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return Set.copyOf(out);
        });
    }

    @Override
    public boolean grantSendAs(MemberKind kind, long principalId, long granteeId) {
        return db.transaction(c -> {
            boolean exists = switch (kind) {
                case USER -> load(c, principalId).isPresent();
                case GROUP -> loadGroup(c, "id = ?", principalId).isPresent();
            };
            if (!exists) {
                throw new MapiException.NotFound("no such " + kind.name().toLowerCase(Locale.ROOT));
            }
            if (load(c, granteeId).isEmpty()) {
                throw new MapiException.NotFound("no such user");
            }
            if (sendAsGrantee(c, kind, principalId, granteeId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO send_as (principal_kind, principal_id, grantee_id) VALUES (?,?,?)")) {
                ps.setString(1, kind.name());
                ps.setLong(2, principalId);
                ps.setLong(3, granteeId);
                ps.executeUpdate();
            } catch (SQLIntegrityConstraintViolationException e) {
                // granted by a concurrent call between the check and the insert: the same outcome
                return false;
            }
            return true;
        });
    }

    @Override
    public boolean revokeSendAs(MemberKind kind, long principalId, long granteeId) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM send_as WHERE principal_kind = ? AND principal_id = ? AND grantee_id = ?")) {
                ps.setString(1, kind.name());
                ps.setLong(2, principalId);
                ps.setLong(3, granteeId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static boolean sendAsGrantee(Connection c, MemberKind kind, long principalId, long granteeId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM send_as WHERE principal_kind = ?"
                + " AND principal_id = ? AND grantee_id = ?")) {
            ps.setString(1, kind.name());
            ps.setLong(2, principalId);
            ps.setLong(3, granteeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A deleted user or group leaves no send-as list behind for a later one with a reused id. */
    private static void deleteSendAsOf(Connection c, MemberKind kind, long principalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM send_as WHERE principal_kind = ? AND principal_id = ?")) {
            ps.setString(1, kind.name());
            ps.setLong(2, principalId);
            ps.executeUpdate();
        }
    }

    @Override
    public Set<Long> groupIdsOf(long userId) {
        return cached(userId).groups();
    }

    @Override
    public boolean isActive(long userId) {
        return cached(userId).active();
    }

    /** A user's groups and whether the account exists and is active, cached briefly. */
    private CachedGroups cached(long userId) {
        CachedGroups cached = membership.get(userId);
        Instant now = clock.instant();
        if (cached != null && cached.loaded().plus(MEMBERSHIP_TTL).isAfter(now)) {
            return cached;
        }
        CachedGroups loaded = db.transaction(c -> {
            Set<Long> out = new HashSet<>();
            out.add(everyoneId);
            try (PreparedStatement ps = c.prepareStatement("SELECT group_id FROM group_members WHERE user_id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            boolean active = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT active FROM users WHERE id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    active = rs.next() && rs.getBoolean(1);
                }
            }
            return new CachedGroups(Set.copyOf(out), active, now);
        });
        membership.put(userId, loaded);
        return loaded;
    }

    @Override
    public long everyoneGroupId() {
        return everyoneId;
    }

    // ---- SQL

    private static Optional<Long> idOf(Connection c, String loginOrAddress) throws SQLException {
        String key = normalize(loginOrAddress);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE login = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM user_addresses WHERE address = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static String passwordHash(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Optional<UserInfo> load(Connection c, long id) throws SQLException {
        UserInfo info;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                info = new UserInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of(),
                        rs.getBoolean(5), UserKind.valueOf(rs.getString(6)), rs.getBoolean(7),
                        parseFeatures(rs.getString(8)));
            }
        }
        List<String> aliases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT address FROM user_addresses WHERE user_id = ? AND is_primary = FALSE ORDER BY address")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new UserInfo(info.id(), info.login(), info.fullName(), info.email(), aliases, info.admin(),
                info.kind(), info.active(), info.features()));
    }

    private Optional<GroupInfo> loadGroup(Connection c, String where, Object key) throws SQLException {
        long id;
        String name;
        String email;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM user_groups WHERE " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                name = rs.getString(2);
                email = rs.getString(3);
            }
        }
        // Everyone's members are implicit: every user account.
        String sql = id == everyoneId
                ? "SELECT login FROM users ORDER BY login"
                : "SELECT u.login FROM group_members g JOIN users u ON u.id = g.user_id WHERE g.group_id = ?"
                        + " ORDER BY u.login";
        List<String> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != everyoneId) {
                ps.setLong(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new GroupInfo(id, name, email, members));
    }

    private static int setColumn(Connection c, long id, String column, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET " + column + " = ? WHERE id = ?")) {
            ps.setObject(1, value);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }
    }

    private static void setAddresses(Connection c, long userId, String primary, List<String> aliases)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_addresses WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
        Set<String> done = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO user_addresses (address, user_id, is_primary) VALUES (?,?,?)")) {
            if (!primary.isEmpty()) {
                done.add(normalize(primary));
                ps.setString(1, normalize(primary));
                ps.setLong(2, userId);
                ps.setBoolean(3, true);
                ps.executeUpdate();
            }
            for (String a : aliases) {
                if (done.add(normalize(a))) {
                    ps.setString(1, normalize(a));
                    ps.setLong(2, userId);
                    ps.setBoolean(3, false);
                    ps.executeUpdate();
                }
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new MapiException.Collision("an address is taken");
        }
    }

    private static List<String> addresses(String email, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases);
        if (!email.isEmpty()) {
            all.add(email);
        }
        return all;
    }

    static Set<Feature> parseFeatures(String s) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(Feature.parse(part));
            }
        }
        return out;
    }

    static String formatFeatures(Set<Feature> features) {
        return features.stream().sorted().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
