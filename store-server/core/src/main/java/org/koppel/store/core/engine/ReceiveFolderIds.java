package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which folders of a store are receive folders, kept per store: every delivery asks (a message put there by
 * someone other than the owner is new mail) and the answer changes only when the owner points a message class
 * elsewhere, which {@link EngineReceiveFolders#set} reports here after its commit. A load that raced with such
 * a change is not kept (a generation count), so the next delivery reads the table again. Folder ids are never
 * reused, so a deleted folder left in a kept set is harmless: nothing can be delivered into it.
 */
final class ReceiveFolderIds {

    /** Past this many stores the cache starts over. */
    static final int MAX_STORES = 50_000;

    private final ConcurrentHashMap<Long, Set<Long>> byStore = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** Whether {@code folderId} is one of the store's receive folders, reading the table if not kept. */
    boolean contains(Connection c, long storeId, long folderId) throws SQLException {
        Set<Long> kept = byStore.get(storeId);
        if (kept == null) {
            long before = generation.get();
            kept = load(c, storeId);
            if (generation.get() == before) {
                if (byStore.size() >= MAX_STORES) {
                    byStore.clear();
                }
                byStore.put(storeId, kept);
                if (generation.get() != before) {
                    byStore.remove(storeId); // a change committed while this was being kept
                }
            }
        }
        return kept.contains(folderId);
    }

    /** Forgets a store's set; call after a change to its receive folders has committed. */
    void changed(long storeId) {
        generation.incrementAndGet();
        byStore.remove(storeId);
    }

    private static Set<Long> load(Connection c, long storeId) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT folder_id FROM receive_folders WHERE store_id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return Set.copyOf(ids);
    }
}
