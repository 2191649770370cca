package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.PR_ATTACH_MIME_TAG;
import static org.koppel.mapi.PropTags.PR_SOURCE_KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.backend.AttachmentData;
import org.koppel.backend.BackendException;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.Item;
import org.koppel.backend.Items;
import org.koppel.backend.MoveResult;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.ImportResult;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Session;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;

/** Fetching items by id, streaming attachments, and moving items through the store's importer. */
final class MapiItems implements Items {

    private final Session session;
    private final MapiFolders folders;
    private final EmailConversion conversion;

    MapiItems(Session session, MapiFolders folders, EmailConversion conversion) {
        this.session = session;
        this.folders = folders;
        this.conversion = conversion;
    }

    @Override
    public Item fetch(String folderId, String itemId, List<BodyPreference> preferences) {
        try {
            EntryId folder = folders.entryId(folderId);
            return conversion.toEmail(session.messages().load(message(folder, Ids.sourceKey(itemId))), preferences);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * The entry id of a message by source key. The session API has no lookup by source key, so this is a
     * contents-table query restricted to the key: correct, but it evaluates the restriction over the folder's
     * rows. Exports do not need it (they carry entry ids); only explicit fetches do.
     */
    EntryId message(EntryId folder, SourceKey key) {
        TableResult r = session.contents().query(folder, new TableQuery(List.of(PropTags.PR_ENTRYID),
                Optional.of(Restriction.eq(PR_SOURCE_KEY, key.bytes())), SortOrderSet.none(), 0, 1, false));
        if (r.rows().isEmpty()) {
            throw new BackendException.NotFound("no item " + Ids.of(key) + " in the folder", null);
        }
        return r.rows().get(0).entryId();
    }

    @Override
    public AttachmentData attachment(String fileReference) {
        Ids.FileReference ref = Ids.parseFileReference(fileReference);
        try {
            MessageData m = session.messages().load(ref.message());
            AttachmentInfo a = m.attachments().stream().filter(x -> x.attachNum() == ref.attachNum()).findFirst()
                    .orElseThrow(() -> new BackendException.NotFound("no attachment " + fileReference, null));
            if (!EmailConversion.isByValue(a)) {
                throw new BackendException.NotSupported("only attachments by value can be fetched", null);
            }
            String type = new MessageProps(a.properties()).string(PR_ATTACH_MIME_TAG);
            return new AttachmentData(type.isEmpty() ? "application/octet-stream" : type, a.sizeBytes(),
                    session.attachments().open(ref.message(), ref.attachNum()));
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public List<MoveResult> move(String sourceFolderId, List<String> itemIds, String destinationFolderId) {
        try {
            EntryId source = folders.entryId(sourceFolderId);
            EntryId destination = folders.entryId(destinationFolderId);
            List<ContentImport> moves = new ArrayList<>();
            for (String id : itemIds) {
                moves.add(new ContentImport.Move(Ids.sourceKey(id), destination));
            }
            // Through the importer with a fresh state: it moves by source key, no entry id lookups needed.
            List<ImportResult> results = session.changes()
                    .importContents(source, SyncState.initial(), moves, ConflictPolicy.CLIENT_WINS).results();
            List<MoveResult> out = new ArrayList<>();
            for (int i = 0; i < itemIds.size(); i++) {
                ImportResult r = results.get(i);
                out.add(new MoveResult(itemIds.get(i), r.outcome() == ImportResult.Outcome.NOT_FOUND
                        ? Optional.empty() : r.sourceKey().map(Ids::of)));
            }
            return out;
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }
}
