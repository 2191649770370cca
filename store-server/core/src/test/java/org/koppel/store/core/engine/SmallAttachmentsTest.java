package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.koppel.mapi.PropTags.PR_SUBJECT;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * Attachment data up to the small limit goes into the database with its message's transaction, the rest into
 * the configured store, and either way it reads back, is copied and is purged the same.
 */
class SmallAttachmentsTest {

    private static final long LIMIT = 4096;
    private static final String BOTH = "org.koppel.store.core.testsupport.TestDatabases#both";

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static AttachmentContent.ByValue attachment(byte[] data) {
        return new AttachmentContent.ByValue(List.of(), InputStreamSource.ofBytes(data));
    }

    /** The blob keys of the message's attachments, in attachment order, by where they live ("db" or "sha256"). */
    private static List<String> tiers(Database db) {
        return db.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT blob_key FROM attachments WHERE blob_key IS NOT NULL ORDER BY message_id, attach_num");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).substring(0, rs.getString(1).indexOf(':')));
                }
            }
            return out;
        });
    }

    private static long count(Database db, String sql) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void smallDataGoesToTheDatabaseAndLargerToFiles(DatabaseKind kind, @TempDir Path files) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind);
                Engine engine = Engine.start(t.database(), new FileBlobStore(t.database(), files),
                        InProcessSessionTest.CONFIG.withSmallAttachmentBytes(LIMIT));
                Session admin = engine.systemSession()) {
            EntryId inbox = admin.stores().openPublic().folder(WellKnownFolder.IPM_SUBTREE);
            byte[] small = random((int) LIMIT, 1);
            byte[] large = random((int) LIMIT + 1, 2);
            byte[] empty = new byte[0];
            EntryId m = admin.messages().create(inbox, new MessageContent(List.of(PropValue.of(PR_SUBJECT, "tiers")),
                    List.of(), List.of(attachment(small), attachment(large), attachment(empty)), false));
            assertEquals(List.of("db", "sha256", "db"), tiers(t.database()));
            for (int i = 0; i < 3; i++) {
                try (InputStream in = admin.attachments().open(m, i)) {
                    assertArrayEquals(List.of(small, large, empty).get(i), in.readAllBytes(), "attachment " + i);
                }
            }
            try (var stored = Files.walk(files)) {
                assertEquals(1, stored.filter(p -> Files.isRegularFile(p) && !p.startsWith(files.resolve("tmp")))
                        .count(), "only the large attachment is a file");
            }

            EntryId copy = admin.messages().copy(List.of(m), inbox).get(0);
            assertEquals(2, count(t.database(), "SELECT MAX(refcount) FROM blobs WHERE blob_key LIKE 'db:%'"));
            admin.messages().delete(List.of(m), true);
            try (InputStream in = admin.attachments().open(copy, 0)) {
                assertArrayEquals(small, in.readAllBytes(), "the copy keeps the data");
            }
            admin.messages().delete(List.of(copy), true);
            t.database().transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE blobs SET touched_ms = touched_ms - ?")) {
                    ps.setLong(1, Duration.ofDays(1).toMillis());
                    ps.executeUpdate();
                }
                return null;
            });
            assertEquals(3, engine.purgeAttachments().blobsRemoved());
            assertEquals(0, count(t.database(), "SELECT COUNT(*) FROM blob_chunks"));
            assertEquals(0, count(t.database(), "SELECT COUNT(*) FROM blobs"));
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aMessageHoldsAtMostItsBudgetOfSmallDataInMemory(DatabaseKind kind, @TempDir Path files) throws Exception {
        int size = 60 * 1024;
        long budget = MessageWriter.SMALL_DATA_PER_MESSAGE;
        int count = (int) (budget / size) + 3;
        try (TestDatabase t = TestDatabases.open(kind);
                Engine engine = Engine.start(t.database(), new FileBlobStore(t.database(), files),
                        InProcessSessionTest.CONFIG.withSmallAttachmentBytes(64 * 1024));
                Session admin = engine.systemSession()) {
            EntryId folder = admin.stores().openPublic().folder(WellKnownFolder.IPM_SUBTREE);
            List<AttachmentContent> attachments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                attachments.add(attachment(random(size, i)));
            }
            EntryId m = admin.messages().create(folder, new MessageContent(List.of(), List.of(), attachments, false));
            List<String> tiers = tiers(t.database());
            assertEquals(budget / size, tiers.stream().filter("db"::equals).count());
            assertEquals(count - budget / size, tiers.stream().filter("sha256"::equals).count());
            try (InputStream in = admin.attachments().open(m, count - 1)) {
                assertArrayEquals(random(size, count - 1), in.readAllBytes());
            }
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void zeroKeepsEveryAttachmentInTheConfiguredStore(DatabaseKind kind, @TempDir Path files) throws Exception {
        try (TestDatabase t = TestDatabases.open(kind);
                Engine engine = Engine.start(t.database(), new FileBlobStore(t.database(), files),
                        InProcessSessionTest.CONFIG.withSmallAttachmentBytes(0));
                Session admin = engine.systemSession()) {
            EntryId folder = admin.stores().openPublic().folder(WellKnownFolder.IPM_SUBTREE);
            admin.messages().create(folder, new MessageContent(List.of(), List.of(),
                    List.of(attachment(random(10, 3))), false));
            assertEquals(List.of("sha256"), tiers(t.database()));
        }
    }
}
