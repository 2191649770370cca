package org.koppel.backend.mapi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.backend.ChangeResult;
import org.koppel.backend.ClientChange;
import org.koppel.backend.ConflictPolicy;
import org.koppel.backend.ContentSync;
import org.koppel.backend.EmailItem;
import org.koppel.backend.ExportOptions;
import org.koppel.backend.ExportPage;
import org.koppel.backend.FilterType;
import org.koppel.backend.ImportResults;
import org.koppel.backend.ItemChange;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PredecessorChangeList;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.ImportOutcome;
import org.koppel.store.client.ImportResult;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * Folder sync over the store's ICS: exports are the store's contents export with the filter window as
 * {@code receivedSince}, so a page costs O(changes); imports go through the store's importer with the same
 * state, so they are not echoed back to it. Conflicts are found by asking the store what changed since the
 * client's state (again O(changes)); the store's own predecessor-list check cannot help, because a device
 * never sees change keys.
 */
final class MapiContentSync implements ContentSync {

    /** Bounds the conflict check: a client further behind than this sees its changes applied as if clean. */
    private static final int MAX_PENDING_BATCHES = 20;

    private final Session session;
    private final MapiFolders folders;
    private final EmailConversion conversion;
    private final Clock clock;
    private final EntryId deletedItems;

    MapiContentSync(Session session, StoreInfo store, MapiFolders folders, EmailConversion conversion,
            Clock clock) {
        this.session = session;
        this.folders = folders;
        this.conversion = conversion;
        this.clock = clock;
        this.deletedItems = store.folder(WellKnownFolder.DELETED_ITEMS);
    }

