package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.PR_MESSAGE_FLAGS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.ChangeKey;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PredecessorChangeList;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.ImportResult;
import org.koppel.store.client.ImportResult.Outcome;
import org.koppel.store.client.Rights;
import org.koppel.store.core.props.PropertyCodec;

/**
 * Applies a client's changes to a folder through the same write paths as the rest of the session API,
 * stamping each change with the sync state's id so that exports to that state skip it.
 */
final class ContentsImporter {

    private final Scope scope;
    private final EngineMessages messages;

    ContentsImporter(Scope scope) {
        this.scope = scope;
        this.messages = new EngineMessages(scope);
    }

    /** New messages' content, prepared (attachment data stored) before the transaction opens. */
    Map<ContentImport.Save, MessageWriter.Prepared> prepare(List<ContentImport> changes) {
        Map<ContentImport.Save, MessageWriter.Prepared> out = new IdentityHashMap<>();
        for (ContentImport ch : changes) {
            if (ch instanceof ContentImport.Save s) {
                out.put(s, scope.ctx.writer().prepare(s.content()));
            }
        }
        return out;
    }

    ImportResult apply(Connection c, EventBuffer events, StoreObjects.Located<FolderRow> f, SyncCursor cur,
            ContentImport change, ConflictPolicy policy, Map<ContentImport.Save, MessageWriter.Prepared> prepared)
            throws SQLException {
        long origin = cur.syncId();
        return switch (change) {
            case ContentImport.Save s -> save(c, events, f, origin, s, policy, prepared.get(s));
            case ContentImport.Delete d -> {
                Optional<StoreObjects.LocatedMessage> m = inFolder(c, f, d.sourceKey());
                if (m.isEmpty()) {
                    yield notFound(d.sourceKey());
                }
                scope.ctx.access().requireOnMessage(c, scope.caller, m.get().store(), m.get().folder(),
                        m.get().message(), Rights.DELETE_ANY, Rights.DELETE_OWNED);
                messages.deleteOne(c, events, m.get(), d.hard() ? ChangeTrail.Departure.HARD_DELETED
                        : ChangeTrail.Departure.SOFT_DELETED, null, origin);
                yield new ImportResult(Outcome.APPLIED, Optional.of(d.sourceKey()), Optional.empty());
            }
            case ContentImport.ReadState r -> {
                Optional<StoreObjects.LocatedMessage> m = inFolder(c, f, r.sourceKey());
                if (m.isEmpty()) {
                    yield notFound(r.sourceKey());
                }
                scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
                MessageRow row = m.get().message();
                int changed = messages.applyReadFlags(c, events, f,
                        List.<long[]>of(new long[] {row.id(), row.messageFlags()}), r.read(), origin);
                yield new ImportResult(changed > 0 ? Outcome.APPLIED : Outcome.IGNORED, Optional.of(r.sourceKey()),
                        Optional.of(scope.ctx.objects().messageEntryId(f.store(), row.id())));
            }
            case ContentImport.Move mv -> {
                Optional<StoreObjects.LocatedMessage> m = inFolder(c, f, mv.sourceKey());
                if (m.isEmpty()) {
                    yield notFound(mv.sourceKey());
                }
                var dest = scope.ctx.objects().folder(c, mv.destination());
                EngineFolders.requireNotSearch(dest.object());
                if (dest.store().id() != f.store().id()) {
                    throw new MapiException.NoSupport("an imported move stays inside the store");
                }
                scope.ctx.access().require(c, scope.caller, dest.store(), dest.object(), Rights.CREATE);
                scope.ctx.access().requireOnMessage(c, scope.caller, m.get().store(), m.get().folder(),
                        m.get().message(), Rights.DELETE_ANY, Rights.DELETE_OWNED);
                SubmitQueue.requireNotSubmitted(c, scope.caller, m.get().message().id());
                EntryId moved = messages.moveOne(c, events, m.get(), dest, origin);
                yield new ImportResult(Outcome.APPLIED, Optional.of(mv.sourceKey()), Optional.of(moved));
            }
        };
    }

    private static ImportResult notFound(SourceKey key) {
        return new ImportResult(Outcome.NOT_FOUND, Optional.of(key), Optional.empty());
    }

