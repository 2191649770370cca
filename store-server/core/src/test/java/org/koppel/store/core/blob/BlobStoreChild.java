package org.koppel.store.core.blob;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.db.DatabaseConfig;
import org.koppel.store.core.db.DatabaseKind;

/**
 * The far side of the tests that need a JVM of their own: one with a heap smaller than the data it
 * streams, or one that is killed in the middle of its work. Reports on stdout, one line per fact.
 *
 * <p>Arguments: {@code big|writer store-kind jdbc-url user password root chunk-size [seed length]}.
 */
final class BlobStoreChild {

    private BlobStoreChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        BlobStoreKind kind = BlobStoreKind.valueOf(args[1]);
        String url = args[2];
        DatabaseKind dbKind = url.startsWith("jdbc:h2:") ? DatabaseKind.H2 : DatabaseKind.MYSQL;
        DatabaseConfig config = new DatabaseConfig(dbKind, url, args[3], args[4], 2);
        PrintStream out = System.out;
        try (Database db = Database.open(config)) {
            out.println("READY " + ProcessHandle.current().pid());
            out.flush();
            BlobStore store = switch (kind) {
                case DATABASE -> new DatabaseBlobStore(db, Integer.parseInt(args[6]));
                case FILES -> new FileBlobStore(db, Path.of(args[5]));
            };
            switch (mode) {
                case "big" -> big(store, Long.parseLong(args[7]), Long.parseLong(args[8]), out);
                case "writer" -> writer(store, db, Integer.parseInt(args[6]), out);
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    /** Puts the seeded content and reads it back, reporting the key and what was read. */
    private static void big(BlobStore store, long seed, long length, PrintStream out) {
        BlobRef ref = store.put(new SeededContent(seed, length), length);
        out.println("PUT " + ref.key() + " " + ref.sizeBytes());
        out.println("READ " + SeededContent.sha256(store.open(ref.key())));
        Runtime rt = Runtime.getRuntime();
        out.println("HEAP " + rt.maxMemory());
        out.flush();
    }

    /**
     * Puts, references and drops references in a loop until killed. Every fact is printed before the next
     * step, so the parent knows the expected content of any key it may find referenced. Seeds repeat, so
     * a deduplicating store sees the same content put again.
     */
    private static void writer(BlobStore store, Database db, int chunkSize, PrintStream out) {
        List<BlobRef> referenced = new ArrayList<>();
        for (int i = 0; ; i++) {
            long seed = i / 2;
            long length = (seed * 7919) % (3L * chunkSize + 2);
            BlobRef ref = store.put(new SeededContent(seed, length), length);
            out.println("PUT " + ref.key() + " " + SeededContent.sha256(seed, length));
            out.flush();
            if (i % 3 != 2) {
                db.transaction(c -> {
                    store.addReference(c, ref);
                    return null;
                });
                referenced.add(ref);
                out.println("REF " + ref.key());
                out.flush();
            }
            if (i % 5 == 4 && !referenced.isEmpty()) {
                BlobRef drop = referenced.removeFirst();
                db.transaction(c -> {
                    store.removeReference(c, drop);
                    return null;
                });
                out.println("UNREF " + drop.key());
                out.flush();
            }
        }
    }
}
