package org.koppel.dagent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.SpamRule;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Quota;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * A real store engine (H2 in memory, attachments in files) with four users, the delivery pipeline logged on
 * with the service secret, and LMTP servers on free ports. Users: alice (alias al@example.org), bob, carol
 * (feature "mail" off) and dave (over his hard quota once something is in his store).
 */
public final class DagentFixture implements AutoCloseable {

    public static final String SECRET = "dagent-service-secret-for-tests";

    public final TestDatabase db;
    public final Engine engine;
    public final Delivery delivery;
    public final Session admin;
    private final Path dir;
    private final List<LmtpServer> servers = new ArrayList<>();

    private DagentFixture(TestDatabase db, Path dir, Engine engine) {
        this.db = db;
        this.dir = dir;
        this.engine = engine;
        this.admin = engine.systemSession();
        this.delivery = new Delivery(engine, new Credentials.Service("koppel-dagent", SECRET, ""),
                new SpamRule("X-Spam-Status", "Yes"), dir);
    }

    public static DagentFixture start() throws IOException {
        TestDatabase db = TestDatabases.open(DatabaseKind.H2);
        Path dir = Files.createTempDirectory("koppel-dagent");
        Engine engine = Engine.start(db.database(), new FileBlobStore(db.database(), dir.resolve("blobs")),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        DagentFixture f = new DagentFixture(db, dir, engine);
        f.admin.directory().createUser(new NewUser("alice", "Alice Liddell", "alice@example.org", "alice-pw", false,
                UserKind.USER, List.of("al@example.org"), Set.of(Feature.values())));
        f.admin.directory().createUser(NewUser.of("bob", "Bob Dylan", "bob@example.org", "bob-pw"));
        f.admin.directory().createUser(new NewUser("carol", "Carol King", "carol@example.org", "carol-pw", false,
                UserKind.USER, List.of(), Set.of(Feature.IMAP)));
        f.admin.directory().createUser(NewUser.of("dave", "Dave Brubeck", "dave@example.org", "dave-pw"));
        // Something in dave's store, then a hard quota below its size: dave is over quota.
        f.admin.messages().create(f.admin.stores().openUserStore("dave").folder(WellKnownFolder.DRAFTS),
                MessageContent.of(List.of(PropValue.of(PropTags.PR_SUBJECT, "draft"))));
        f.admin.quotas().set("dave", new Quota(0, 0, 1));
        return f;
    }

    /** The dagent's configuration for tests: any free port on the loopback address, temp files in the fixture. */
    public DagentConfig config() {
        return DagentConfig.defaults().withListen("127.0.0.1", 0).withTls(Optional.empty())
                .withLimits(20, Duration.ofSeconds(30)).withTempDir(dir);
    }

    public Path dir() {
        return dir;
    }

    public LmtpServer lmtp(DagentConfig config) throws Exception {
        LmtpServer s = LmtpServer.start(config, delivery);
        servers.add(s);
        return s;
    }

    /** The messages of one of a user's folders, oldest first, with every property, recipient and attachment. */
    public List<MessageData> messages(String login, WellKnownFolder folder) {
        EntryId f = admin.stores().openUserStore(login).folder(folder);
        List<MessageData> out = new ArrayList<>();
        for (TableRow row : admin.contents().query(f, new TableQuery(List.of(PropTags.PR_ENTRYID), Optional.empty(),
                SortOrderSet.none(), 0, 1000, false)).rows()) {
            out.add(admin.messages().load(row.entryId()));
        }
        return out;
    }

    public static Object value(MessageData m, PropTag tag) {
        return m.property(tag).map(v -> v.javaValue()).orElse(null);
    }

    /** The message as it was received, from its hidden original.eml attachment. */
    public byte[] original(MessageData m) throws IOException {
        for (AttachmentInfo a : m.attachments()) {
            boolean isOriginal = a.properties().stream().anyMatch(p -> p.tag().equals(PropTags.PR_ATTACH_LONG_FILENAME)
                    && "original.eml".equals(p.javaValue()));
            if (isOriginal) {
                try (InputStream in = admin.attachments().open(m.entryId(), a.attachNum())) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no original.eml on the message");
    }

    @Override
    public void close() throws IOException {
        servers.forEach(s -> s.close(Duration.ofSeconds(5)));
        delivery.close();
        admin.close();
        engine.close();
        db.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
