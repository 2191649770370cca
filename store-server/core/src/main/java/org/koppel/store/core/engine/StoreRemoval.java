package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.core.blob.BlobRef;

/** Removes a whole store: its messages' attachment references first, then its rows (the rest cascades). */
final class StoreRemoval {

    private final EngineContext ctx;

    StoreRemoval(EngineContext ctx) {
        this.ctx = ctx;
    }

    void remove(Connection c, long storeId) throws SQLException {
        List<BlobRef> refs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.blob_key FROM attachments a"
                + " JOIN messages m ON m.id = a.message_id WHERE m.store_id = ? AND a.blob_key IS NOT NULL")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(new BlobRef(rs.getString(1), 0));
                }
            }
        }
        for (BlobRef r : refs) {
            ctx.blobs().removeReference(c, r);
        }
        for (String sql : new String[] {"DELETE FROM messages WHERE store_id = ?",
            "DELETE FROM folders WHERE store_id = ?", "DELETE FROM stores WHERE id = ?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, storeId);
                ps.executeUpdate();
            }
        }
    }
}
