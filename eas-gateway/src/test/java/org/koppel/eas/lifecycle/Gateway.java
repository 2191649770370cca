package org.koppel.eas.lifecycle;

import static org.koppel.mapi.PropTags.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.koppel.backend.Backend;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendFolder;
import org.koppel.backend.BackendSession;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.EmailItem;
import org.koppel.backend.ExportOptions;
import org.koppel.backend.ExportPage;
import org.koppel.backend.FilterType;
import org.koppel.backend.ItemChange;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.eas.auth.AuthResult;
import org.koppel.eas.auth.Authenticator;
import org.koppel.eas.auth.Credentials;
import org.koppel.eas.auth.LoginThrottle;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.Outage;
import org.koppel.eas.email.EmailSyncContent;
import org.koppel.eas.estimate.GetItemEstimateHandler;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.gateway.EasGateway;
import org.koppel.eas.gateway.MailCommands;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.http.EasServer;
import org.koppel.eas.http.EasServlet;
import org.koppel.eas.ping.PingHandler;
import org.koppel.eas.ping.PingLimits;
import org.koppel.eas.provisioning.PolicyDecision;
import org.koppel.eas.push.PushWaits;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceRequest;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.sync.SyncHandler;
import org.koppel.eas.sync.SyncLimits;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * A started gateway for these tests: a real in-process store (H2, attachments in files) behind the MAPI
 * backend, device state on in-memory H2, and the Sync, GetItemEstimate and Ping handlers served over HTTP on
 * a free port. Authentication is a backend logon; the policy check registers the device and lets it in
 * (provisioning is another branch's work). Mail arrives through the store's session API, as delivery does.
 */
final class Gateway implements AutoCloseable {

    static final CodePages PAGES = CodePages.load();
    private static final Outage OUTAGE = new Outage(java.time.Duration.ofSeconds(30));
    static final String SECRET = "eas-test-secret";

    final TestDatabase db;
    final Path files;
    final Engine engine;
    final Session admin;
    final Backend backend;
    final DeviceStateStore state;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final PushWaits waits = new PushWaits(timer);
    final EasServer server;
    /** What the gateway's requests get as their session: the backend's, or a test's wrapper around it. */
    volatile java.util.function.UnaryOperator<BackendSession> sessions = s -> s;
    private int users;

    Gateway(PingLimits pingLimits) throws IOException {
        this(pingLimits, c -> c);
    }

    /** A gateway whose Search and Find give up after {@code searchTimeLimit}. */
    Gateway(PingLimits pingLimits, java.time.Duration searchTimeLimit) throws IOException {
        this(pingLimits, c -> c.withSearchTimeLimit(searchTimeLimit));
    }

    /** With the gateway's configuration changed by {@code configure} (e.g. ValidateCert's trust store). */
    Gateway(PingLimits pingLimits, java.util.function.UnaryOperator<EasConfig> configure) throws IOException {
        db = TestDatabases.open(DatabaseKind.H2);
        files = Files.createTempDirectory("koppel-eas-test");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        admin = engine.systemSession();
        backend = new MapiBackend(engine, Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)),
                Clock.systemUTC());
        state = DeviceStateStore.open(DeviceStateConfig.inMemory("eas-" + UUID.randomUUID()));
        Authenticator<BackendSession> auth = new Authenticator<>() {
            @Override
            public AuthResult<BackendSession> authenticate(Credentials c) {
                try {
                    BackendSession s = sessions.apply(backend.logon(c.login(), c.password()));
                    return new AuthResult.Authenticated<>(s.user().login(), s);
                } catch (BackendException.AuthenticationFailed e) {
                    return new AuthResult.Refused<>();
                }
            }

            @Override
            public void release(BackendSession session) {
                session.close();
            }
        };
        EasHttpConfig config = EasHttpConfig.defaults(files).withListen(
                Optional.of(new EasHttpConfig.Listen("127.0.0.1", 0)), Optional.empty());
        LoginThrottle throttle = new LoginThrottle(0, 0, java.time.Duration.ofMinutes(5), Clock.systemUTC(), 1000);
        EasServlet<BackendSession> servlet = new EasServlet<>(config, auth, q -> {
            state.devices().register(new DeviceAccount(q.user(), q.device().id()),
                    new DeviceRequest(q.device().type(), q.userAgent().orElse(""), q.version().header()));
            return PolicyDecision.ALLOWED;
        }, handlers(config, pingLimits, configure), PAGES, throttle);
        server = EasServer.start(config, servlet);
    }

    /** Sync, GetItemEstimate and Ping built here (with the test's Ping limits), and {@link MailCommands}. */
    private Map<Command, CommandHandler<BackendSession>> handlers(EasHttpConfig config, PingLimits pingLimits,
            java.util.function.UnaryOperator<EasConfig> configure) {
        Map<Command, CommandHandler<BackendSession>> handlers = new EnumMap<>(Command.class);
        handlers.put(Command.SYNC, new SyncHandler<>(PAGES, new EmailSyncContent(), state, waits, SyncLimits.DEFAULTS,
                OUTAGE));
        handlers.put(Command.GET_ITEM_ESTIMATE, new GetItemEstimateHandler(PAGES, state, OUTAGE));
        handlers.put(Command.PING, new PingHandler(PAGES, state, waits, pingLimits, OUTAGE));
        handlers.put(Command.FOLDER_SYNC, new org.koppel.eas.foldersync.FolderSyncHandler(state.hierarchy(), PAGES,
                OUTAGE));
        handlers.putAll(new MailCommands().handlers(new EasGateway.Context(configure.apply(EasConfig.defaults(config)),
                backend, state, PAGES, OUTAGE, Clock.systemUTC())));
        return handlers;
    }

    Gateway() throws IOException {
        this(PingLimits.DEFAULTS);
    }

    /** A new user; returns the login, whose password is "pw-" + login. */
    String newUser() {
        String login = "u" + (++users) + Long.toString(System.nanoTime(), 36);
        admin.directory().createUser(NewUser.of(login, "User " + users, login + "@example.org", "pw-" + login));
        return login;
    }

    Client client(String login, String deviceId, org.koppel.eas.wbxml.ProtocolVersion version) {
        return new Client(PAGES, "http://127.0.0.1:" + server.port(), login, "pw-" + login, deviceId, version);
    }

    /** Delivers a plain-text message into the user's Inbox, as the delivery agent does. */
    void deliver(String login, String subject, Instant received) {
        var inbox = admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX);
        admin.messages().create(inbox, new MessageContent(List.of(
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_BODY, "Body of " + subject),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, received),
                PropValue.of(PR_CLIENT_SUBMIT_TIME, received),
                PropValue.of(PR_SENT_REPRESENTING_NAME, "Sender"),
                PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, "sender@example.net"),
                PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, "sender@example.net")),
                List.of(Recipient.of(RecipientType.MAPI_TO, "User", login + "@example.org")), List.of(), false));
    }

    /** Delivers a MIME message into the user's Inbox through inetmapi's conversion, as the delivery agent does. */
    void deliverMime(String login, java.io.InputStream mime) throws IOException {
        var store = admin.stores().openUserStore(login);
        try (org.koppel.inetmapi.mime.ConvertedMessage converted = new org.koppel.inetmapi.mime.MimeReader(
                new org.koppel.inetmapi.StoreNamedTags(admin, store.entryId())).read(mime, Instant.now())) {
            admin.messages().create(store.folder(WellKnownFolder.INBOX), converted.content());
        }
    }

    /** The backend id of the user's folder of a type. */
    String folder(String login, EasFolderType type) {
        try (BackendSession s = backend.logonAs(login)) {
            return s.folders().list().stream().filter(f -> f.type() == type).map(BackendFolder::id).findFirst()
                    .orElseThrow();
        }
    }

    /**
     * The CollectionId of a folder on a device, as FolderSync hands it out (the device is registered first, as
     * its Provision and FolderSync would have done).
     */
    String collectionId(String login, String deviceId, EasFolderType type) {
        DeviceAccount account = new DeviceAccount(login, deviceId);
        state.devices().register(account, new DeviceRequest("TestPhone", "", "14.1"));
        return state.hierarchy().serverId(account, folder(login, type));
    }

    /** Creates a mail folder at the top of the user's store, as another client would; its backend id. */
    String createMailFolder(String login, String name) {
        try (BackendSession s = backend.logonAs(login)) {
            return s.folders().create(Optional.empty(), name, EasFolderType.USER_MAIL).id();
        }
    }

    /** Empties the user's Inbox in one operation (every message gone at one change number), as a client may. */
    void emptyInbox(String login) {
        admin.folders().empty(admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX), false, false);
    }

    /** Renames a folder, as another client would. */
    void renameFolder(String login, String folderId, String name) {
        try (BackendSession s = backend.logonAs(login)) {
            s.folders().update(folderId, Optional.empty(), name);
        }
    }

    /** Deletes a folder, as another client would. */
    void deleteFolder(String login, String folderId) {
        try (BackendSession s = backend.logonAs(login)) {
            s.folders().delete(folderId);
        }
    }

    /** The CollectionId a device knows a folder by (the device is registered first). */
    String collectionIdOf(String login, String deviceId, String folderId) {
        DeviceAccount account = new DeviceAccount(login, deviceId);
        state.devices().register(account, new DeviceRequest("TestPhone", "", "14.1"));
        return state.hierarchy().serverId(account, folderId);
    }

    /** The messages of a folder as the store has them now, read through a separate backend session. */
    List<ItemChange.Added> contents(String login, EasFolderType type) {
        String folder = folder(login, type);
        List<ItemChange.Added> out = new ArrayList<>();
        try (BackendSession s = backend.logonAs(login)) {
            byte[] st = new byte[0];
            while (true) {
                ExportPage page = s.contents().export(folder, st, new ExportOptions(FilterType.ALL, 500, List.of()));
                page.changes().stream().filter(c -> c instanceof ItemChange.Added).map(c -> (ItemChange.Added) c)
                        .forEach(out::add);
                st = page.nextState();
                if (!page.moreAvailable()) {
                    return out;
                }
            }
        }
    }

    /** One message as the store has it now. */
    EmailItem item(String login, EasFolderType type, String itemId) {
        try (BackendSession s = backend.logonAs(login)) {
            return (EmailItem) s.items().fetch(folder(login, type), itemId, List.of());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        timer.shutdownNow();
        state.close();
        admin.close();
        engine.close();
        db.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
