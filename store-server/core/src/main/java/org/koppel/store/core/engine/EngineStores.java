package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.Stores;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;

/** Opening stores for a session. */
final class EngineStores implements Stores {

    private final Scope scope;

    EngineStores(Scope scope) {
        this.scope = scope;
    }

    @Override
    public StoreInfo openOwn() {
        if (scope.caller.system()) {
            throw new MapiException.NotFound("the system identity has no private store");
        }
        return ownerStore(scope.caller.userId(), scope.caller.login());
    }

    /**
     * A user's store, created on first use: a user who came from an external directory, or whose store
     * creation was interrupted, gets one the first time anything asks for it.
     */
    private StoreInfo ownerStore(long userId, String login) {
        // The owner is known already: looking them up again would be one more transaction per delivery.
        return withOwner(login, scope.tx(c -> {
            var existing = scope.ctx.objects().privateStoreOf(c, userId);
            if (existing.isPresent()) {
                return folders(c, existing.get());
            }
            try {
                scope.ctx.factory().createPrivate(c, userId);
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                // Another session created it at the same moment.
            }
            return folders(c, scope.ctx.objects().privateStoreOf(c, userId).orElseThrow());
        }));
    }

    @Override
    public StoreInfo openUserStore(String login) {
        UserInfo u = scope.ctx.directory().find(login)
                .orElseThrow(() -> new MapiException.NotFound("no such user: " + login));
        return ownerStore(u.id(), u.login());
    }

    @Override
    public StoreInfo openPublic() {
        return withOwner(scope.tx(c -> folders(c, scope.ctx.objects().publicStore(c)
                .orElseThrow(() -> new MapiException.NotFound("there is no public store")))));
    }

    @Override
    public StoreInfo open(EntryId storeEntryId) {
        if (storeEntryId.objectType() != MapiObjectType.MAPI_STORE) {
            throw new MapiException.InvalidEntryId("not a store entry id");
        }
        return withOwner(scope.tx(c -> folders(c, scope.ctx.objects().storeByGuid(c, storeEntryId.storeGuid())
                .filter(s -> s.id() == storeEntryId.objectId())
                .orElseThrow(() -> new MapiException.NotFound("store does not exist")))));
    }

    @Override
    public List<PropValue> properties(EntryId storeEntryId, List<PropTag> tags) {
        StoreInfo info = open(storeEntryId);
        List<PropValue> out = new ArrayList<>(tags.size());
        for (PropTag t : tags) {
            out.add(storeProperty(info, t));
        }
        return out;
    }

    /** The store properties that name a well-known folder. */
    private static final Map<PropTag, WellKnownFolder> FOLDER_TAGS = Map.ofEntries(
            Map.entry(PR_IPM_SUBTREE_ENTRYID, WellKnownFolder.IPM_SUBTREE),
            Map.entry(PR_IPM_OUTBOX_ENTRYID, WellKnownFolder.OUTBOX),
            Map.entry(PR_IPM_WASTEBASKET_ENTRYID, WellKnownFolder.DELETED_ITEMS),
            Map.entry(PR_IPM_SENTMAIL_ENTRYID, WellKnownFolder.SENT_ITEMS),
            Map.entry(PR_FINDER_ENTRYID, WellKnownFolder.SEARCH_ROOT),
            Map.entry(PR_COMMON_VIEWS_ENTRYID, WellKnownFolder.NON_IPM_SUBTREE),
            Map.entry(PR_IPM_APPOINTMENT_ENTRYID, WellKnownFolder.CALENDAR),
            Map.entry(PR_IPM_CONTACT_ENTRYID, WellKnownFolder.CONTACTS),
            Map.entry(PR_IPM_JOURNAL_ENTRYID, WellKnownFolder.JOURNAL),
            Map.entry(PR_IPM_NOTE_ENTRYID, WellKnownFolder.NOTES),
            Map.entry(PR_IPM_TASK_ENTRYID, WellKnownFolder.TASKS),
            Map.entry(PR_IPM_DRAFTS_ENTRYID, WellKnownFolder.DRAFTS));

