package org.koppel.dist;

import java.util.concurrent.Callable;
import org.koppel.dist.config.ServerSettings;
import org.koppel.dist.runtime.BlobStorage;
import org.koppel.store.core.blob.PurgeReport;
import org.koppel.store.core.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code koppel purge-attachments}: removes attachment data no message has referred to for longer than
 * attachment_purge_grace, and files no row knows. On MariaDB it is safe while the server runs (the grace
 * period covers attachments being saved at that moment); the embedded database admits one process only.
 */
@Command(name = "purge-attachments", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Removes unreferenced attachment data older than attachment_purge_grace.")
final class PurgeAttachmentsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Override
    public Integer call() {
        ServerSettings settings = options.serverSettings(new LogLevels());
        BlobStorage storage = BlobStorage.of(settings);
        try (Database database = Database.open(settings.databaseConfig())) {
            PurgeReport report = storage.open(database).purge(settings.attachmentPurgeGrace());
            System.out.printf("Purged attachments (%s, grace %s): %d unreferenced blobs removed, %s freed, %d orphaned files removed%n",
                    storage, settings.attachmentPurgeGrace().toString().substring(2).toLowerCase(java.util.Locale.ROOT), report.blobsRemoved(),
                    humanBytes(report.bytesFreed()), report.orphansRemoved());
        }
        return 0;
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}
