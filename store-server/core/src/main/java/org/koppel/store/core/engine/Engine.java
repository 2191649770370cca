package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.core.blob.BlobStore;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.directory.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process store engine: the session API implemented directly over the SQL database and a blob
 * store. Start it once per process (or per test); it holds no static state.
 */
public final class Engine implements StoreServer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineContext context;
    private final LoginThrottle throttle;
    private final SqlUsers users;

    private Engine(EngineContext context, LoginThrottle throttle) {
        this.context = context;
        this.throttle = throttle;
        this.users = new SqlUsers();
    }

    /** Bootstraps what every store server has (the Everyone group, the public store) and returns the engine. */
    public static Engine start(Database db, BlobStore blobs, EngineConfig config) {
        StoreWriteLock lock = new StoreWriteLock();
        PropertyRules rules = new PropertyRules(config.maxPropertyBytes());
        StoreFactory factory = new StoreFactory(lock);
        long everyone = db.transaction(c -> bootstrap(c, factory));
        EngineContext ctx = new EngineContext(db, blobs, config, new StoreObjects(), new AccessControl(everyone), lock,
                rules, new MessageWriter(blobs, lock, rules, config.maxAttachmentBytes()), new NamedPropertyMap(),
                factory, new QuotaPolicy(config.defaultQuota()), new PasswordHasher(config.pbkdf2Iterations()),
                everyone);
        LOG.info("Store engine started on {}", db.kind());
        return new Engine(ctx, new LoginThrottle(config.maxLoginFailures(), config.loginFailureWindow(),
                Clock.systemUTC()));
    }

    private static long bootstrap(Connection c, StoreFactory factory) throws SQLException {
        long everyone;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM user_groups WHERE name = ?")) {
            ps.setString(1, GroupInfo.EVERYONE);
            try (ResultSet rs = ps.executeQuery()) {
                everyone = rs.next() ? rs.getLong(1) : -1;
            }
        }
        if (everyone < 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_groups (name, email) VALUES (?, '')",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, GroupInfo.EVERYONE);
                ps.executeUpdate();
                everyone = MessageWriter.generatedKey(ps);
            }
        }
        if (new StoreObjects().publicStore(c).isEmpty()) {
            factory.createPublic(c, everyone);
        }
        return everyone;
    }

    @Override
    public Session logon(Credentials credentials) {
        return switch (credentials) {
            case Credentials.Password p -> passwordLogon(p);
            case Credentials.Service s -> serviceLogon(s);
        };
    }

    private Session passwordLogon(Credentials.Password p) {
        if (throttle.blocked(p.login())) {
            LOG.warn("Logon refused for {}: too many failures", p.login());
            throw new MapiException.LogonFailed("too many failed logons; try again later");
        }
        Optional<SqlUsers.Account> account = context.db().transaction(c -> users.accountForLogon(c, p.login()));
        boolean ok = account.isPresent() && account.get().info().active()
                && account.get().info().kind() == org.koppel.store.client.UserKind.USER
                && context.hasher().verify(p.password(), account.get().passwordHash());
        if (!ok) {
            throttle.failed(p.login());
            LOG.info("Logon failed for {}", p.login());
            throw new MapiException.LogonFailed("logon failed");
        }
        throttle.succeeded(p.login());
        SqlUsers.Account a = account.get();
        if (context.hasher().needsRehash(a.passwordHash())) {
            String rehashed = context.hasher().hash(p.password());
            context.db().transaction(c -> {
                users.setPasswordHash(c, a.info().id(), rehashed);
                return null;
            });
        }
        return new EngineSession(context, new Caller(a.info().id(), a.info().login(), a.info().admin(), false),
                users);
    }

    private Session serviceLogon(Credentials.Service s) {
        String secret = context.config().serviceSecret();
        if (secret.isEmpty() || !PasswordHasher.secretsEqual(secret, s.secret())) {
            throttle.failed("service:" + s.serviceName());
            LOG.warn("Service logon refused for {}", s.serviceName());
            throw new MapiException.LogonFailed("service logon failed");
        }
        if (s.impersonate().isEmpty()) {
            return systemSession();
        }
        var info = context.db().transaction(c -> users.byLoginOrAddress(c, s.impersonate()))
                .orElseThrow(() -> new MapiException.LogonFailed("no such user: " + s.impersonate()));
        return new EngineSession(context, new Caller(info.id(), info.login(), info.admin(), false), users);
    }

    /** A session as the system administrator, for the services wired in the same process and for tools. */
    public Session systemSession() {
        return new EngineSession(context, Caller.systemAdmin(), users);
    }

    /** Removes attachment data unreferenced for longer than the configured grace. */
    public org.koppel.store.core.blob.PurgeReport purgeAttachments() {
        return context.blobs().purge(context.config().blobPurgeGrace());
    }

    @Override
    public void close() {
        LOG.info("Store engine stopped");
    }
}
