package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.PR_ATTACH_MIME_TAG;
import static org.koppel.mapi.PropTags.PR_CONVERSATION_ID;
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
import org.koppel.store.client.WellKnownFolder;

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
        if (!folders.isOwn(ref.message())) {
            // The store would let a user read what another shared with them; a file reference is only ever
            // handed out for the user's own mail, so anything else is someone else's reference.
            throw new BackendException.NotFound("no attachment " + fileReference + " in this mailbox", null);
        }
        try {
            MessageData m = session.messages().load(ref.message());
            AttachmentInfo a = m.attachments().stream().filter(x -> x.attachNum() == ref.attachNum()).findFirst()
                    .orElseThrow(() -> new BackendException.NotFound("no attachment " + fileReference, null));
            if (!EmailConversion.isByValue(a)) {
                throw new BackendException.NotSupported("only attachments by value can be fetched", null);
            }
            String type = new MessageProps(a.properties()).string(PR_ATTACH_MIME_TAG);
            EntryId message = ref.message();
            int num = ref.attachNum();
            return new AttachmentData(type.isEmpty() ? "application/octet-stream" : type, dataSize(message, num), () -> {
                try {
                    return session.attachments().open(message, num);
                } catch (MapiException e) {
                    throw new java.io.IOException("attachment " + fileReference + ": " + e.getMessage(), e);
                }
            });
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * The exact length of an attachment's data. The attachment table's size counts its properties too, so the data
     * is measured: skipped to its end, which for the file blob store is a seek, not a read.
     */
    private long dataSize(EntryId message, int attachNum) {
        try (java.io.InputStream in = session.attachments().open(message, attachNum)) {
            long n = 0;
            while (true) {
                long skipped = in.skip(Long.MAX_VALUE);
                if (skipped > 0) {
                    n += skipped;
                } else if (in.read() >= 0) {
                    n++;
                } else {
                    return n;
                }
            }
        } catch (java.io.IOException e) {
            throw new BackendException.Failed("cannot read attachment " + attachNum + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<MoveResult> move(String sourceFolderId, List<String> itemIds, String destinationFolderId) {
        EntryId source;
        EntryId destination;
        try {
            source = folders.entryId(sourceFolderId);
            destination = folders.entryId(destinationFolderId);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
        List<SourceKey> keys = new ArrayList<>();
        for (String id : itemIds) {
            keys.add(parsedOrNull(id));
        }
        try {
            return moveAll(source, itemIds, keys, destination);
        } catch (MapiException e) {
            if (itemIds.size() == 1) {
                return List.of(MoveResult.failed(itemIds.get(0), outcomeOf(e)));
            }
            // One item the store refused fails the whole batch (one transaction): move one at a time to tell
            // which one it was.
            List<MoveResult> out = new ArrayList<>();
            for (int i = 0; i < itemIds.size(); i++) {
                try {
                    out.add(moveAll(source, List.of(itemIds.get(i)), java.util.Arrays.asList(keys.get(i)),
                            destination).get(0));
                } catch (MapiException one) {
                    out.add(MoveResult.failed(itemIds.get(i), outcomeOf(one)));
                }
            }
            return out;
        }
    }

    /** Moves through the importer with a fresh state: it moves by source key, no entry id lookups needed. */
    private List<MoveResult> moveAll(EntryId source, List<String> itemIds, List<SourceKey> keys,
            EntryId destination) {
        List<ContentImport> moves = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        java.util.Set<SourceKey> seen = new java.util.HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            SourceKey k = keys.get(i);
            if (k != null && seen.add(k)) {
                moves.add(new ContentImport.Move(k, destination));
                positions.add(i);
            }
        }
        MoveResult[] out = new MoveResult[itemIds.size()];
        if (!moves.isEmpty()) {
            List<ImportResult> results = session.changes()
                    .importContents(source, SyncState.initial(), moves, ConflictPolicy.CLIENT_WINS).results();
            for (int j = 0; j < positions.size(); j++) {
                int i = positions.get(j);
                ImportResult r = results.get(j);
                out[i] = r.outcome() == ImportResult.Outcome.NOT_FOUND || r.sourceKey().isEmpty()
                        ? MoveResult.failed(itemIds.get(i), MoveResult.Outcome.NOT_FOUND)
                        : MoveResult.moved(itemIds.get(i), Ids.of(r.sourceKey().get()));
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                // Not a source key, or named again after its first move.
                out[i] = MoveResult.failed(itemIds.get(i), MoveResult.Outcome.NOT_FOUND);
            }
        }
        return List.of(out);
    }

    private static SourceKey parsedOrNull(String id) {
        try {
            return Ids.sourceKey(id);
        } catch (BackendException.NotFound e) {
            return null;
        }
    }

    private static MoveResult.Outcome outcomeOf(MapiException e) {
        return switch (e) {
            case MapiException.NotFound x -> MoveResult.Outcome.NOT_FOUND;
            case MapiException.ObjectDeleted x -> MoveResult.Outcome.NOT_FOUND;
            case MapiException.Submitted x -> MoveResult.Outcome.LOCKED;
            case MapiException.ObjectChanged x -> MoveResult.Outcome.LOCKED;
            case MapiException.EndOfSession x -> throw Failures.translate(e);
            default -> MoveResult.Outcome.FAILED;
        };
    }

    @Override
    public int moveConversation(byte[] conversationId, String destinationFolderId) {
        try {
            EntryId destination = folders.entryId(destinationFolderId);
            java.util.Set<EntryId> skipped = new java.util.HashSet<>(List.of(destination));
            for (WellKnownFolder wk : List.of(WellKnownFolder.DELETED_ITEMS, WellKnownFolder.SENT_ITEMS,
                    WellKnownFolder.DRAFTS, WellKnownFolder.OUTBOX)) {
                folders.wellKnownIfAny(wk).ifPresent(skipped::add);
            }
            int moved = 0;
            for (EntryId folder : folders.mailFolders()) {
                if (skipped.contains(folder)) {
                    continue;
                }
                List<EntryId> found = new ArrayList<>();
                int offset = 0;
                while (true) {
                    TableResult r = session.contents().query(folder, new TableQuery(List.of(PropTags.PR_ENTRYID),
                            Optional.of(Restriction.eq(PR_CONVERSATION_ID, conversationId.clone())),
                            SortOrderSet.none(), offset, 500, false));
                    r.rows().forEach(row -> found.add(row.entryId()));
                    if (r.rows().size() < 500) {
                        break;
                    }
                    offset += r.rows().size();
                }
                if (!found.isEmpty()) {
                    session.messages().move(found, destination);
                    moved += found.size();
                }
            }
            return moved;
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }
}
