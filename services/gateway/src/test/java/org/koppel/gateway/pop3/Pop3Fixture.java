package org.koppel.gateway.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.testsupport.GatewayStore;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.Feature;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.engine.Engine;

/**
 * A real store engine (H2 in memory, attachments in files) for POP3 tests. Users: alice (every feature, the
 * three messages of {@code pop3/messages/} in her Inbox, delivered with their original MIME kept), bob (POP3
 * off) and carol (every feature, an empty Inbox).
 */
final class Pop3Fixture implements AutoCloseable {

    static final List<String> MESSAGES = List.of("1.eml", "2.eml", "3.eml");

    private final GatewayStore store;
    final Engine engine;
    final Session admin;
    final Path dir;

    private Pop3Fixture(GatewayStore store) {
        this.store = store;
        this.dir = store.dir;
        this.engine = store.engine;
        this.admin = store.admin;
    }

    static Pop3Fixture start() throws IOException {
        Pop3Fixture f = new Pop3Fixture(GatewayStore.start("pop3", List.of(
                new NewUser("alice", "Alice Liddell", "alice@example.org", "alice-pw", false, UserKind.USER,
                        List.of(), Set.of(Feature.values())),
                new NewUser("bob", "Bob Dylan", "bob@example.org", "bob-pw", false, UserKind.USER, List.of(),
                        EnumSet.complementOf(EnumSet.of(Feature.POP3))),
                new NewUser("carol", "Carol King", "carol@example.org", "carol-pw", false, UserKind.USER, List.of(),
                        Set.of(Feature.values())))));
        for (String name : MESSAGES) {
            f.deliver("alice", message(name));
        }
        return f;
    }

    /** The gateway configuration tests use: loopback, any free port, the self-signed certificate in the fixture. */
    GatewayConfig config() {
        return GatewayConfig.forTests(dir.resolve("gateway"));
    }

    static byte[] message(String name) {
        try (InputStream in = Pop3Fixture.class.getResourceAsStream("/pop3/messages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path messagesDir() {
        try {
            return Path.of(Pop3Fixture.class.getResource("/pop3/messages/1.eml").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers MIME into a user's Inbox as the delivery agent does: converted, the original kept. */
    EntryId deliver(String login, byte[] mime) throws IOException {
        return store.deliver(login, WellKnownFolder.INBOX, mime);
    }

    /** Saves a message without original MIME (as a MAPI client would): POP3 sends generated MIME for it. */
    EntryId createWithoutMime(String login, String subject, String body) {
        StoreInfo own = admin.stores().openUserStore(login);
        return admin.messages().create(own.folder(WellKnownFolder.INBOX), MessageContent.of(List.of(
                PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"), PropValue.of(PropTags.PR_SUBJECT, subject),
                PropValue.of(PropTags.PR_BODY, body),
                PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, Instant.parse("2026-03-02T12:00:00Z")))));
    }

    /** The subjects in a user's Inbox. */
    List<String> inboxSubjects(String login) {
        EntryId inbox = admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX);
        List<String> out = new ArrayList<>();
        for (TableRow row : admin.contents().query(inbox, new TableQuery(List.of(PropTags.PR_SUBJECT),
                Optional.empty(), SortOrderSet.none(), 0, 1000, false)).rows()) {
            out.add(String.valueOf(row.values().get(0).javaValue()));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
