package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.dist.config.ConfigValues;
import org.koppel.dist.config.ServerSettings;
import org.koppel.dist.runtime.BlobStorage;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.Feature;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Quota;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.engine.EngineConfig;

/** {@code koppel dagent deliver USER < message}: its sysexits, and the message read back from the store. */
class DagentDeliverCommandTest {

    private static final String MESSAGE = "From: someone@example.net\r\nTo: erin@example.org\r\n"
            + "Subject: piped in\r\nX-Spam-Status: No\r\n\r\nDelivered by the pipe command.\r\n";

    @Test
    void exitCodes() throws Exception {
        Path data = Files.createTempDirectory("koppel-deliver");
        ServerSettings settings = ServerSettings.from(ConfigValues.of("server", List.of(), List.of()), data);
        try (EmbeddedStore store = EmbeddedStore.start(settings.databaseConfig(), BlobStorage.of(settings),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret("setup-secret-0123456789"));
                Session admin = store.engine().systemSession()) {
            admin.directory().createUser(NewUser.of("erin", "Erin", "erin@example.org", "erin-pw"));
            admin.directory().createUser(new NewUser("finn", "Finn", "finn@example.org", "finn-pw", false,
                    UserKind.USER, List.of(), java.util.Set.of(Feature.IMAP)));
            admin.directory().createUser(NewUser.of("gail", "Gail", "gail@example.org", "gail-pw"));
            admin.messages().create(admin.stores().openUserStore("gail").folder(WellKnownFolder.DRAFTS),
                    org.koppel.store.client.MessageContent.of(List.of(
                            org.koppel.mapi.PropValue.of(PropTags.PR_SUBJECT, "draft"))));
            admin.quotas().set("gail", new Quota(0, 0, 1));
        }

        assertEquals(0, deliver(data, MESSAGE, "erin@example.org"));
        assertEquals(67, deliver(data, MESSAGE, "nobody@example.org"), "unknown user");
        assertEquals(67, deliver(data, MESSAGE, "finn"), "mail disabled");
        assertEquals(75, deliver(data, MESSAGE, "gail"), "over quota: try again later");
        assertEquals(65, deliver(data, "Subject: big\r\n\r\n" + "x".repeat(5000), "erin",
                "--set", "dagent.max_message_size=1K"), "too large");

        try (EmbeddedStore store = EmbeddedStore.start(settings.databaseConfig(), BlobStorage.of(settings),
                EngineConfig.defaults().withPbkdf2Iterations(1000));
                Session admin = store.engine().systemSession()) {
            var rows = admin.contents().query(admin.stores().openUserStore("erin").folder(WellKnownFolder.INBOX),
                    new TableQuery(List.of(PropTags.PR_SUBJECT), Optional.empty(), SortOrderSet.none(), 0, 10, false));
            assertEquals(1, rows.totalRows());
            assertEquals("piped in", rows.rows().get(0).values().get(0).javaValue());
        }

        // The store cannot be opened (the embedded database is in use by another process, or broken): 75.
        Files.writeString(data.resolve("koppel.mv.db"), "not a database");
        assertEquals(75, deliver(data, MESSAGE, "erin"));
    }

    private static int deliver(Path data, String message, String user, String... more) {
        Path config = Path.of("").toAbsolutePath().getParent().resolve("config");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
            List<String> args = new java.util.ArrayList<>(List.of("dagent", "deliver", "--data", data.toString(),
                    "--config", config.toString(), "--set", "server.password_pbkdf2_iterations=1000"));
            args.addAll(List.of(more));
            args.add(user);
            return Koppel.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setIn(stdin);
        }
    }
}