    @Override
    public ExportPage export(String folderId, byte[] state, ExportOptions options) {
        try {
            EntryId folder = folders.entryId(folderId);
            BackendState from = BackendState.parse(state, options.filter());
            ContentsExport e = session.changes().exportContents(folder, from.sync(), syncOptions(options.filter(),
                    Math.min(options.maxChanges(), ContentsSyncOptions.MAX_BATCH)));
            List<ItemChange> out = new ArrayList<>(e.changes().size());
            for (ContentChange c : e.changes()) {
                toItemChange(c, options).ifPresent(out::add);
            }
            return new ExportPage(out, new BackendState(options.filter(), e.state()).bytes(), !e.complete());
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    private Optional<ItemChange> toItemChange(ContentChange c, ExportOptions options) {
        String id = Ids.of(c.sourceKey());
        if (c.kind() == ChangeKind.LEFT_FILTER) {
            return Optional.of(new ItemChange.SoftDeleted(id));
        }
        if (c.kind().isRemoval()) {
            return Optional.of(new ItemChange.Deleted(id));
        }
        if (c.kind() == ChangeKind.READ_STATE) {
            return Optional.of(new ItemChange.ReadChanged(id, c.read()));
        }
        EmailItem item;
        try {
            item = conversion.toEmail(session.messages().load(c.entryId().orElseThrow()),
                    options.bodyPreferences());
        } catch (MapiException.NotFound gone) {
            // Deleted since the export read it: the next export reports the removal.
            return Optional.empty();
        }
        return Optional.of(c.kind().isAddition() ? new ItemChange.Added(id, item) : new ItemChange.Changed(id, item));
    }

    private ContentsSyncOptions syncOptions(FilterType filter, int batch) {
        ContentsSyncOptions o = ContentsSyncOptions.defaults().withBatchSize(batch);
        return filter.since(clock.instant()).map(o::withReceivedSince).orElse(o);
    }

    @Override
    public int estimate(String folderId, byte[] state, FilterType filter) {
        try {
            EntryId folder = folders.entryId(folderId);
            BackendState s = BackendState.parse(state, filter);
            int count = 0;
            var sync = s.sync();
            while (true) {
                ContentsExport e = session.changes().exportContents(folder, sync,
                        syncOptions(filter, ContentsSyncOptions.MAX_BATCH));
                count += e.changes().size();
                if (e.complete()) {
                    return count;
                }
                sync = e.state();
            }
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public ImportResults importChanges(String folderId, byte[] state, List<ClientChange> changes,
            ConflictPolicy policy) {
        try {
            EntryId folder = folders.entryId(folderId);
            BackendState s = BackendState.parse(state, FilterType.ALL);
            Set<SourceKey> changedOnServer = changedSince(folder, s);
            List<ContentImport> imports = new ArrayList<>();
            // For each client change: the index of its last store import, or -1 when nothing was imported.
            int[] lastImport = new int[changes.size()];
            ChangeResult.Outcome[] decided = new ChangeResult.Outcome[changes.size()];
            boolean[] conflict = new boolean[changes.size()];
            for (int i = 0; i < changes.size(); i++) {
                ClientChange change = changes.get(i);
                lastImport[i] = -1;
                switch (change) {
                    case ClientChange.Add add -> {
                        if (!(add.item() instanceof EmailItem email)) {
                            decided[i] = ChangeResult.Outcome.FAILED;
                            continue;
                        }
                        imports.add(new ContentImport.Save(Optional.empty(),
                                conversion.newMessage(email, clock.instant()), PredecessorChangeList.empty()));
                    }
                    case ClientChange.Change ch -> {
                        SourceKey key = Ids.sourceKey(ch.itemId());
                        conflict[i] = changedOnServer.contains(key);
                        if (conflict[i] && policy == ConflictPolicy.SERVER_WINS) {
                            decided[i] = ChangeResult.Outcome.CONFLICT_SERVER_WON;
                            continue;
                        }
                        ch.update().read().ifPresent(r -> imports.add(new ContentImport.ReadState(key, r)));
                        List<PropValue> props = conversion.updateProperties(ch.update(), clock.instant());
                        if (!props.isEmpty()) {
                            // An empty predecessor list with CLIENT_WINS sets these properties whatever the
                            // server's version; whether that was a conflict was decided above.
                            imports.add(new ContentImport.Save(Optional.of(key), MessageContent.of(props),
                                    PredecessorChangeList.empty()));
                        }
                        if (ch.update().read().isEmpty() && props.isEmpty()) {
                            decided[i] = ChangeResult.Outcome.APPLIED;
                            continue;
                        }
                    }
                    case ClientChange.Delete d -> {
                        SourceKey key = Ids.sourceKey(d.itemId());
                        imports.add(d.toDeletedItems() && !folder.equals(deletedItems)
                                ? new ContentImport.Move(key, deletedItems)
                                : new ContentImport.Delete(key, true));
                    }
                }
                lastImport[i] = imports.size() - 1;
            }
            ImportOutcome outcome = imports.isEmpty() ? null
                    : session.changes().importContents(folder, s.sync(), imports,
                            org.koppel.store.client.ConflictPolicy.CLIENT_WINS);
            List<ChangeResult> results = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                ClientChange change = changes.get(i);
                Optional<String> itemId = switch (change) {
                    case ClientChange.Change ch -> Optional.of(ch.itemId());
                    case ClientChange.Delete d -> Optional.of(d.itemId());
                    case ClientChange.Add a -> Optional.empty();
                };
                if (decided[i] != null) {
                    results.add(new ChangeResult(change, decided[i], itemId));
                    continue;
                }
                ImportResult r = outcome.results().get(lastImport[i]);
                ChangeResult.Outcome o = switch (r.outcome()) {
                    case NOT_FOUND -> ChangeResult.Outcome.NOT_FOUND;
                    default -> conflict[i] ? ChangeResult.Outcome.CONFLICT_CLIENT_WON : ChangeResult.Outcome.APPLIED;
                };
                if (change instanceof ClientChange.Add) {
                    itemId = r.sourceKey().map(Ids::of);
                }
                results.add(new ChangeResult(change, o, itemId));
            }
            byte[] next = outcome == null ? state.clone() : new BackendState(s.filter(), outcome.state()).bytes();
            return new ImportResults(results, next.length == 0 ? new BackendState(s.filter(), s.sync()).bytes() : next);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    /** The items whose content or read state changed on the server since the state. */
    private Set<SourceKey> changedSince(EntryId folder, BackendState s) {
        Set<SourceKey> out = new HashSet<>();
        if (s.sync().isInitial()) {
            return out;
        }
        var sync = s.sync();
        for (int i = 0; i < MAX_PENDING_BATCHES; i++) {
            ContentsExport e = session.changes().exportContents(folder, sync,
                    syncOptions(s.filter(), ContentsSyncOptions.MAX_BATCH));
            for (ContentChange c : e.changes()) {
                if (c.kind() == ChangeKind.MODIFIED || c.kind() == ChangeKind.READ_STATE) {
                    out.add(c.sourceKey());
                }
            }
            if (e.complete()) {
                return out;
            }
            sync = e.state();
        }
        return out;
    }
}
