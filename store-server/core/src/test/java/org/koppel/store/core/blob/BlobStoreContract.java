package org.koppel.store.core.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * What every {@link BlobStore} must do, run against each implementation on each database. One database
 * per test class; each test starts with empty blob tables and a directory of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlobStoreContract {

    static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final Pattern COMPLETE_KEY = Pattern.compile("db:[0-9a-f-]{36}|sha256:[0-9a-f]{64}");

    private TestDatabase testDatabase;
    Database db;
    Path dir;
    BlobStore store;

    abstract DatabaseKind databaseKind();

    abstract BlobStoreKind storeKind();

    /** A store of the kind under test on {@code db}, with any files under {@code dir}. */
    abstract BlobStore newStore(Database db, Path dir);

    /** The size the store reads and writes in one piece: the boundary the round trips straddle. */
    abstract int chunkSize();

    /**
     * Everything the store holds that no reference needs: unreferenced rows, and data (chunks, files,
     * temporary files) of no referenced row, each described. None after a purge with no grace.
     */
    abstract List<String> unreferencedLeftovers(Database db, Path dir) throws Exception;

    /** Makes a blob look {@code by} older to purge. */
    void age(BlobRef ref, Duration by) throws Exception {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE blobs SET touched_ms = touched_ms - ? WHERE blob_key = ?")) {
                ps.setLong(1, by.toMillis());
                ps.setString(2, ref.key());
                assertEquals(1, ps.executeUpdate(), "no row for " + ref);
            }
            return null;
        });
    }

    @BeforeAll
    void openDatabase() {
        testDatabase = TestDatabases.open(databaseKind());
        db = testDatabase.database();
    }

    @AfterAll
    void dropDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @BeforeEach
    void emptyStore() throws IOException {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM blob_chunks");
                s.executeUpdate("DELETE FROM blobs");
            }
            return null;
        });
        dir = Files.createTempDirectory("koppel-blobs");
        store = newStore(db, dir);
    }

    @AfterEach
    void removeDirectory() throws IOException {
        deleteRecursively(dir);
    }

    // ---- round trips

    Stream<Integer> sizes() {
        int c = chunkSize();
        return Stream.of(0, 1, c - 1, c, c + 1, 3 * c + c / 2);
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void openGivesBackWhatWasPut(int size) {
        BlobRef ref = store.put(new SeededContent(size, size), size);
        assertEquals(size, ref.sizeBytes());
        assertEquals(SeededContent.sha256(size, size), SeededContent.sha256(store.open(ref.key())));
    }

    @Test
    void openCanBeReadByteByByte() throws IOException {
        int size = 2 * chunkSize() + 3;
        BlobRef ref = store.put(new SeededContent(5, size), size);
        try (InputStream in = store.open(ref.key()); InputStream expected = new SeededContent(5, size)) {
            for (int i = 0; i < size; i++) {
                assertEquals(expected.read(), in.read(), "byte " + i);
            }
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[10], 0, 10));
        }
    }

    @Test
    void putReadsTheStreamToItsEndButDoesNotCloseIt() throws IOException {
        SeededContent content = new SeededContent(7, 1000);
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new FilterInputStream(content) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        store.put(in, 1_000_000);
        assertEquals(1000, content.produced());
        assertFalse(closed.get());
    }

    @Test
    void exactlyMaxBytesIsAccepted() {
        long max = 2L * chunkSize();
        BlobRef ref = store.put(new SeededContent(3, max), max);
        assertEquals(max, ref.sizeBytes());
        assertEquals(SeededContent.sha256(3, max), SeededContent.sha256(store.open(ref.key())));
    }

    @ParameterizedTest(name = "limit {0} chunks")
    @ValueSource(ints = {0, 1, 2})
    void moreThanMaxBytesIsTooBigAndLeavesNothing(int chunks) throws Exception {
        long max = (long) chunks * chunkSize();
        SeededContent content = new SeededContent(4, max + 5 * chunkSize());
        assertThrows(MapiException.TooBig.class, () -> store.put(content, max));
        assertEquals(max + 1, content.produced(), "reads one byte beyond the limit, no more");
        assertEquals(0, count("SELECT COUNT(*) FROM blobs"));
        assertEquals(List.of(), unreferencedLeftovers(db, dir));
    }

    @Test
    void openOfAnUnknownKeyIsNotFound() {
        BlobRef other = store.put(new SeededContent(1, 10), 10);
        String missing = other.key().substring(0, other.key().length() - 4) + "0000";
        for (String key : List.of(missing, "db:00000000-0000-0000-0000-000000000000",
                "sha256:" + "0".repeat(64), "sha256:../../../../etc/passwd", "sha256:", "nonsense", "")) {
            if (!key.equals(other.key())) {
                assertThrows(MapiException.NotFound.class, () -> store.open(key), key);
            }
        }
    }

    @Test
    void fiftyMegabytesStreamThroughAHeapSmallerThanThem(@TempDir Path tmp) throws Exception {
        DatabaseConfig shared = TestDatabases.freshSharedConfig(databaseKind(), tmp);
        try {
            Path blobs = tmp.resolve("blobs");
            long seed = 50;
            // The production chunk size: the point is the heap, and small chunks would only be slow.
            int chunk = Math.max(chunkSize(), DatabaseBlobStore.DEFAULT_CHUNK_SIZE);
            Child child = Child.start(tmp, "40m", "big", storeKind(), shared, blobs, chunk,
                    Long.toString(seed), Long.toString(FIFTY_MB));
            assertEquals(0, child.process().waitFor(), () -> "child failed: " + child.stderr());
            Map<String, List<String>> facts = child.facts();
            String expected = SeededContent.sha256(seed, FIFTY_MB);
            assertEquals(List.of(expected), facts.get("READ"), () -> "child output: " + child.stdout());
            String[] put = facts.get("PUT").getFirst().split(" ");
            assertEquals(Long.toString(FIFTY_MB), put[1]);
            assertTrue(Long.parseLong(facts.get("HEAP").getFirst()) < FIFTY_MB, "the heap must be smaller");
            if (storeKind() == BlobStoreKind.FILES) {
                assertEquals(FileBlobStore.KEY_PREFIX + expected, put[0]);
            }
        } finally {
            TestDatabases.drop(shared);
        }
    }

    // ---- references and purge

    @Test
    void referencedDataSurvivesPurge() throws Exception {
        BlobRef ref = store.put(new SeededContent(8, 100), 100);
        reference(ref);
        age(ref, Duration.ofDays(1));
        assertEquals(new PurgeReport(0, 0, 0), store.purge(Duration.ZERO));
        assertEquals(SeededContent.sha256(8, 100), SeededContent.sha256(store.open(ref.key())));
        assertEquals(1, refcount(ref));
    }

    @Test
    void unreferencedDataIsKeptForTheGracePeriodThenPurged() throws Exception {
        BlobRef ref = store.put(new SeededContent(9, 1000), 1000);
        assertEquals(new PurgeReport(0, 0, 0), store.purge(Duration.ofHours(1)));
        store.open(ref.key()).close();
        age(ref, Duration.ofHours(2));
        assertEquals(new PurgeReport(1, 1000, 0), store.purge(Duration.ofHours(1)));
        assertThrows(MapiException.NotFound.class, () -> store.open(ref.key()));
        assertEquals(List.of(), unreferencedLeftovers(db, dir));
    }

    @Test
    void droppingTheLastReferenceRestartsTheGracePeriod() throws Exception {
        BlobRef ref = store.put(new SeededContent(10, 500), 500);
        reference(ref);
        reference(ref);
        unreference(ref);
        assertEquals(1, refcount(ref));
        age(ref, Duration.ofHours(2));
        store.purge(Duration.ofHours(1));
        unreference(ref);
        assertEquals(0, refcount(ref));
        assertEquals(0, store.purge(Duration.ofHours(1)).blobsRemoved(), "just dropped: still in its grace");
        assertEquals(SeededContent.sha256(10, 500), SeededContent.sha256(store.open(ref.key())));
        age(ref, Duration.ofHours(2));
        assertEquals(1, store.purge(Duration.ofHours(1)).blobsRemoved());
        assertThrows(MapiException.NotFound.class, () -> store.open(ref.key()));
    }

    @Test
    void droppingAReferenceThatIsNotThereKeepsTheCountAtZero() throws Exception {
        BlobRef ref = store.put(new SeededContent(11, 5), 5);
        unreference(ref);
        assertEquals(0, refcount(ref));
    }

    @Test
    void aReferenceInARolledBackTransactionDoesNotCount() throws Exception {
        BlobRef ref = store.put(new SeededContent(12, 5), 5);
        assertThrows(IllegalStateException.class, () -> db.transaction(c -> {
            store.addReference(c, ref);
            throw new IllegalStateException("the message could not be saved");
        }));
        assertEquals(0, refcount(ref));
    }

    @Test
    void referencingPurgedDataIsNotFound() throws Exception {
        BlobRef ref = store.put(new SeededContent(13, 5), 5);
        age(ref, Duration.ofHours(2));
        store.purge(Duration.ofHours(1));
        assertThrows(MapiException.NotFound.class, () -> reference(ref));
        assertEquals(0, count("SELECT COUNT(*) FROM blobs"));
    }

    @Test
    void concurrentPutsOfTheSameContentAllSucceed() throws Exception {
        int writers = 8;
        int size = 2 * chunkSize() + 5;
        List<BlobRef> refs = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> {
                    BlobRef ref = store.put(new SeededContent(42, size), size);
                    reference(ref);
                    refs.add(ref);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        Set<String> keys = refs.stream().map(BlobRef::key).collect(Collectors.toSet());
        long total = 0;
        for (String key : keys) {
            assertEquals(SeededContent.sha256(42, size), SeededContent.sha256(store.open(key)));
            total += refcount(new BlobRef(key, size));
        }
        assertEquals(writers, total);
    }

    // ---- a real crash

    @Test
    void aKilledWriterLeavesAConsistentStore(@TempDir Path tmp) throws Exception {
        DatabaseConfig shared = TestDatabases.freshSharedConfig(databaseKind(), tmp);
        Path blobs = tmp.resolve("blobs");
        int chunk = Math.min(chunkSize(), 4096);
        Child child = Child.start(tmp, "256m", "writer", storeKind(), shared, blobs, chunk);
        try {
            child.awaitLines("REF ", 40, Duration.ofSeconds(60));
        } finally {
            child.process().destroyForcibly();
            child.process().waitFor(30, TimeUnit.SECONDS);
        }
        try (TestDatabase after = TestDatabases.open(shared)) {
            BlobStore reopened = newStore(after.database(), blobs);
            Map<String, String> expected = new HashMap<>();
            Map<String, Integer> printedRefs = new HashMap<>();
            for (String line : child.lines()) {
                String[] f = line.split(" ");
                if (f.length < 2 || !COMPLETE_KEY.matcher(f[1]).matches()) {
                    continue; // the line the child was killed writing
                }
                switch (f[0]) {
                    case "PUT" -> {
                        if (f.length == 3 && f[2].length() == 64) {
                            expected.put(f[1], f[2]);
                        }
                    }
                    case "REF" -> printedRefs.merge(f[1], 1, Integer::sum);
                    case "UNREF" -> printedRefs.merge(f[1], -1, Integer::sum);
                    default -> {
                    }
                }
            }
            Map<String, Integer> counts = referenceCounts(after.database());
            checkReferencedData(reopened, counts, expected, printedRefs);

            PurgeReport report = reopened.purge(Duration.ZERO);
            assertNotNull(report);
            assertEquals(List.of(), unreferencedLeftovers(after.database(), blobs), "purge left garbage: " + report);
            Map<String, Integer> afterPurge = referenceCounts(after.database());
            assertEquals(counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), afterPurge);
            checkReferencedData(reopened, afterPurge, expected, printedRefs);
        }
    }

    /**
     * Every referenced blob was reported put and reads back as reported, and the counts match the
     * references the child reported but for its last step, which may have committed unreported (a
     * database that lost acknowledged commits in the crash fails here).
     */
    private static void checkReferencedData(BlobStore store, Map<String, Integer> counts,
            Map<String, String> expected, Map<String, Integer> printedRefs) {
        int unprinted = 0;
        Set<String> keys = new HashSet<>(counts.keySet());
        keys.addAll(printedRefs.keySet());
        for (String key : keys) {
            int count = counts.getOrDefault(key, 0);
            unprinted += Math.abs(count - printedRefs.getOrDefault(key, 0));
            if (count > 0) {
                assertTrue(expected.containsKey(key), () -> key + " is referenced but was never reported put");
                assertEquals(expected.get(key), SeededContent.sha256(store.open(key)), key);
            }
        }
        assertTrue(unprinted <= 1, "reference counts differ from the reported references by " + unprinted);
    }

    // ---- helpers

    void reference(BlobRef ref) {
        db.transaction(c -> {
            store.addReference(c, ref);
            return null;
        });
    }

    void unreference(BlobRef ref) {
        db.transaction(c -> {
            store.removeReference(c, ref);
            return null;
        });
    }

    int refcount(BlobRef ref) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT refcount FROM blobs WHERE blob_key = ?")) {
                ps.setString(1, ref.key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        fail("no row for " + ref);
                    }
                    return rs.getInt(1);
                }
            }
        });
    }

    long count(String sql) {
        return count(db, sql);
    }

    static long count(Database db, String sql) {
        return db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static List<String> strings(Database db, String sql) {
        return db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        });
    }

    static Map<String, Integer> referenceCounts(Database db) {
        return db.transaction(c -> queryCounts(c));
    }

    private static Map<String, Integer> queryCounts(Connection c) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT blob_key, refcount FROM blobs")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
