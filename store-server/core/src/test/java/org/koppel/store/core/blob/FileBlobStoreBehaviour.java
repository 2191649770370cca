package org.koppel.store.core.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.Database;

/**
 * The file store: the contract, plus deduplication, its file layout, and what every kind of crash can
 * leave behind. The crash leftovers are built by hand, one per gap between two steps of the protocol
 * described on {@link FileBlobStore}.
 */
abstract class FileBlobStoreBehaviour extends BlobStoreContract {

    private static final Duration GRACE = Duration.ofHours(1);
    private static final Duration LONG_AGO = Duration.ofHours(2);

    @Override
    BlobStoreKind storeKind() {
        return BlobStoreKind.FILES;
    }

    @Override
    BlobStore newStore(Database db, Path dir) {
        return new FileBlobStore(db, dir);
    }

    /** The copy buffer: data is hashed and written in pieces of this size. */
    @Override
    int chunkSize() {
        return 64 * 1024;
    }

    @Override
    List<String> unreferencedLeftovers(Database db, Path dir) throws IOException {
        Set<String> referenced = new HashSet<>();
        referenceCounts(db).forEach((key, count) -> {
            if (count > 0) {
                referenced.add(key);
            }
        });
        List<String> leftovers = new ArrayList<>(strings(db,
                "SELECT CONCAT('row ', blob_key) FROM blobs WHERE refcount = 0"));
        for (Path file : blobFiles(dir)) {
            if (!referenced.contains(FileBlobStore.KEY_PREFIX + file.getFileName())) {
                leftovers.add("file " + file);
            }
        }
        for (Path temp : tempFiles(dir)) {
            leftovers.add("temp " + temp);
        }
        return leftovers;
    }

