package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.koppel.store.core.directory.UserDirectory;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Rights;

/**
 * Computes what a caller may do in a folder: the store's owner and administrators hold every right;
 * anyone else holds the union of the folder's ACL entries for them, their groups and Everyone.
 */
final class AccessControl {

    private final UserDirectory directory;

    AccessControl(UserDirectory directory) {
        this.directory = directory;
    }

    int rights(Connection c, Caller caller, StoreRow store, FolderRow folder) throws SQLException {
        if (caller.admin() || store.ownedBy(caller)) {
            return Rights.ALL;
        }
        int rights = 0;
        for (int granted : grants(c, caller, "a.folder_id = ?", folder.id())) {
            rights |= granted;
        }
        return rights;
    }

    /**
     * Whether the caller may write anything at all in the store: its owner, an administrator, anyone in
     * the public store, or someone an ACL grants a right to create or edit items in one of its folders.
     */
    boolean mayWriteSomewhere(Connection c, Caller caller, StoreRow store) throws SQLException {
        if (caller.admin() || store.ownedBy(caller) || store.ownerId() == null) {
            return true;
        }
        // Bit operators differ between H2 and MariaDB, so rights are tested here rather than in SQL.
        for (int granted : grants(c, caller, "f.store_id = ?", store.id())) {
            if ((granted & (Rights.CREATE | Rights.EDIT_ANY | Rights.EDIT_OWNED)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The rights of every ACL entry for the caller, its groups or Everyone on the folders {@code where} picks. */
    private List<Integer> grants(Connection c, Caller caller, String where, long key) throws SQLException {
        List<Long> groups = List.copyOf(directory.groupIdsOf(caller.userId()));
        StringBuilder in = new StringBuilder("?");
        for (int i = 1; i < groups.size(); i++) {
            in.append(",?");
        }
        List<Integer> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.rights FROM acls a JOIN folders f"
                + " ON f.id = a.folder_id WHERE " + where + " AND ((a.member_kind = 'USER' AND a.member_id = ?)"
                + " OR (a.member_kind = 'GROUP' AND a.member_id IN (" + in + ")))")) {
            ps.setLong(1, key);
            ps.setLong(2, caller.userId());
            int p = 3;
            for (long g : groups) {
                ps.setLong(p++, g);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    /** Throws MAPI_E_NO_ACCESS unless the caller holds every bit of {@code wanted}. */
    int require(Connection c, Caller caller, StoreRow store, FolderRow folder, int wanted) throws SQLException {
        int have = rights(c, caller, store, folder);
        if (!Rights.has(have, wanted)) {
            throw new MapiException.NoAccess("not permitted in folder \"" + folder.name() + "\"");
        }
        return have;
    }

    /** Whether the caller may see the folder at all (a folder it cannot see is reported as not found). */
    void requireVisible(Connection c, Caller caller, StoreRow store, FolderRow folder) throws SQLException {
        int have = rights(c, caller, store, folder);
        if ((have & (Rights.FOLDER_VISIBLE | Rights.READ_ANY | Rights.FOLDER_OWNER)) == 0) {
            throw new MapiException.NoAccess("folder \"" + folder.name() + "\" is not shared with you");
        }
    }

    /** Edit or delete of one message: the "any" right, or the "owned" right on one's own message. */
    void requireOnMessage(Connection c, Caller caller, StoreRow store, FolderRow folder, MessageRow message,
            int anyRight, int ownedRight) throws SQLException {
        int have = rights(c, caller, store, folder);
        boolean own = message.creatorId() != null && message.creatorId() == caller.userId();
        if (!Rights.has(have, anyRight) && !(own && Rights.has(have, ownedRight))) {
            throw new MapiException.NoAccess("not permitted on this message");
        }
    }
}
