package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeTracking;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.HierarchyExport;
import org.koppel.store.client.ImapFolderState;
import org.koppel.store.client.ImportOutcome;
import org.koppel.store.client.ImportResult;
import org.koppel.store.client.Rights;
import org.koppel.store.client.SyncState;

/** Change tracking for a session: exporters, the importer, IMAP identifiers. */
final class EngineChanges implements ChangeTracking {

    /** The most changes one import may carry, so one transaction stays a reasonable size. */
    static final int MAX_IMPORT = 1000;

    private final Scope scope;

    EngineChanges(Scope scope) {
        this.scope = scope;
    }

    @Override
    public ContentsExport exportContents(EntryId folder, SyncState state, ContentsSyncOptions options) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            EngineFolders.requireNotSearch(f.object());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            SyncCursor cur = SyncCursor.decode(state, SyncCursor.Kind.CONTENTS, f.store().guid(),
                    SourceKey.parse(f.object().sourceKey()), scope.ctx.random());
            return new ContentsExporter(scope).export(c, f, cur, options);
        });
    }

    @Override
    public HierarchyExport exportHierarchy(EntryId root, SyncState state) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, root);
            scope.ctx.access().requireVisible(c, scope.caller, f.store(), f.object());
            SyncCursor cur = SyncCursor.decode(state, SyncCursor.Kind.HIERARCHY, f.store().guid(),
                    SourceKey.parse(f.object().sourceKey()), scope.ctx.random());
            return new HierarchyExporter(scope).export(c, f, cur);
        });
    }

    @Override
    public ImportOutcome importContents(EntryId folder, SyncState state, List<ContentImport> changes,
            ConflictPolicy policy) {
        if (changes.size() > MAX_IMPORT) {
            throw new MapiException.TooBig("at most " + MAX_IMPORT + " changes per import");
        }
        ContentsImporter importer = new ContentsImporter(scope);
        Map<ContentImport.Save, MessageWriter.Prepared> prepared = importer.prepare(changes);
        return scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            EngineFolders.requireNotSearch(f.object());
            SyncCursor cur = SyncCursor.decode(state, SyncCursor.Kind.CONTENTS, f.store().guid(),
                    SourceKey.parse(f.object().sourceKey()), scope.ctx.random());
            long last = ContentsExporter.storeCounters(c, f.store().id())[0];
            if (cur.cn() > last) {
                throw new MapiException.InvalidSyncState("the sync state is ahead of the store");
            }
            List<ImportResult> results = new ArrayList<>(changes.size());
            for (ContentImport change : changes) {
                results.add(importer.apply(c, events, f, cur, change, policy, prepared));
            }
            return new ImportOutcome(results, cur.encode());
        });
    }

    @Override
    public org.koppel.store.client.ServerExport exportServer(org.koppel.store.client.ServerSyncState state,
            int maxChanges) {
        scope.requireAdmin();
        return scope.tx(c -> new ServerExporter().export(c, state, maxChanges));
    }

    @Override
    public ImapFolderState imapState(EntryId folder) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folder(c, folder);
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            FolderRow row = f.object();
            long horizon = ContentsExporter.storeCounters(c, f.store().id())[1];
            long highest = Math.max(Math.max(row.createdCn(), horizon),
                    Math.max(max(c, "SELECT MAX(touched_cn) FROM messages WHERE folder_id = ?", row.id()),
                            max(c, "SELECT MAX(deleted_cn) FROM tombstones WHERE folder_id = ?", row.id())));
            long validity = Math.max(1, FileTime.fromTicks(row.createdTicks()).getEpochSecond() & 0xFFFFFFFFL);
            return new ImapFolderState(validity, Math.max(row.lastEnteredCn(), row.createdCn()) + 1, highest,
                    row.contentCount());
        });
    }

    private static long max(Connection c, String sql, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
