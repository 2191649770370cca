package org.koppel.store.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.koppel.mapi.MapiException;
import org.koppel.store.core.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachment data as files under a directory, named by their SHA-256 ({@code root/ab/cd/abcd…}, key
 * {@code "sha256:abcd…"}), so identical attachments are stored once; the reference counts live in the
 * {@code blobs} table.
 *
 * <p>Protocol. The one rule: <em>a blob file is only created, replaced or deleted by a transaction that
 * holds the lock on the blob's {@code blobs} row</em>, so the file and its row change together as far
 * as any other transaction can tell.
 * <ol>
 * <li>put streams to {@code root/tmp/<uuid>.tmp}, hashing, and fsyncs it (no lock needed: nobody else
 *     knows the name);</li>
 * <li>in one transaction it upserts the row (refcount kept, touched_ms = now), which locks it; moves
 *     the temp file atomically to its final name, or, if a file of the right size is there already,
 *     deletes the temp file and touches the existing one; fsyncs the directory; commits;</li>
 * <li>the caller references the blob in its own transaction ({@link #addReference}: refcount + 1, and
 *     a check that the file exists, made under the row lock so it stays true until commit).</li>
 * </ol>
 * {@link #purge} deletes a file only while holding its row: for an unreferenced row it locks the row
 * (SELECT ... FOR UPDATE), re-checks refcount 0 and age, deletes the file, deletes the row, commits;
 * for a file without a row it claims the key by inserting a row, deletes the file and that row, and
 * commits. A put of the same content waits for either and then finds no file, so it moves its own in.
 *
 * <p>Crash between any two steps: a temp file (removed by purge after the grace period); a file without
 * row (rolled-back step 2; an orphan for purge); an unreferenced row (a put nobody referenced, or the
 * last reference dropped; purged after the grace period); a refcount-0 row without its file (a purge
 * that deleted the file but did not commit; the next purge deletes the row, a put restores the file).
 * A referenced row always has its file, because its file existed when the reference was committed and
 * only a purge holding the lock of an unreferenced row deletes one.
 */
public final class FileBlobStore implements BlobStore {

    static final String KEY_PREFIX = "sha256:";

    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TWO_HEX = Pattern.compile("[0-9a-f]{2}");
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int PURGE_BATCH = 500;
    private static final String TEMP_DIR = "tmp";

    private final Database db;
    private final Path root;
    private final Path tempDir;
    private final BlobTable table = new BlobTable();

    /** Uses (and creates) {@code root}; it must be on one file system, so renames within it are atomic. */
    public FileBlobStore(Database db, Path root) {
        this.db = Objects.requireNonNull(db, "db");
        this.root = root.toAbsolutePath().normalize();
        this.tempDir = this.root.resolve(TEMP_DIR);
        try {
            Files.createDirectories(tempDir);
        } catch (IOException e) {
            throw new MapiException.CallFailed("cannot create the blob directory " + tempDir + ": " + e, e);
        }
    }

    @Override
    public BlobRef put(InputStream data, long maxBytes) {
        Objects.requireNonNull(data, "data");
        if (maxBytes < 0) {
            throw new MapiException.InvalidParameter("negative maximum blob size");
        }
        Path temp = tempDir.resolve(UUID.randomUUID() + ".tmp");
        try {
            MessageDigest sha = sha256();
            long size = writeTemp(data, maxBytes, temp, sha);
            String hex = HexFormat.of().formatHex(sha.digest());
            BlobRef ref = new BlobRef(KEY_PREFIX + hex, size);
            Path target = pathOf(hex);
            db.transaction(c -> {
                long now = System.currentTimeMillis();
                table.upsertTouched(c, ref.key(), size, now);
                try {
                    place(temp, target, size, now);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            return ref;
        } catch (IOException | UncheckedIOException e) {
            throw new MapiException.CallFailed("storing attachment data failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private long writeTemp(InputStream data, long maxBytes, Path temp, MessageDigest sha) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            ByteBuffer bb = ByteBuffer.wrap(buffer);
            long total = 0;
            while (true) {
                // One byte beyond the limit at most, so an oversized stream is detected without reading on.
                long room = maxBytes - total;
                int want = room >= BUFFER_SIZE ? BUFFER_SIZE : (int) room + 1;
                int n = data.readNBytes(buffer, 0, want);
                total += n;
                if (total > maxBytes) {
                    throw new MapiException.TooBig("attachment data exceeds " + maxBytes + " bytes");
                }
                sha.update(buffer, 0, n);
                bb.clear().limit(n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                if (n < want) {
                    break;
                }
            }
            out.force(true);
            return total;
        }
    }

    /**
     * Moves the temp file to its final name, under the row lock. Safe to run again when the transaction is
     * retried after a deadlock: the temp file is then gone and the target already in place.
     */
    private void place(Path temp, Path target, long size, long nowMs) throws IOException {
        if (!Files.exists(temp)) {
            if (sizeOrMinusOne(target) != size) {
                throw new IOException("temporary file " + temp + " vanished (purged as stale?)");
            }
            return;
        }
        if (sizeOrMinusOne(target) == size) {
            // Same name means same content; the size check only catches a damaged copy, which is replaced.
            Files.delete(temp);
            Files.setLastModifiedTime(target, FileTime.fromMillis(nowMs));
            return;
        }
        createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
    }

    /** Creates the two fan-out levels, making each new directory entry durable before it is used. */
    private void createDirectories(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (Files.isDirectory(dir)) {
            return;
        }
        if (!Files.isDirectory(parent)) {
            try {
                Files.createDirectory(parent);
            } catch (FileAlreadyExistsException e) {
                // created concurrently by a put of other content under the same prefix
            }
            fsyncDirectory(root);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // created concurrently
        }
        fsyncDirectory(parent);
    }

    /** POSIX: a rename or new entry is only durable once its directory is fsynced. */
    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public void addReference(Connection tx, BlobRef blob) throws SQLException {
        String hex = hexOf(blob.key());
        if (!table.addReference(tx, blob.key())) {
            throw new MapiException.NotFound("blob " + blob.key() + " does not exist (purged?)");
        }
        // The row is locked now, so no purge can delete the file before this transaction ends; a file
        // missing here was deleted by a purge that died before committing, and must not be referenced.
        if (!Files.isRegularFile(pathOf(hex))) {
            throw new MapiException.NotFound("the data of blob " + blob.key() + " is gone");
        }
    }

    @Override
    public void removeReference(Connection tx, BlobRef blob) throws SQLException {
        if (!table.removeReference(tx, blob.key(), System.currentTimeMillis())) {
            LOG.warn("Dropping a reference to blob {} that has none; reference counting is off", blob.key());
        }
    }

    @Override
    public InputStream open(String key) {
        Path file = pathOf(hexOf(key));
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new MapiException.NotFound("no such blob: " + key, e);
        } catch (IOException e) {
            throw new MapiException.CallFailed("cannot open blob " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PurgeReport purge(Duration grace) {
        if (grace.isNegative()) {
            throw new MapiException.InvalidParameter("negative grace period");
        }
        long cutoff = System.currentTimeMillis() - grace.toMillis();
        Tally tally = new Tally();
        purgeUnreferenced(cutoff, tally);
        purgeOrphanFiles(cutoff, tally);
        purgeStaleTemps(cutoff, tally);
        return new PurgeReport(tally.blobs, tally.bytes, tally.orphans);
    }

    /** What one purge has removed so far. */
    private static final class Tally {
        int blobs;
        int orphans;
        long bytes;
    }

    private void purgeUnreferenced(long cutoff, Tally tally) {
        String after = "";
        while (true) {
            String from = after;
            List<String> keys = db.transaction(c -> table.unreferenced(c, KEY_PREFIX, cutoff, from, PURGE_BATCH));
            for (String key : keys) {
                if (!HEX.matcher(key.substring(KEY_PREFIX.length())).matches()) {
                    continue; // not a key this store makes; leave it for a human
                }
                Path file = pathOf(key.substring(KEY_PREFIX.length()));
                try {
                    Long freed = db.transaction(c -> {
                        BlobTable.Row row = table.lock(c, key);
                        if (!BlobTable.purgeable(row, cutoff)) {
                            return null;
                        }
                        boolean existed = deleteFile(file);
                        table.delete(c, key);
                        return existed ? row.sizeBytes() : 0L;
                    });
                    if (freed != null) {
                        tally.blobs++;
                        tally.bytes += freed;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not purge blob {}: {}", key, e.getMessage());
                }
            }
            if (keys.size() < PURGE_BATCH) {
                return;
            }
            after = keys.getLast();
        }
    }

    private void purgeOrphanFiles(long cutoff, Tally tally) {
        for (Path level1 : subdirectories(root)) {
            if (!TWO_HEX.matcher(level1.getFileName().toString()).matches()) {
                continue; // tmp, lost+found, anything not ours
            }
            for (Path level2 : subdirectories(level1)) {
                if (!TWO_HEX.matcher(level2.getFileName().toString()).matches()) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(level2)) {
                    for (Path file : files) {
                        String hex = file.getFileName().toString();
                        if (HEX.matcher(hex).matches() && file.equals(pathOf(hex))) {
                            purgeIfOrphan(hex, file, cutoff, tally);
                        }
                    }
                } catch (IOException e) {
                    LOG.warn("Cannot list {}: {}", level2, e.getMessage());
                }
            }
        }
    }

    private void purgeIfOrphan(String hex, Path file, long cutoff, Tally tally) {
        String key = KEY_PREFIX + hex;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.lastModifiedTime().toMillis() > cutoff) {
                return;
            }
            boolean removed = db.transaction(c -> {
                if (table.find(c, key) != null) {
                    return false;
                }
                // Claim the key: while our row exists (locked, uncommitted) a put of this content waits,
                // and one that already committed its row makes this insert fail.
                if (!table.insertIfAbsent(c, key, attrs.size(), 0)) {
                    return false;
                }
                boolean deleted = deleteFile(file);
                table.delete(c, key);
                return deleted;
            });
            if (removed) {
                tally.orphans++;
                tally.bytes += attrs.size();
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not purge orphaned blob file {}: {}", file, e.getMessage());
        }
    }

    private void purgeStaleTemps(long cutoff, Tally tally) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(tempDir)) {
            for (Path temp : temps) {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(temp, BasicFileAttributes.class);
                    // A put in progress keeps writing, so its temp file stays younger than any sane grace.
                    if (attrs.isRegularFile() && attrs.lastModifiedTime().toMillis() <= cutoff
                            && Files.deleteIfExists(temp)) {
                        tally.orphans++;
                        tally.bytes += attrs.size();
                    }
                } catch (NoSuchFileException e) {
                    // finished meanwhile
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean {}: {}", tempDir, e.getMessage());
        }
    }

    private static List<Path> subdirectories(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private static boolean deleteFile(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}; purge will: {}", file, e.getMessage());
        }
    }

    private static long sizeOrMinusOne(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).size();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /** The hex digest of a key of this store; any other key (including path tricks) is not found. */
    private static String hexOf(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            throw new MapiException.NotFound("no such blob: " + key);
        }
        String hex = key.substring(KEY_PREFIX.length());
        if (!HEX.matcher(hex).matches()) {
            throw new MapiException.NotFound("no such blob: " + key);
        }
        return hex;
    }

    Path pathOf(String hex) {
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
