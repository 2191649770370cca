package org.koppel.store.core.engine;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.Attachments;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Quota;
import org.koppel.store.client.Rights;
import org.koppel.store.core.blob.BlobRef;

/** A message's attachments for a session; data streams through the blob store. */
final class EngineAttachments implements Attachments {

    private final Scope scope;

    EngineAttachments(Scope scope) {
        this.scope = scope;
    }

    @Override
    public AttachmentInfo add(EntryId message, AttachmentContent content) {
        // Validates and stores the data first, outside the transaction.
        MessageWriter.Prepared prepared = scope.ctx.writer().prepare(
                new MessageContent(List.of(), List.of(), List.of(content), false));
        Map<AttachmentContent.ByValue, MessageWriter.PreparedData> refs = new IdentityHashMap<>(prepared.blobRefs());
        return scope.write((c, events) -> {
            var m = changeable(c, message);
            long cn = scope.ctx.lock().lockAndReserve(c, m.store().id(), 1);
            int num;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(attach_num), -1) + 1 FROM attachments WHERE message_id = ?")) {
                ps.setLong(1, m.message().id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    num = rs.getInt(1);
                }
            }
            long size = scope.ctx.writer().insertAttachment(c, m.store(), m.message().id(), num, scope.caller,
                    content, refs);
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET size_bytes = size_bytes + ?,"
                    + " has_attach = TRUE, message_flags = message_flags + ?, change_number = ? WHERE id = ?")) {
                ps.setLong(1, size);
                ps.setInt(2, (m.message().messageFlags() & MessageFlags.MSGFLAG_HASATTACH.value()) == 0
                        ? MessageFlags.MSGFLAG_HASATTACH.value() : 0);
                ps.setLong(3, cn);
                ps.setLong(4, m.message().id());
                ps.executeUpdate();
            }
            ChangeTrail.contentChanged(c, m, cn, null);
            EngineMessages.propagateSize(c, m, m.message().id(), size);
            new FolderCounters(0, 0, 0, 0, size).applyTo(c, m.folder().id());
            scope.ctx.lock().addSize(c, m.store().id(), size, scope.ctx.quotas().effective(c, m.store()));
            changedEvent(events, m);
            return MessageView.attachments(c, m.store(), m.message().id()).stream()
                    .filter(a -> a.attachNum() == num).findFirst().orElseThrow();
        });
    }

    private static void changedEvent(EventBuffer events, StoreObjects.LocatedMessage m) {
        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_MODIFIED, m.store(),
                m.topLevel().id(), m.folder().id()));
    }

    /** A live message whose attachments the caller may change, with its store locked. */
    private StoreObjects.LocatedMessage changeable(java.sql.Connection c, EntryId message) throws java.sql.SQLException {
        var m = scope.ctx.objects().messageForWrite(c, message, false, scope.ctx.lock());
        if (m.message().deleted()) {
            throw new MapiException.NotFound("message does not exist");
        }
        scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), m.topLevel(), Rights.EDIT_ANY,
                Rights.EDIT_OWNED);
        SubmitQueue.requireNotSubmitted(c, scope.caller, m.topLevel().id());
        return m;
    }

    @Override
    public InputStream open(EntryId message, int attachNum) {
        String key = scope.tx(c -> {
            var m = scope.ctx.objects().message(c, message, false);
            if (m.message().deleted()) {
                throw new MapiException.NotFound("message does not exist");
            }
            scope.ctx.access().require(c, scope.caller, m.store(), m.folder(), Rights.READ_ANY);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT blob_key FROM attachments WHERE message_id = ? AND attach_num = ?")) {
                ps.setLong(1, m.message().id());
                ps.setInt(2, attachNum);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new MapiException.NotFound("attachment " + attachNum + " does not exist");
                    }
                    String k = rs.getString(1);
                    if (k == null) {
                        throw new MapiException.NoSupport("attachment " + attachNum + " is an embedded message");
                    }
                    return k;
                }
            }
        });
        return scope.ctx.blobs().open(key);
    }

    @Override
    public void delete(EntryId message, int attachNum) {
        scope.write((c, events) -> {
            var m = changeable(c, message);
            long cn = scope.ctx.lock().lockAndReserve(c, m.store().id(), 1);
            long attachId;
            long size;
            String key;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, size_bytes, blob_key FROM attachments WHERE message_id = ? AND attach_num = ?")) {
                ps.setLong(1, m.message().id());
                ps.setInt(2, attachNum);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new MapiException.NotFound("attachment " + attachNum + " does not exist");
                    }
                    attachId = rs.getLong(1);
                    size = rs.getLong(2);
                    key = rs.getString(3);
                }
            }
            if (key != null) {
                scope.ctx.blobs().removeReference(c, new BlobRef(key, 0));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE parent_attach_id = ?")) {
                ps.setLong(1, attachId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        scope.ctx.writer().deleteHard(c, rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachments WHERE id = ?")) {
                ps.setLong(1, attachId);
                ps.executeUpdate();
            }
            boolean stillHas;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM attachments WHERE message_id = ?")) {
                ps.setLong(1, m.message().id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    stillHas = rs.getInt(1) > 0;
                }
            }
            int flags = stillHas ? m.message().messageFlags()
                    : m.message().messageFlags() & ~MessageFlags.MSGFLAG_HASATTACH.value();
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET size_bytes = size_bytes - ?,"
                    + " has_attach = ?, message_flags = ?, change_number = ? WHERE id = ?")) {
                ps.setLong(1, size);
                ps.setBoolean(2, stillHas);
                ps.setInt(3, flags);
                ps.setLong(4, cn);
                ps.setLong(5, m.message().id());
                ps.executeUpdate();
            }
            ChangeTrail.contentChanged(c, m, cn, null);
            EngineMessages.propagateSize(c, m, m.message().id(), -size);
            new FolderCounters(0, 0, 0, 0, -size).applyTo(c, m.folder().id());
            scope.ctx.lock().addSize(c, m.store().id(), -size, Quota.UNLIMITED);
            changedEvent(events, m);
            return null;
        });
    }
}
