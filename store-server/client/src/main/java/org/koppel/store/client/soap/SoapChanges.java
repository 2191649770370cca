package org.koppel.store.client.soap;

import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.ChangeTracking;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.HierarchyExport;
import org.koppel.store.client.ImapFolderState;
import org.koppel.store.client.ImportOutcome;
import org.koppel.store.client.ServerExport;
import org.koppel.store.client.ServerSyncState;
import org.koppel.store.client.SyncState;

/** {@link ChangeTracking} over SOAP; sync states cross as the opaque bytes they are. */
final class SoapChanges implements ChangeTracking {

    private final SoapCall call;

    SoapChanges(SoapCall call) {
        this.call = call;
    }

    @Override
    public ContentsExport exportContents(EntryId folder, SyncState state, ContentsSyncOptions options) {
        return call.get((p, s) -> p.exportContents(s, folder.bytes(), state.bytes(), SyncOptionsXml.of(options)))
                .export();
    }

    @Override
    public HierarchyExport exportHierarchy(EntryId root, SyncState state) {
        return call.get((p, s) -> p.exportHierarchy(s, root.bytes(), state.bytes())).export();
    }

    @Override
    public ImportOutcome importContents(EntryId folder, SyncState state, List<ContentImport> changes,
            ConflictPolicy policy) {
        List<ImportXml> xs = new ArrayList<>(changes.size());
        for (ContentImport c : changes) {
            xs.add(ImportXml.of(c));
        }
        return call.get((p, s) -> p.importContents(s, folder.bytes(), state.bytes(), xs, policy)).outcome();
    }

    @Override
    public ServerExport exportServer(ServerSyncState state, int maxChanges) {
        return call.get((p, s) -> p.exportServer(s, state.bytes(), maxChanges)).export();
    }

    @Override
    public ImapFolderState imapState(EntryId folder) {
        List<Long> v = WireIds.list(call.get((p, s) -> p.imapState(s, folder.bytes())));
        if (v.size() != 4) {
            throw new MapiException.CorruptData("the store answered an IMAP state of " + v.size() + " values");
        }
        return new ImapFolderState(v.get(0), v.get(1), v.get(2), (int) (long) v.get(3));
    }
}
