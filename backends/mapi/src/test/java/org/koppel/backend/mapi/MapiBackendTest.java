package org.koppel.backend.mapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.koppel.mapi.PropTags.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.Backend;
import org.koppel.backend.BackendSession;
import org.koppel.store.client.Feature;
import org.koppel.store.client.UserKind;
import org.koppel.backend.BackendContractTest;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * The backend contract against the MAPI backend over a real in-process store (H2, attachments in files).
 * Mail arrives and changes through a system session, as delivery and other clients do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapiBackendTest extends BackendContractTest {

    private static final String SECRET = "backend-test-secret";

    private TestDatabase db;
    private Path files;
    private Engine engine;
    private Session admin;
    private MapiBackend backend;
    private int users;

    @BeforeAll
    void startStore() throws IOException {
        db = TestDatabases.open(DatabaseKind.H2);
        files = Files.createTempDirectory("koppel-backend-test");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        admin = engine.systemSession();
        backend = new MapiBackend(engine, Optional.of(new MapiBackend.ServiceIdentity("koppel-eas", SECRET)),
                Clock.systemUTC());
    }

    @AfterAll
    void stopStore() throws IOException {
        admin.close();
        engine.close();
        db.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    protected Backend backend() {
        return backend;
    }

    @Override
    protected Account newAccount() {
        String login = "user" + (++users) + Long.toString(System.nanoTime(), 36);
        admin.directory().createUser(NewUser.of(login, "User " + users, login + "@example.org", "pw-" + login));
        return new Account(login, "pw-" + login);
    }

    private EntryId inbox(Account a) {
        return admin.stores().openUserStore(a.login()).folder(WellKnownFolder.INBOX);
    }

    @Override
    protected void deliver(Account a, TestMail mail) {
        List<PropValue> props = new ArrayList<>(List.of(
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_SUBJECT, mail.subject()),
                PropValue.of(PR_BODY, mail.text()),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, mail.received()),
                PropValue.of(PR_CLIENT_SUBMIT_TIME, mail.received()),
                PropValue.of(PR_SENT_REPRESENTING_NAME, "Sender"),
                PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, "sender@example.net"),
                PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, "sender@example.net")));
        mail.html().ifPresent(h -> {
            props.add(PropValue.of(PR_HTML, h.getBytes(StandardCharsets.UTF_8)));
            props.add(PropValue.of(PR_INTERNET_CPID, 65001));
        });
        admin.messages().create(inbox(a), new MessageContent(props,
                List.of(Recipient.of(RecipientType.MAPI_TO, "User", a.login() + "@example.org")), List.of(), false));
    }

    private EntryId find(Account a, String subject) {
        var rows = admin.contents().query(inbox(a), new TableQuery(List.of(PR_ENTRYID),
                Optional.of(Restriction.eq(PR_SUBJECT, subject)), SortOrderSet.none(), 0, 1, false)).rows();
        return rows.get(0).entryId();
    }

    @Override
    protected void serverChangeSubject(Account a, String subject, String newSubject) {
        admin.messages().update(find(a, subject), List.of(PropValue.of(PR_SUBJECT, newSubject)), List.of());
    }

    @Override
    protected void serverDelete(Account a, String subject) {
        admin.messages().delete(List.of(find(a, subject)), false);
    }

    @Override
    protected List<String> queuedForSending(Account a) {
        List<String> out = new ArrayList<>();
        for (QueuedMessage q : admin.outgoing().pending(1000)) {
            if (q.ownerLogin().equals(a.login())) {
                out.add((String) admin.messages().load(q.message()).property(PR_SUBJECT).orElseThrow().javaValue());
            }
        }
        return out;
    }

    @Test
    void mobileAccessFollowsTheUsersMobileFeature() {
        String without = "nomobile" + Long.toString(System.nanoTime(), 36);
        admin.directory().createUser(new NewUser(without, "No Mobile", without + "@example.org", "pw-" + without,
                false, UserKind.USER, List.of(), EnumSet.complementOf(EnumSet.of(Feature.MOBILE))));
        try (BackendSession s = backend.logon(without, "pw-" + without)) {
            assertFalse(s.mobileAccess(), "MOBILE switched off");
        }
        Account with = newAccount();
        try (BackendSession s = backend.logon(with.login(), with.password())) {
            assertTrue(s.mobileAccess(), "a new user has every feature");
        }
    }
}
