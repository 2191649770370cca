package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.koppel.store.client.Feature;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/** The database user directory: users, their addresses, groups and memberships. */
final class SqlUsers {

    record Account(UserInfo info, String passwordHash) {
    }

    private static final String USER_COLUMNS = "id, login, full_name, email, is_admin, kind, active, features, password_hash";

    static String normalizeLogin(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> accountForLogon(Connection c, String loginOrAddress) throws SQLException {
        Optional<Long> id = idOf(c, loginOrAddress);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return account(c, "id = ?", id.get());
    }

    Optional<UserInfo> byId(Connection c, long id) throws SQLException {
        return account(c, "id = ?", id).map(Account::info);
    }

    Optional<UserInfo> byLogin(Connection c, String login) throws SQLException {
        return account(c, "login = ?", normalizeLogin(login)).map(Account::info);
    }

    Optional<UserInfo> byLoginOrAddress(Connection c, String loginOrAddress) throws SQLException {
        Optional<Long> id = idOf(c, loginOrAddress);
        return id.isEmpty() ? Optional.empty() : byId(c, id.get());
    }

    private Optional<Long> idOf(Connection c, String loginOrAddress) throws SQLException {
        String key = normalizeLogin(loginOrAddress);
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

    private Optional<Account> account(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                String hash = rs.getString(9);
                UserInfo info = new UserInfo(id, rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of(), rs.getBoolean(5), UserKind.valueOf(rs.getString(6)), rs.getBoolean(7),
                        parseFeatures(rs.getString(8)));
                return Optional.of(new Account(withAliases(c, info), hash));
            }
        }
    }

    private UserInfo withAliases(Connection c, UserInfo info) throws SQLException {
        List<String> aliases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT address FROM user_addresses WHERE user_id = ? AND is_primary = FALSE ORDER BY address")) {
            ps.setLong(1, info.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.add(rs.getString(1));
                }
            }
        }
        return new UserInfo(info.id(), info.login(), info.fullName(), info.email(), aliases, info.admin(),
                info.kind(), info.active(), info.features());
    }

    List<UserInfo> all(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users ORDER BY login");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        List<UserInfo> out = new ArrayList<>();
        for (long id : ids) {
            byId(c, id).ifPresent(out::add);
        }
        return out;
    }

    long insert(Connection c, String login, String fullName, String email, String hash, boolean admin,
            UserKind kind, Set<Feature> features) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (login, full_name, email, password_hash,"
                + " is_admin, kind, active, features, created_ms) VALUES (?,?,?,?,?,?,TRUE,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, normalizeLogin(login));
            ps.setString(2, fullName);
            ps.setString(3, email);
            ps.setString(4, hash);
            ps.setBoolean(5, admin);
            ps.setString(6, kind.name());
            ps.setString(7, formatFeatures(features));
            ps.setLong(8, System.currentTimeMillis());
            ps.executeUpdate();
            return MessageWriter.generatedKey(ps);
        }
    }

    void setAddresses(Connection c, long userId, String primary, List<String> aliases) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_addresses WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO user_addresses (address, user_id, is_primary) VALUES (?,?,?)")) {
            if (!primary.isEmpty()) {
                ps.setString(1, normalizeLogin(primary));
                ps.setLong(2, userId);
                ps.setBoolean(3, true);
                ps.executeUpdate();
            }
            for (String a : aliases) {
                if (normalizeLogin(a).equals(normalizeLogin(primary))) {
                    continue;
                }
                ps.setString(1, normalizeLogin(a));
                ps.setLong(2, userId);
                ps.setBoolean(3, false);
                ps.executeUpdate();
            }
        }
    }

    void update(Connection c, long userId, String column, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET " + column + " = ? WHERE id = ?")) {
            ps.setObject(1, value);
            ps.setLong(2, userId);
            ps.executeUpdate();
        }
    }

    void setPasswordHash(Connection c, long userId, String hash) throws SQLException {
        update(c, userId, "password_hash", hash);
    }

    void delete(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
    }

    Optional<GroupInfo> group(Connection c, String name) throws SQLException {
        long id;
        String email;
        String realName;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM user_groups WHERE name = ?")) {
            ps.setString(1, name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                realName = rs.getString(2);
                email = rs.getString(3);
            }
        }
        List<String> members = new ArrayList<>();
        String sql = GroupInfo.EVERYONE.equals(realName)
                ? "SELECT login FROM users WHERE ? > 0 ORDER BY login"
                : "SELECT u.login FROM group_members g JOIN users u ON u.id = g.user_id WHERE g.group_id = ?"
                        + " ORDER BY u.login";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new GroupInfo(id, realName, email, members));
    }

    List<GroupInfo> groups(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM user_groups ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<GroupInfo> out = new ArrayList<>();
        for (String n : names) {
            group(c, n).ifPresent(out::add);
        }
        return out;
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
