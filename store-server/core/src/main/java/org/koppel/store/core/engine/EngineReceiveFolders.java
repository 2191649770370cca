package org.koppel.store.core.engine;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.ReceiveFolders;
import org.koppel.store.client.Rights;

/**
 * Receive folders: the folder that takes a message class. The lookup tries the class, then each shorter
 * dot-separated prefix, then the default "" entry, as MAPI's GetReceiveFolder does.
 */
final class EngineReceiveFolders implements ReceiveFolders {

    private final Scope scope;

    EngineReceiveFolders(Scope scope) {
        this.scope = scope;
    }

    @Override
    public EntryId get(EntryId store, String messageClass) {
        String cls = normalize(messageClass);
        return scope.tx(c -> {
            var s = scope.ctx.objects().storeByGuid(c, store.storeGuid())
                    .orElseThrow(() -> new MapiException.NotFound("store does not exist"));
            String candidate = cls;
            while (true) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT folder_id FROM receive_folders WHERE store_id = ? AND message_class = ?")) {
                    ps.setLong(1, s.id());
                    ps.setBytes(2, candidate.getBytes(StandardCharsets.UTF_8));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return scope.ctx.objects().folderEntryId(s, rs.getLong(1));
                        }
                    }
                }
                if (candidate.isEmpty()) {
                    throw new MapiException.NotFound("no receive folder for " + messageClass);
                }
                int dot = candidate.lastIndexOf('.');
                candidate = dot < 0 ? "" : candidate.substring(0, dot);
            }
        });
    }

    @Override
    public void set(EntryId store, String messageClass, EntryId folder) {
        String cls = normalize(messageClass);
        if (folder.objectType() != MapiObjectType.MAPI_FOLDER) {
            throw new MapiException.InvalidEntryId("not a folder entry id");
        }
        long storeId = scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            if (!f.store().guid().equals(store.storeGuid())) {
                throw new MapiException.InvalidParameter("the folder is in another store");
            }
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.FOLDER_OWNER);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM receive_folders WHERE store_id = ? AND message_class = ?")) {
                ps.setLong(1, f.store().id());
                ps.setBytes(2, cls.getBytes(StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO receive_folders (store_id, message_class, folder_id) VALUES (?,?,?)")) {
                ps.setLong(1, f.store().id());
                ps.setBytes(2, cls.getBytes(StandardCharsets.UTF_8));
                ps.setLong(3, f.object().id());
                ps.executeUpdate();
            }
            return f.store().id();
        });
        scope.ctx.receiveFolders().changed(storeId);
    }

    /** Message classes compare case-insensitively. */
    private static String normalize(String messageClass) {
        if (messageClass == null || messageClass.length() > 255) {
            throw new MapiException.InvalidParameter("a message class must have at most 255 characters");
        }
        return messageClass.strip().toUpperCase(Locale.ROOT);
    }
}