    private ImportResult save(Connection c, EventBuffer events, StoreObjects.Located<FolderRow> f, long origin,
            ContentImport.Save s, ConflictPolicy policy, MessageWriter.Prepared prepared) throws SQLException {
        Optional<Long> existing = s.sourceKey().isPresent() ? find(c, f.store(), s.sourceKey().get())
                : Optional.empty();
        if (existing.isEmpty()) {
            return create(c, events, f, origin, s, prepared);
        }
        var m = scope.ctx.objects().messageForWrite(c, scope.ctx.objects().messageEntryId(f.store(),
                existing.get()), true, scope.ctx.lock());
        if (m.message().deleted() || m.message().embedded() || m.folder().id() != f.object().id()) {
            return notFound(s.sourceKey().get());
        }
        scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), m.message(), Rights.EDIT_ANY,
                Rights.EDIT_OWNED);
        SubmitQueue.requireNotSubmitted(c, scope.caller, m.message().id());
        ChangeKey serverKey = ChangeKey.parse(m.message().changeKey());
        PredecessorChangeList serverPcl = PredecessorChangeList.parse(m.message().pcl());
        PredecessorChangeList clientPcl = s.predecessors();
        Outcome outcome;
        boolean clientKeyed = clientPcl.changeKeys().stream()
                .anyMatch(k -> !k.namespaceGuid().equals(f.store().guid()));
        if (clientPcl.includes(serverKey)) {
            outcome = Outcome.APPLIED;
        } else if (clientKeyed && serverPcl.includesAll(clientPcl)) {
            // The client's change (its own change key) is already part of the server's history.
            return new ImportResult(Outcome.IGNORED, s.sourceKey(),
                    Optional.of(scope.ctx.objects().messageEntryId(f.store(), m.message().id())));
        } else if (policy == ConflictPolicy.SERVER_WINS) {
            // The server's version stays; a new change number (from no sync state) sends it back to the client.
            long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), 1);
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET change_number = ?, touched_cn = ?,"
                    + " content_origin = NULL WHERE id = ?")) {
                ps.setLong(1, cn);
                ps.setLong(2, cn);
                ps.setLong(3, m.message().id());
                ps.executeUpdate();
            }
            return new ImportResult(Outcome.CONFLICT_SERVER_WON, s.sourceKey(),
                    Optional.of(scope.ctx.objects().messageEntryId(f.store(), m.message().id())));
        } else {
            outcome = Outcome.CONFLICT_CLIENT_WON;
        }
        update(c, events, m, origin, s, prepared, clientPcl);
        return new ImportResult(outcome, s.sourceKey(),
                Optional.of(scope.ctx.objects().messageEntryId(f.store(), m.message().id())));
    }

    /**
     * Applies a client's version of an existing message: its properties are set (others are kept), its
     * recipients and attachments replace the old ones when it has any.
     */
    private void update(Connection c, EventBuffer events, StoreObjects.LocatedMessage m, long origin,
            ContentImport.Save s, MessageWriter.Prepared prepared, PredecessorChangeList clientPcl)
            throws SQLException {
        List<PropValue> checked = scope.ctx.rules().writable(s.content().properties(), Set.of());
        scope.ctx.rules().checkNamedIds(c, m.store().id(), checked.stream().map(PropValue::tag).toList());
        List<PropValue> props = new ArrayList<>(PropertyCodec.decode(m.message().props()));
        Integer flags = null;
        for (PropValue v : checked) {
            if (v.tag().equals(PR_MESSAGE_FLAGS)) {
                flags = (Integer) v.javaValue();
                continue;
            }
            props.removeIf(o -> o.tag().id() == v.tag().id());
            props.add(v);
        }
        var recipients = MessageView.recipients(c, m.message().id());
        if (!s.content().recipients().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM recipients WHERE message_id = ?")) {
                ps.setLong(1, m.message().id());
                ps.executeUpdate();
            }
            scope.ctx.writer().insertRecipients(c, m.message().id(), s.content().recipients());
            recipients = s.content().recipients();
        }
        if (!s.content().attachments().isEmpty()) {
            replaceAttachments(c, m, s.content().attachments(), prepared);
        }
        messages.rewrite(c, m, props, recipients, flags, origin);
        try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET pcl = ? WHERE id = ?")) {
            byte[] now = pclOf(c, m.message().id());
            ps.setBytes(1, PredecessorChangeList.parse(now).merge(clientPcl).bytes());
            ps.setLong(2, m.message().id());
            ps.executeUpdate();
        }
        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_MODIFIED, m.store(),
                m.message().id(), m.folder().id()));
    }

    private void replaceAttachments(Connection c, StoreObjects.LocatedMessage m, List<AttachmentContent> attachments,
            MessageWriter.Prepared prepared) throws SQLException {
        List<Long> embedded = new ArrayList<>();
        List<String> blobs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.blob_key, e.id FROM attachments a"
                + " LEFT JOIN messages e ON e.parent_attach_id = a.id WHERE a.message_id = ?")) {
            ps.setLong(1, m.message().id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        blobs.add(rs.getString(1));
                    }
                    long e = rs.getLong(2);
                    if (!rs.wasNull()) {
                        embedded.add(e);
                    }
                }
            }
        }
        for (long e : embedded) {
            scope.ctx.writer().deleteHard(c, e);
        }
        for (String key : blobs) {
            scope.ctx.blobs().removeReference(c, new org.koppel.store.core.blob.BlobRef(key, 0));
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachments WHERE message_id = ?")) {
            ps.setLong(1, m.message().id());
            ps.executeUpdate();
        }
        int num = 0;
        boolean any = false;
        for (AttachmentContent a : attachments) {
            scope.ctx.writer().insertAttachment(c, m.store(), m.message().id(), num++, scope.caller, a,
                    prepared.blobRefs());
            any = true;
        }
        int flags = any ? m.message().messageFlags() | MessageFlags.MSGFLAG_HASATTACH.value()
                : m.message().messageFlags() & ~MessageFlags.MSGFLAG_HASATTACH.value();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE messages SET has_attach = ?, message_flags = ? WHERE id = ?")) {
            ps.setBoolean(1, any);
            ps.setInt(2, flags);
            ps.setLong(3, m.message().id());
            ps.executeUpdate();
        }
    }

    private ImportResult create(Connection c, EventBuffer events, StoreObjects.Located<FolderRow> f, long origin,
            ContentImport.Save s, MessageWriter.Prepared prepared) throws SQLException {
        EngineFolders.requireNotSearch(f.object());
        scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.CREATE);
        MessageWriter.Inserted m = scope.ctx.writer().insert(c, f.store(), f.object().id(), scope.caller, prepared,
                scope.ctx.quotas());
        byte[] pcl = PredecessorChangeList.parse(pclOf(c, m.id())).merge(s.predecessors()).bytes();
        try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET entered_origin = ?, content_origin = ?,"
                + " pcl = ?" + (s.sourceKey().isPresent() ? ", source_key = ?" : "") + " WHERE id = ?")) {
            ps.setLong(1, origin);
            ps.setLong(2, origin);
            ps.setBytes(3, pcl);
            int i = 4;
            if (s.sourceKey().isPresent()) {
                ps.setBytes(i++, s.sourceKey().get().bytes());
            }
            ps.setLong(i, m.id());
            ps.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new MapiException.Collision("another message of this store has that source key");
        }
        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_CREATED, f.store(), m.id(),
                f.object().id()));
        SourceKey key = s.sourceKey().isPresent() ? s.sourceKey().get() : SourceKey.parse(sourceKeyOf(c, m.id()));
        return new ImportResult(Outcome.APPLIED, Optional.of(key),
                Optional.of(scope.ctx.objects().messageEntryId(f.store(), m.id())));
    }

    /** A live top-level message of this folder with the source key, located for writing. */
    private Optional<StoreObjects.LocatedMessage> inFolder(Connection c, StoreObjects.Located<FolderRow> f,
            SourceKey key) throws SQLException {
        Optional<Long> id = find(c, f.store(), key);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        var m = scope.ctx.objects().messageForWrite(c, scope.ctx.objects().messageEntryId(f.store(), id.get()),
                false, scope.ctx.lock());
        if (m.message().deleted() || m.message().embedded() || m.folder().id() != f.object().id()) {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private static Optional<Long> find(Connection c, StoreRow store, SourceKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM messages WHERE store_id = ? AND source_key = ?")) {
            ps.setLong(1, store.id());
            ps.setBytes(2, key.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static byte[] pclOf(Connection c, long id) throws SQLException {
        return column(c, "pcl", id);
    }

    private static byte[] sourceKeyOf(Connection c, long id) throws SQLException {
        return column(c, "source_key", id);
    }

    private static byte[] column(Connection c, String column, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM messages WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