    private static PropValue storeProperty(StoreInfo s, PropTag t) {
        WellKnownFolder w = FOLDER_TAGS.get(t);
        if (w != null && s.findFolder(w).isPresent()) {
            return PropValue.of(t, s.folder(w).bytes());
        }
        if (t.equals(PR_ENTRYID) || t.equals(PR_STORE_ENTRYID)) {
            return PropValue.of(t, s.entryId().bytes());
        }
        if (t.equals(PR_RECORD_KEY) || t.equals(PR_STORE_RECORD_KEY)) {
            return PropValue.of(t, s.guid().toBytes());
        }
        if (t.equals(PR_MESSAGE_SIZE_EXTENDED)) {
            return PropValue.of(t, s.sizeBytes());
        }
        if (t.equals(PR_MAILBOX_OWNER_NAME) && s.ownerLogin() != null) {
            return PropValue.of(t, s.ownerLogin());
        }
        if (t.equals(PR_DISPLAY_NAME)) {
            return PropValue.of(t, s.ownerLogin() == null ? "Public Folders" : "Inbox - " + s.ownerLogin());
        }
        if (t.equals(PR_OBJECT_TYPE)) {
            return PropValue.of(t, MapiObjectType.MAPI_STORE.code());
        }
        return new PropValue.ErrorValue(t.withType(org.koppel.mapi.PropType.PT_ERROR), MapiError.NOT_FOUND);
    }

    /** A store row with its well-known folders, read in the caller's transaction. */
    private record StoreFolders(StoreRow store, Map<WellKnownFolder, EntryId> folders) {
    }

    private StoreFolders folders(Connection c, StoreRow s) throws SQLException {
        Map<WellKnownFolder, EntryId> folders = new EnumMap<>(WellKnownFolder.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT role, id FROM folders WHERE store_id = ? AND role IS NOT NULL")) {
            ps.setLong(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    folders.put(WellKnownFolder.valueOf(rs.getString(1)),
                            scope.ctx.objects().folderEntryId(s, rs.getLong(2)));
                }
            }
        }
        return new StoreFolders(s, folders);
    }

    @Override
    public java.util.List<org.koppel.store.client.StoreSummary> list() {
        scope.requireAdmin();
        java.util.List<StoreRow> rows = scope.tx(c -> {
            java.util.List<StoreRow> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, guid, kind, owner_id, size_bytes FROM stores ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long owner = rs.getLong(4);
                    out.add(new StoreRow(rs.getLong(1), org.koppel.mapi.Guid.fromBytes(rs.getBytes(2)),
                            org.koppel.store.client.StoreKind.valueOf(rs.getString(3)), rs.wasNull() ? null : owner,
                            rs.getLong(5)));
                }
            }
            return out;
        });
        java.util.List<org.koppel.store.client.StoreSummary> out = new java.util.ArrayList<>(rows.size());
        for (StoreRow s : rows) {
            java.util.Optional<String> owner = s.ownerId() == null ? java.util.Optional.empty()
                    : scope.ctx.directory().byId(s.ownerId()).map(UserInfo::login);
            out.add(new org.koppel.store.client.StoreSummary(s.entryId(), s.guid(), s.kind(), owner, s.sizeBytes(),
                    s.kind() == org.koppel.store.client.StoreKind.PRIVATE && owner.isEmpty()));
        }
        return out;
    }

    @Override
    public void removeOrphan(EntryId storeEntryId) {
        scope.requireAdmin();
        if (storeEntryId.objectType() != MapiObjectType.MAPI_STORE) {
            throw new MapiException.InvalidEntryId("not a store entry id");
        }
        scope.tx(c -> {
            StoreRow s = scope.ctx.objects().storeByGuid(c, storeEntryId.storeGuid())
                    .filter(r -> r.id() == storeEntryId.objectId())
                    .orElseThrow(() -> new MapiException.NotFound("store does not exist"));
            if (s.kind() != org.koppel.store.client.StoreKind.PRIVATE || s.ownerId() != null) {
                throw new MapiException.NoAccess("only an orphaned private store can be removed this way");
            }
            scope.ctx.lock().lock(c, s.id());
            new StoreRemoval(scope.ctx).remove(c, s.id());
            return null;
        });
    }

    /** Completes the store's description with its owner's login, looked up after the transaction. */
    private StoreInfo withOwner(StoreFolders sf) {
        StoreRow s = sf.store();
        String owner = s.ownerId() == null ? null
                : scope.ctx.directory().byId(s.ownerId()).map(UserInfo::login).orElse(null);
        return withOwner(owner, sf);
    }

    private static StoreInfo withOwner(String ownerLogin, StoreFolders sf) {
        StoreRow s = sf.store();
        return new StoreInfo(s.entryId(), s.guid(), s.kind(), ownerLogin, s.sizeBytes(), sf.folders());
    }
}
