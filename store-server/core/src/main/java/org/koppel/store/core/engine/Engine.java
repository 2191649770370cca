package org.koppel.store.core.engine;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.core.blob.BlobStore;
import org.koppel.store.core.blob.DatabaseBlobStore;
import org.koppel.store.core.blob.TieredBlobStore;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.directory.DatabaseUserDirectory;
import org.koppel.store.core.directory.PasswordHasher;
import org.koppel.store.core.directory.UserDirectory;
import org.koppel.store.core.notify.NotificationHub;
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
    private final ExecutorService delivery;

    private Engine(EngineContext context, LoginThrottle throttle, ExecutorService delivery) {
        this.context = context;
        this.throttle = throttle;
        this.delivery = delivery;
    }

    /** Starts the engine with the user directory kept in the store's own database. */
    public static Engine start(Database db, BlobStore blobs, EngineConfig config) {
        return start(db, blobs, new DatabaseUserDirectory(db, new PasswordHasher(config.pbkdf2Iterations()),
                Clock.systemUTC()), config);
    }

    /** Bootstraps what every store server has (the public store) and returns the engine. */
    public static Engine start(Database db, BlobStore configured, UserDirectory directory, EngineConfig config) {
        TieredBlobStore blobs = new TieredBlobStore(configured,
                configured instanceof DatabaseBlobStore d ? d : new DatabaseBlobStore(db), config.smallAttachmentBytes());
        StoreWriteLock lock = new StoreWriteLock();
        CommittedNames committedNames = new CommittedNames();
        PropertyRules rules = new PropertyRules(config.maxPropertyBytes(), committedNames);
        StoreFactory factory = new StoreFactory(lock);
        db.transaction(c -> {
            if (new StoreObjects().publicStore(c).isEmpty()) {
                factory.createPublic(c, directory.everyoneGroupId());
            }
            return null;
        });
        // Listeners run on virtual threads: one per active delivery, none per idle subscriber.
        ExecutorService delivery = Executors.newVirtualThreadPerTaskExecutor();
        NotificationHub hub = new NotificationHub(delivery);
        StoreObjects objects = new StoreObjects();
        HubPublisher publisher = new HubPublisher(hub);
        SearchFolders searches = new SearchFolders(db, objects, lock, publisher);
        EngineContext ctx = new EngineContext(db, blobs, config, objects, new AccessControl(directory), lock,
                rules, new MessageWriter(blobs, lock, rules, config.maxAttachmentBytes()), new NamedPropertyMap(committedNames),
                factory, new QuotaPolicy(config.defaultQuota()), directory, publisher, hub,
                new java.security.SecureRandom(), searches, new ReceiveFolderIds());
        searches.start();
        LOG.info("Store engine started on {}", db.kind());
        return new Engine(ctx, new LoginThrottle(config.maxLoginFailures(), config.loginFailureWindow(),
                Clock.systemUTC()), delivery);
    }

    @Override
    public Session logon(Credentials credentials) {
        return switch (credentials) {
            case Credentials.Password p -> passwordLogon(p);
            case Credentials.Service s -> serviceLogon(s);
            // Only a TLS transport can check a client certificate; it logs on with the secret after checking.
            case Credentials.Certificate c -> throw new MapiException.LogonFailed(
                    "a certificate logon needs the store's TLS listener");
        };
    }

    private Session passwordLogon(Credentials.Password p) {
        if (throttle.blocked(p.login())) {
            LOG.warn("Logon refused for {}: too many failures", p.login());
            throw new MapiException.LogonFailed("too many failed logons; try again later");
        }
        Optional<UserInfo> user = p.password().length() > PasswordHasher.MAX_PASSWORD_LENGTH ? Optional.empty()
                : context.directory().authenticate(p.login(), p.password());
        if (user.isEmpty()) {
            throttle.failed(p.login());
            LOG.info("Logon failed for {}", p.login());
            throw new MapiException.LogonFailed("logon failed");
        }
        throttle.succeeded(p.login());
        UserInfo u = user.get();
        if (!p.impersonate().isEmpty()) {
            if (!u.admin()) {
                LOG.warn("{} may not act as {}: not an administrator", u.login(), p.impersonate());
                throw new MapiException.NoAccess("only administrators may act as another user");
            }
            UserInfo target = context.directory().find(p.impersonate())
                    .filter(UserInfo::active)
                    .orElseThrow(() -> new MapiException.LogonFailed("no active user " + p.impersonate()));
            LOG.info("Administrator {} acts as {}", u.login(), target.login());
            return new EngineSession(context, new Caller(target.id(), target.login(), target.admin(), false));
        }
        return new EngineSession(context, new Caller(u.id(), u.login(), u.admin(), false));
    }

    private Session serviceLogon(Credentials.Service s) {
        String secret = context.config().serviceSecret();
        if (throttle.blocked("service:" + s.serviceName())) {
            throw new MapiException.LogonFailed("too many failed logons; try again later");
        }
        if (secret.isEmpty() || !PasswordHasher.secretsEqual(secret, s.secret())) {
            throttle.failed("service:" + s.serviceName());
            LOG.warn("Service logon refused for {}", s.serviceName());
            throw new MapiException.LogonFailed("service logon failed");
        }
        if (s.impersonate().isEmpty()) {
            return systemSession();
        }
        UserInfo info = context.directory().find(s.impersonate())
                .filter(UserInfo::active)
                .orElseThrow(() -> new MapiException.LogonFailed("no active user " + s.impersonate()));
        return new EngineSession(context, new Caller(info.id(), info.login(), info.admin(), false));
    }

    /** A session as the system administrator, for the services wired in the same process and for tools. */
    public Session systemSession() {
        return new EngineSession(context, Caller.systemAdmin());
    }

    /** Removes attachment data unreferenced for longer than the configured grace. */
    public org.koppel.store.core.blob.PurgeReport purgeAttachments() {
        return context.blobs().purge(context.config().blobPurgeGrace());
    }

    /**
     * Removes the deletions kept for incremental sync that are older than the configured retention; sync
     * states from before the newest one removed must start again. Returns how many were removed.
     */
    public long purgeTombstones() {
        return new TombstonePurge(context.db(), Clock.systemUTC()).purge(context.config().tombstoneRetention());
    }

    @Override
    public void close() {
        context.searches().close();
        context.notifications().close();
        delivery.shutdown();
        LOG.info("Store engine stopped");
    }
}