    @Override
    void age(BlobRef ref, Duration by) throws Exception {
        super.age(ref, by);
        Path file = fileOf(ref.key());
        if (Files.exists(file)) {
            Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().minus(by)));
        }
    }

    // ---- layout and deduplication

    @Test
    void dataIsAFileNamedByItsSha256() throws IOException {
        BlobRef ref = store.put(new SeededContent(30, 1234), 1234);
        String hex = SeededContent.sha256(30, 1234);
        assertEquals("sha256:" + hex, ref.key());
        Path file = dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
        assertEquals(List.of(file), blobFiles(dir));
        assertEquals(hex, SeededContent.sha256(Files.newInputStream(file)));
        assertEquals(List.of(), tempFiles(dir));
    }

    @Test
    void theSameContentTwiceIsOneFileWithTwoReferences() throws IOException {
        BlobRef first = store.put(new SeededContent(31, 5000), 5000);
        BlobRef second = store.put(new SeededContent(31, 5000), 5000);
        assertEquals(first, second);
        assertEquals(1, blobFiles(dir).size());
        assertEquals(0, refcount(first));
        reference(first);
        reference(second);
        assertEquals(2, refcount(first));
        assertEquals(1, count("SELECT COUNT(*) FROM blobs"));
    }

    @Test
    void aPutOfKnownContentRestartsItsGracePeriod() throws Exception {
        BlobRef ref = store.put(new SeededContent(32, 100), 100);
        age(ref, LONG_AGO);
        store.put(new SeededContent(32, 100), 100);
        assertEquals(new PurgeReport(0, 0, 0), store.purge(GRACE));
        reference(ref);
    }

    @Test
    void aDamagedFileIsReplacedByTheNextPutOfItsContent() throws IOException {
        BlobRef ref = store.put(new SeededContent(33, 3000), 3000);
        Path file = fileOf(ref.key());
        Files.write(file, new byte[10]);
        store.put(new SeededContent(33, 3000), 3000);
        assertEquals(SeededContent.sha256(33, 3000), SeededContent.sha256(store.open(ref.key())));
    }

    // ---- crash leftovers, one per gap in the protocol

    @Test
    void crashAfterWritingTheTempFile() throws Exception {
        Path stale = writeTemp("stale.tmp", LONG_AGO);
        Path active = writeTemp("active.tmp", Duration.ZERO);
        assertEquals(new PurgeReport(0, 10, 1), store.purge(GRACE));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(active), "a put may still be writing it");
        BlobRef ref = store.put(new SeededContent(34, 10), 10);
        reference(ref);
    }

    @Test
    void crashAfterTheRenameBeforeTheRowCommitted() throws Exception {
        Path old = writeOrphan(35, 700, LONG_AGO);
        Path fresh = writeOrphan(36, 800, Duration.ZERO);
        assertEquals(new PurgeReport(0, 700, 1), store.purge(GRACE));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh), "its put may be about to commit its row");
        assertEquals(0, count("SELECT COUNT(*) FROM blobs"), "the claim on the orphan's key is gone again");
        // The retried put adopts the file its crashed attempt left.
        BlobRef ref = store.put(new SeededContent(36, 800), 800);
        reference(ref);
        assertEquals(SeededContent.sha256(36, 800), SeededContent.sha256(store.open(ref.key())));
    }

    @Test
    void aPutAdoptsAnOldOrphanSoPurgeKeepsIt() throws Exception {
        Path orphan = writeOrphan(37, 300, LONG_AGO);
        BlobRef ref = store.put(new SeededContent(37, 300), 300);
        assertEquals(new PurgeReport(0, 0, 0), store.purge(GRACE));
        assertTrue(Files.exists(orphan));
        reference(ref);
    }

    @Test
    void crashBeforeTheReferenceCommitted() throws Exception {
        // The put finished, the message transaction never committed: an unreferenced row and its file.
        BlobRef ref = store.put(new SeededContent(38, 900), 900);
        assertEquals(new PurgeReport(0, 0, 0), store.purge(GRACE));
        age(ref, LONG_AGO);
        assertEquals(new PurgeReport(1, 900, 0), store.purge(GRACE));
        assertEquals(List.of(), blobFiles(dir));
        assertEquals(0, count("SELECT COUNT(*) FROM blobs"));
    }

    @Test
    void crashAfterTheLastReferenceWasDropped() throws Exception {
        BlobRef ref = store.put(new SeededContent(39, 400), 400);
        reference(ref);
        age(ref, LONG_AGO);
        unreference(ref);
        assertEquals(new PurgeReport(0, 0, 0), store.purge(GRACE));
        age(ref, LONG_AGO);
        assertEquals(new PurgeReport(1, 400, 0), store.purge(GRACE));
        assertEquals(List.of(), unreferencedLeftovers(db, dir));
    }

    @Test
    void crashInAPurgeAfterItDeletedTheFile() throws Exception {
        // The purge's transaction rolled back: the unreferenced row is back, its file is not.
        BlobRef ref = store.put(new SeededContent(40, 600), 600);
        age(ref, LONG_AGO);
        Files.delete(fileOf(ref.key()));
        assertThrows(MapiException.NotFound.class, () -> reference(ref), "must not reference missing data");
        assertEquals(0, refcount(ref));
        assertEquals(new PurgeReport(1, 0, 0), store.purge(GRACE));
        assertEquals(0, count("SELECT COUNT(*) FROM blobs"));
    }

    @Test
    void aPutRestoresTheFileAPurgeDeletedBeforeItDied() throws Exception {
        BlobRef ref = store.put(new SeededContent(41, 600), 600);
        age(ref, LONG_AGO);
        Files.delete(fileOf(ref.key()));
        store.put(new SeededContent(41, 600), 600);
        reference(ref);
        assertEquals(new PurgeReport(0, 0, 0), store.purge(Duration.ZERO));
        assertEquals(SeededContent.sha256(41, 600), SeededContent.sha256(store.open(ref.key())));
    }

    @Test
    void purgeWithNoGraceAfterEveryKindOfCrashKeepsAllReferencedData() throws Exception {
        BlobRef kept = store.put(new SeededContent(42, 2000), 2000);
        reference(kept);
        age(kept, Duration.ofDays(30));
        BlobRef dropped = store.put(new SeededContent(43, 2000), 2000);
        reference(dropped);
        unreference(dropped);
        BlobRef neverReferenced = store.put(new SeededContent(44, 2000), 2000);
        BlobRef fileGone = store.put(new SeededContent(45, 2000), 2000);
        Files.delete(fileOf(fileGone.key()));
        writeOrphan(46, 2000, LONG_AGO);
        writeTemp("crashed.tmp", LONG_AGO);

        PurgeReport report = store.purge(Duration.ZERO);

        assertEquals(3, report.blobsRemoved(), report.toString());
        assertEquals(2, report.orphansRemoved(), report.toString());
        assertEquals(List.of(), unreferencedLeftovers(db, dir));
        assertEquals(1, refcount(kept));
        assertEquals(SeededContent.sha256(42, 2000), SeededContent.sha256(store.open(kept.key())));
        for (BlobRef gone : List.of(dropped, neverReferenced, fileGone)) {
            assertThrows(MapiException.NotFound.class, () -> store.open(gone.key()));
        }
    }

    @Test
    void purgeLeavesWhatIsNotItsOwnAlone() throws Exception {
        Path readme = Files.writeString(dir.resolve("README"), "not a blob");
        Files.setLastModifiedTime(readme, FileTime.from(Instant.now().minus(LONG_AGO)));
        db.transaction(c -> {
            new BlobTable().insert(c, "db:someone-else", 10, 0);
            return null;
        });
        assertEquals(new PurgeReport(0, 0, 0), store.purge(Duration.ZERO));
        assertTrue(Files.exists(readme));
        assertEquals(1, count("SELECT COUNT(*) FROM blobs"));
    }

    // ---- helpers

    private Path fileOf(String key) {
        String hex = key.substring(FileBlobStore.KEY_PREFIX.length());
        return dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /** A blob file without a row, as a put that died before committing its row leaves it. */
    private Path writeOrphan(long seed, int length, Duration age) throws IOException {
        Path file = fileOf(FileBlobStore.KEY_PREFIX + SeededContent.sha256(seed, length));
        Files.createDirectories(file.getParent());
        try (InputStream in = new SeededContent(seed, length)) {
            Files.copy(in, file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private Path writeTemp(String name, Duration age) throws IOException {
        Path temp = Files.write(dir.resolve("tmp").resolve(name), new byte[10]);
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(age)));
        return temp;
    }

    static List<Path> blobFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().equals(root.resolve("tmp")))
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                    .sorted()
                    .toList();
        }
    }

    static List<Path> tempFiles(Path root) throws IOException {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(tmp)) {
            return paths.toList();
        }
    }
}
