package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageUpdate;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Messages;
import org.koppel.store.client.Quota;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Rights;
import org.koppel.store.core.props.PropertyCodec;

/** Messages for a session. */
final class EngineMessages implements Messages {

    private final Scope scope;

    EngineMessages(Scope scope) {
        this.scope = scope;
    }

    @Override
    public EntryId create(EntryId folder, MessageContent content) {
        MessageWriter.Prepared prepared = scope.ctx.writer().prepare(content);
        return scope.write((c, events) -> {
            var f = scope.ctx.objects().folder(c, folder);
            EngineFolders.requireNotSearch(f.object());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.CREATE);
            MessageWriter.Inserted m = scope.ctx.writer().insert(c, f.store(), f.object().id(), scope.caller,
                    prepared, scope.ctx.quotas());
            created(c, events, f.store(), f.object().id(), m);
            return scope.ctx.objects().messageEntryId(f.store(), m.id());
        });
    }

    @Override
    public List<EntryId> createAll(EntryId folder, List<MessageContent> contents) {
        if (contents.size() > MAX_BATCH) {
            throw new MapiException.TooBig("at most " + MAX_BATCH + " messages per batch");
        }
        List<MessageWriter.Prepared> prepared = scope.ctx.writer().prepareAll(contents);
        return scope.write((c, events) -> {
            var f = scope.ctx.objects().folder(c, folder);
            EngineFolders.requireNotSearch(f.object());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.CREATE);
            List<EntryId> ids = new ArrayList<>(prepared.size());
            for (MessageWriter.Inserted m : scope.ctx.writer().insertAll(c, f.store(), f.object().id(), scope.caller,
                    prepared, scope.ctx.quotas())) {
                created(c, events, f.store(), f.object().id(), m);
                ids.add(scope.ctx.objects().messageEntryId(f.store(), m.id()));
            }
            return ids;
        });
    }

    /**
     * Records a new message: OBJECT_CREATED, and NEW_MAIL too when it is a delivery, that is an unread,
     * non-associated message put into one of the store's receive folders by someone other than its owner
     * (the delivery agent, or another user's client sending into a shared folder).
     */
    private void created(Connection c, EventBuffer events, StoreRow store, long folderId, MessageWriter.Inserted m)
            throws SQLException {
        int flags = m.associated() ? m.flags() | MessageFlags.MSGFLAG_ASSOCIATED.value() : m.flags();
        // The class and flags are known here for free; a subscriber can tell a delivery from a hidden message by them.
        events.add(new EngineEvent(org.koppel.store.client.EventType.OBJECT_CREATED,
                org.koppel.mapi.MapiObjectType.MAPI_MESSAGE, store, m.id(), folderId, null, m.messageClass(), flags));
        boolean unread = (m.flags() & MessageFlags.MSGFLAG_READ.value()) == 0;
        if (!m.associated() && unread && !store.ownedBy(scope.caller)
                && scope.ctx.receiveFolders().contains(c, store.id(), folderId)) {
            events.add(new EngineEvent(org.koppel.store.client.EventType.NEW_MAIL,
                    org.koppel.mapi.MapiObjectType.MAPI_MESSAGE, store, m.id(), folderId, null, m.messageClass(),
                    m.flags()));
        }
    }

    /** A change to a message (or to a message embedded in it) is reported on the top-level message. */
    static void modified(EventBuffer events, StoreObjects.LocatedMessage m) {
        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_MODIFIED, m.store(),
                m.topLevel().id(), m.folder().id()));
    }

    /** The most messages one createAll may carry, so one transaction stays a reasonable size. */
    static final int MAX_BATCH = 1000;

    /** Locates a live message the caller may read. */
    private StoreObjects.LocatedMessage readable(Connection c, EntryId message, boolean withProps)
            throws SQLException {
        var m = scope.ctx.objects().message(c, message, withProps);
        if (m.message().deleted() || m.topLevel().deleted()) {
            throw new MapiException.NotFound("message does not exist");
        }
        scope.ctx.access().require(c, scope.caller, m.store(), m.folder(), Rights.READ_ANY);
        return m;
    }

    @Override
    public MessageData load(EntryId message) {
        return scope.tx(c -> {
            var m = readable(c, message, true);
            List<Recipient> recipients = MessageView.recipients(c, m.message().id());
            Optional<EntryId> folder = m.message().embedded() ? Optional.empty()
                    : Optional.of(scope.ctx.objects().folderEntryId(m.store(), m.folder().id()));
            return new MessageData(message, folder, MessageView.properties(m.store(), m.folder(), m.message(),
                    recipients), recipients, MessageView.attachments(c, m.store(), m.message().id()));
        });
    }

    @Override
    public List<PropValue> properties(EntryId message, List<PropTag> tags) {
        return scope.tx(c -> {
            var m = readable(c, message, true);
            List<PropValue> all = MessageView.properties(m.store(), m.folder(), m.message(),
                    MessageView.recipients(c, m.message().id()));
            List<PropValue> out = new ArrayList<>(tags.size());
            for (PropTag t : tags) {
                out.add(MessageView.pick(all, t));
            }
            return out;
        });
    }

    /** Locates a live message the caller may change. */
    private StoreObjects.LocatedMessage editable(Connection c, EntryId message) throws SQLException {
        var m = scope.ctx.objects().messageForWrite(c, message, true, scope.ctx.lock());
        if (m.message().deleted() || m.topLevel().deleted()) {
            throw new MapiException.NotFound("message does not exist");
        }
        scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), m.topLevel(), Rights.EDIT_ANY,
                Rights.EDIT_OWNED);
        SubmitQueue.requireNotSubmitted(c, scope.caller, m.topLevel().id());
        return m;
    }

    @Override
    public void update(EntryId message, List<PropValue> set, List<PropTag> remove) {
        updateAll(List.of(new MessageUpdate(message, set, remove)));
    }

    @Override
    public void updateAll(List<MessageUpdate> updates) {
        List<List<PropValue>> checked = new ArrayList<>(updates.size());
        for (MessageUpdate u : updates) {
            checked.add(scope.ctx.rules().writable(u.set(), Set.of()));
            for (PropTag t : u.remove()) {
                if (t.equals(PR_MESSAGE_FLAGS)) {
                    throw new MapiException.NoAccess("PR_MESSAGE_FLAGS cannot be removed");
                }
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        scope.write((c, events) -> {
            for (int i = 0; i < updates.size(); i++) {
                apply(c, events, updates.get(i).message(), checked.get(i), updates.get(i).remove());
            }
            return null;
        });
    }

    private void apply(Connection c, EventBuffer events, EntryId message, List<PropValue> checked,
            List<PropTag> remove) throws SQLException {
        var m = editable(c, message);
        scope.ctx.rules().checkNamedIds(c, m.store().id(), checked.stream().map(PropValue::tag).toList());
        List<PropValue> props = new ArrayList<>(PropertyCodec.decode(m.message().props()));
        Integer newFlags = null;
        for (PropValue v : checked) {
            if (v.tag().equals(PR_MESSAGE_FLAGS)) {
                newFlags = (Integer) v.javaValue();
                continue;
            }
            props.removeIf(o -> o.tag().id() == v.tag().id());
            props.add(v);
        }
        for (PropTag t : remove) {
            props.removeIf(o -> o.tag().id() == t.id());
        }
        rewrite(c, m, props, MessageView.recipients(c, m.message().id()), newFlags, null);
        modified(events, m);
    }

    @Override
    public void setRecipients(EntryId message, List<Recipient> recipients) {
        for (Recipient r : recipients) {
            scope.ctx.rules().writable(r.properties(), Set.of());
        }
        scope.write((c, events) -> {
            var m = editable(c, message);
            List<PropTag> tags = new ArrayList<>();
            recipients.forEach(r -> r.properties().forEach(p -> tags.add(p.tag())));
            scope.ctx.rules().checkNamedIds(c, m.store().id(), tags);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM recipients WHERE message_id = ?")) {
                ps.setLong(1, m.message().id());
                ps.executeUpdate();
            }
            scope.ctx.writer().insertRecipients(c, m.message().id(), recipients);
            rewrite(c, m, PropertyCodec.decode(m.message().props()), recipients, null, null);
            modified(events, m);
            return null;
        });
    }

    /**
     * Saves a changed message: properties, promoted columns, size, a new change number and change key,
     * and the folder and store accounting that follows.
     */
    void rewrite(Connection c, StoreObjects.LocatedMessage m, List<PropValue> props, List<Recipient> recipients,
            Integer requestedFlags, Long origin) throws SQLException {
        int flags = requestedFlags == null ? m.message().messageFlags()
                : (requestedFlags & ~STORE_FLAGS) | (m.message().messageFlags() & STORE_FLAGS);
        rewriteWithFlags(c, m, props, recipients, flags, origin);
    }

    /**
     * The PR_MESSAGE_FLAGS bits only the store sets: whether there are attachments, whether the message is
     * associated, and whether it is in the outgoing queue.
     */
    static final int STORE_FLAGS = MessageFlags.MSGFLAG_HASATTACH.value() | MessageFlags.MSGFLAG_ASSOCIATED.value()
            | MessageFlags.MSGFLAG_SUBMIT.value();

    /** As {@link #rewrite}, with PR_MESSAGE_FLAGS exactly as given (submission changes the store's own bits). */
    void rewriteWithFlags(Connection c, StoreObjects.LocatedMessage m, List<PropValue> props,
            List<Recipient> recipients, int flags, Long origin) throws SQLException {
        MessageRow old = m.message();
        long cn = scope.ctx.lock().lockAndReserve(c, m.store().id(), 1);
        long now = FileTime.toTicks(Instant.now());
        long attachSize = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(size_bytes), 0) FROM attachments WHERE message_id = ?")) {
            ps.setLong(1, old.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                attachSize = rs.getLong(1);
            }
        }
        long size = MessageWriter.propsSize(props) + MessageWriter.recipientsSize(recipients) + attachSize;
        byte[] ck = ChangeKeys.changeKey(m.store().guid(), cn);
        var promoted = MessageWriter.Promoted.of(props, recipients, old.createdTicks());
        try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET props = ?, message_class = ?, subject = ?,"
                + " sender_name = ?, display_to = ?, delivery_ticks = ?, importance = ?, message_flags = ?,"
                + " size_bytes = ?, change_number = ?, change_key = ?, pcl = ?, modified_ticks = ?, touched_cn = ?,"
                + " content_origin = ? WHERE id = ?")) {
            ps.setBytes(1, PropertyCodec.encode(props));
            ps.setString(2, promoted.messageClass());
            ps.setString(3, promoted.subject());
            ps.setString(4, promoted.senderName());
            ps.setString(5, promoted.displayTo());
            ps.setLong(6, promoted.deliveryTicks());
            ps.setInt(7, promoted.importance());
            ps.setInt(8, flags);
            ps.setLong(9, size);
            ps.setLong(10, cn);
            ps.setBytes(11, ck);
            ps.setBytes(12, ChangeKeys.pclWith(old.pcl(), ck));
            ps.setLong(13, now);
            ps.setLong(14, cn);
            MessageWriter.setNullableLong(ps, 15, origin);
            ps.setLong(16, old.id());
            ps.executeUpdate();
        }
        if (old.embedded()) {
            ChangeTrail.contentChanged(c, m, cn, origin);
        }
        long delta = size - old.sizeBytes();
        propagateSize(c, m, old.id(), delta);
        if (!old.embedded() && !old.associated()) {
            boolean wasRead = (old.messageFlags() & MessageFlags.MSGFLAG_READ.value()) != 0;
            boolean isRead = (flags & MessageFlags.MSGFLAG_READ.value()) != 0;
            int unread = wasRead == isRead ? 0 : (isRead ? -1 : 1);
            new FolderCounters(0, unread, 0, 0, delta).applyTo(c, m.folder().id());
        } else {
            new FolderCounters(0, 0, 0, 0, delta).applyTo(c, m.folder().id());
        }
        scope.ctx.lock().addSize(c, m.store().id(), delta, scope.ctx.quotas().effective(c, m.store()));
    }

    /** An embedded message's growth makes its attachment and every enclosing message grow too. */
    static void propagateSize(Connection c, StoreObjects.LocatedMessage m, long messageId, long delta)
            throws SQLException {
        if (delta == 0) {
            return;
        }
        MessageRow cursor = m.message().id() == messageId ? m.message() : null;
        Long attach = cursor == null ? null : cursor.parentAttachId();
        int guard = 0;
        while (attach != null && guard++ < 64) {
            long owner;
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM attachments WHERE id = ?")) {
                ps.setLong(1, attach);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    owner = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE attachments SET size_bytes = size_bytes + ? WHERE id = ?")) {
                ps.setLong(1, delta);
                ps.setLong(2, attach);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE messages SET size_bytes = size_bytes + ? WHERE id = ?")) {
                ps.setLong(1, delta);
                ps.setLong(2, owner);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT parent_attach_id FROM messages WHERE id = ?")) {
                ps.setLong(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long pa = rs.getLong(1);
                    attach = rs.wasNull() ? null : pa;
                }
            }
        }
    }

    @Override
    public void submit(EntryId message) {
        scope.write((c, events) -> {
            var m = scope.ctx.objects().messageForWrite(c, message, true, scope.ctx.lock());
            MessageRow row = m.message();
            if (row.deleted() || m.topLevel().deleted()) {
                throw new MapiException.NotFound("message does not exist");
            }
            if (row.embedded() || row.associated()) {
                throw new MapiException.NoSupport("only ordinary top-level messages can be submitted");
            }
            if (m.store().kind() != org.koppel.store.client.StoreKind.PRIVATE) {
                throw new MapiException.NoSupport("messages of the public store cannot be submitted");
            }
            scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), row, Rights.EDIT_ANY,
                    Rights.EDIT_OWNED);
            if (SubmitQueue.find(c, row.id()).isPresent()) {
                throw new MapiException.Submitted("the message is already submitted");
            }
            List<Recipient> recipients = MessageView.recipients(c, row.id());
            if (recipients.isEmpty()) {
                throw new MapiException.NoRecipients("a message without recipients cannot be sent");
            }
            // Millisecond precision, so that the queue's submit time and PR_CLIENT_SUBMIT_TIME agree.
            Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
            List<PropValue> props = new ArrayList<>(PropertyCodec.decode(row.props()));
            props.removeIf(v -> v.tag().id() == PR_CLIENT_SUBMIT_TIME.id());
            props.add(PropValue.of(PR_CLIENT_SUBMIT_TIME, now));
            rewriteWithFlags(c, m, props, recipients, MessageFlags.MSGFLAG_SUBMIT.set(row.messageFlags()), null);
            SubmitQueue.add(c, row.id(), m.store().id(), scope.caller.system() ? null : scope.caller.userId(),
                    now.toEpochMilli());
            modified(events, m);
            events.add(EngineEvent.message(org.koppel.store.client.EventType.SUBMITTED, m.store(), row.id(),
                    m.folder().id()));
            return null;
        });
    }

    @Override
    public boolean abortSubmit(EntryId message) {
        return scope.write((c, events) -> {
            var m = scope.ctx.objects().messageForWrite(c, message, true, scope.ctx.lock());
            MessageRow row = m.message();
            if (row.deleted() || row.embedded()) {
                return false;
            }
            scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), row, Rights.EDIT_ANY,
                    Rights.EDIT_OWNED);
            var entry = SubmitQueue.find(c, row.id());
            if (entry.isEmpty() || entry.get().lockedUntilMs() > System.currentTimeMillis()) {
                return false;
            }
            SubmitQueue.remove(c, row.id());
            rewriteWithFlags(c, m, PropertyCodec.decode(row.props()), MessageView.recipients(c, row.id()),
                    MessageFlags.MSGFLAG_SUBMIT.clear(row.messageFlags()), null);
            modified(events, m);
            return true;
        });
    }

    @Override
    public void delete(List<EntryId> messages, boolean hard) {
        scope.write((c, events) -> {
            for (EntryId id : messages) {
                var m = scope.ctx.objects().messageForWrite(c, id, false, scope.ctx.lock());
                if (m.message().embedded()) {
                    throw new MapiException.InvalidParameter("delete the attachment that holds an embedded message");
                }
                if (m.message().deleted() && !hard) {
                    continue;
                }
                scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), m.message(),
                        Rights.DELETE_ANY, Rights.DELETE_OWNED);
                deleteOne(c, events, m, hard ? ChangeTrail.Departure.HARD_DELETED
                        : ChangeTrail.Departure.SOFT_DELETED, null, null);
            }
            return null;
        });
    }

    /**
     * Deletes a located top-level message, soft or hard ({@code MOVED_OUT} is a hard delete that tells
     * exporters where it went), leaving a tombstone for exporters.
     */
    void deleteOne(Connection c, EventBuffer events, StoreObjects.LocatedMessage m, ChangeTrail.Departure why,
            Long target, Long origin) throws SQLException {
        boolean hard = why != ChangeTrail.Departure.SOFT_DELETED;
        MessageRow row = m.message();
        if (!row.deleted()) {
            events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_DELETED, m.store(), row.id(), m.folder().id()));
        }
        // A deleted message is not sent: it leaves the outgoing queue (a hard delete would cascade anyway).
        SubmitQueue.remove(c, row.id());
        long cn = scope.ctx.lock().lockAndReserve(c, m.store().id(), 1);
        boolean read = row.isRead();
        ChangeTrail.left(c, m.folder().id(), row, why, cn, target, origin);
        if (hard) {
            long freed = scope.ctx.writer().deleteHard(c, row.id());
            FolderCounters counters = row.deleted()
                    ? new FolderCounters(0, 0, 0, -1, 0)
                    : FolderCounters.forMessage(row.associated(), read, freed, -1);
            counters.applyTo(c, m.folder().id());
            scope.ctx.lock().addSize(c, m.store().id(), -freed, Quota.UNLIMITED);
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET deleted = TRUE, deleted_ticks = ?,"
                    + " touched_cn = ? WHERE id = ?")) {
                ps.setLong(1, FileTime.toTicks(Instant.now()));
                ps.setLong(2, cn);
                ps.setLong(3, row.id());
                ps.executeUpdate();
            }
            FolderCounters live = FolderCounters.forMessage(row.associated(), read, row.sizeBytes(), -1);
            new FolderCounters(live.content(), live.unread(), live.assoc(), 1, live.size()).applyTo(c, m.folder().id());
        }
    }

    @Override
    public void restore(List<EntryId> messages) {
        scope.write((c, events) -> {
            for (EntryId id : messages) {
                var m = scope.ctx.objects().messageForWrite(c, id, false, scope.ctx.lock());
                MessageRow row = m.message();
                if (!row.deleted()) {
                    continue;
                }
                scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), row,
                        Rights.DELETE_ANY, Rights.DELETE_OWNED);
                long cn = scope.ctx.lock().lockAndReserve(c, m.store().id(), 1);
                // Back in view as a new incarnation: exporters report it as added to every client.
                try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET deleted = FALSE,"
                        + " deleted_ticks = NULL, entered_cn = ?, touched_cn = ?, entered_kind = ?,"
                        + " entered_origin = NULL WHERE id = ?")) {
                    ps.setLong(1, cn);
                    ps.setLong(2, cn);
                    ps.setInt(3, ChangeTrail.Entry.RESTORED.code);
                    ps.setLong(4, row.id());
                    ps.executeUpdate();
                }
                ChangeTrail.entered(c, m.folder().id(), cn);
                FolderCounters live = FolderCounters.forMessage(row.associated(), row.isRead(), row.sizeBytes(), 1);
                new FolderCounters(live.content(), live.unread(), live.assoc(), -1, live.size())
                        .applyTo(c, m.folder().id());
                events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_CREATED, m.store(), row.id(), m.folder().id()));
            }
            return null;
        });
    }

    @Override
    public int purgeDeleted(EntryId folder, Instant deletedBefore) {
        return scope.tx(c -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.DELETE_ANY);
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE folder_id = ?"
                    + " AND deleted = TRUE AND deleted_ticks < ?")) {
                ps.setLong(1, f.object().id());
                ps.setLong(2, FileTime.toTicks(deletedBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            long freed = 0;
            for (long id : ids) {
                freed += scope.ctx.writer().deleteHard(c, id);
            }
            new FolderCounters(0, 0, 0, -ids.size(), 0).applyTo(c, f.object().id());
            scope.ctx.lock().addSize(c, f.store().id(), -freed, Quota.UNLIMITED);
            return ids.size();
        });
    }

    @Override
    public List<EntryId> copy(List<EntryId> messages, EntryId destination) {
        return scope.write((c, events) -> {
            var dest = scope.ctx.objects().folder(c, destination);
            EngineFolders.requireNotSearch(dest.object());
            scope.ctx.access().require(c, scope.caller, dest.store(), dest.object(), Rights.CREATE);
            List<EntryId> out = new ArrayList<>(messages.size());
            for (EntryId id : messages) {
                var m = readable(c, id, false);
                if (m.message().embedded()) {
                    throw new MapiException.InvalidParameter("an embedded message cannot be copied on its own");
                }
                out.add(copyOne(c, events, m, dest));
            }
            return out;
        });
    }

    private EntryId copyOne(Connection c, EventBuffer events, StoreObjects.LocatedMessage m,
            StoreObjects.Located<FolderRow> dest) throws SQLException {
        long id = scope.ctx.writer().copy(c, m.message().id(), dest.store(), dest.object().id(), null, scope.caller,
                scope.ctx.names(), m.store().id(), 0);
        FolderCounters.forMessage(m.message().associated(), m.message().isRead(), m.message().sizeBytes(), 1)
                .applyTo(c, dest.object().id());
        scope.ctx.lock().addSize(c, dest.store().id(), m.message().sizeBytes(),
                scope.ctx.quotas().effective(c, dest.store()));
        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_COPIED, dest.store(), id, dest.object().id())
                .from(m.folder().id()));
        return scope.ctx.objects().messageEntryId(dest.store(), id);
    }

    @Override
    public void move(List<EntryId> messages, EntryId destination) {
        scope.write((c, events) -> {
            var dest = scope.ctx.objects().folder(c, destination);
            EngineFolders.requireNotSearch(dest.object());
            scope.ctx.access().require(c, scope.caller, dest.store(), dest.object(), Rights.CREATE);
            for (EntryId id : messages) {
                var m = scope.ctx.objects().messageForWrite(c, id, false, scope.ctx.lock());
                if (m.message().deleted()) {
                    throw new MapiException.NotFound("message does not exist");
                }
                scope.ctx.access().require(c, scope.caller, m.store(), m.folder(), Rights.READ_ANY);
                if (m.message().embedded()) {
                    throw new MapiException.InvalidParameter("an embedded message cannot be moved on its own");
                }
                scope.ctx.access().requireOnMessage(c, scope.caller, m.store(), m.folder(), m.message(),
                        Rights.DELETE_ANY, Rights.DELETE_OWNED);
                SubmitQueue.requireNotSubmitted(c, scope.caller, m.message().id());
                moveOne(c, events, m, dest, null);
            }
            return null;
        });
    }

    /** Moves a located live top-level message the caller may move; returns its entry id afterwards. */
    EntryId moveOne(Connection c, EventBuffer events, StoreObjects.LocatedMessage m,
            StoreObjects.Located<FolderRow> dest, Long origin) throws SQLException {
        if (m.folder().id() == dest.object().id()) {
            return scope.ctx.objects().messageEntryId(m.store(), m.message().id());
        }
        if (m.store().id() != dest.store().id()) {
            EntryId copied = copyOne(c, events, m, dest);
            deleteOne(c, events, m, ChangeTrail.Departure.MOVED_OUT, dest.object().id(), origin);
            return copied;
        }
        long cn = scope.ctx.lock().lockAndReserve(c, m.store().id(), 1);
        byte[] ck = ChangeKeys.changeKey(m.store().guid(), cn);
        MessageRow row = m.message();
        ChangeTrail.left(c, m.folder().id(), row, ChangeTrail.Departure.MOVED_OUT, cn, dest.object().id(), origin);
        try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET folder_id = ?, change_number = ?,"
                + " change_key = ?, pcl = ?, entered_cn = ?, touched_cn = ?, entered_kind = ?, content_origin = ?,"
                + " entered_origin = ? WHERE id = ?")) {
            ps.setLong(1, dest.object().id());
            ps.setLong(2, cn);
            ps.setBytes(3, ck);
            ps.setBytes(4, ChangeKeys.pclWith(row.pcl(), ck));
            ps.setLong(5, cn);
            ps.setLong(6, cn);
            ps.setInt(7, ChangeTrail.Entry.MOVED_IN.code);
            MessageWriter.setNullableLong(ps, 8, origin);
            MessageWriter.setNullableLong(ps, 9, origin);
            ps.setLong(10, row.id());
            ps.executeUpdate();
        }
        ChangeTrail.entered(c, dest.object().id(), cn);
        FolderCounters.forMessage(row.associated(), row.isRead(), row.sizeBytes(), -1).applyTo(c, m.folder().id());
        FolderCounters.forMessage(row.associated(), row.isRead(), row.sizeBytes(), 1)
                .applyTo(c, dest.object().id());
        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_MOVED, m.store(), row.id(),
                dest.object().id()).from(m.folder().id()));
        return scope.ctx.objects().messageEntryId(m.store(), row.id());
    }

    @Override
    public int setReadFlags(EntryId folder, List<EntryId> messages, boolean read) {
        return scope.write((c, events) -> {
            var f = scope.ctx.objects().folderForWrite(c, folder, scope.ctx.lock());
            scope.ctx.access().require(c, scope.caller, f.store(), f.object(), Rights.READ_ANY);
            List<long[]> targets = new ArrayList<>();
            if (messages.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, message_flags FROM messages"
                        + " WHERE folder_id = ? AND associated = FALSE AND deleted = FALSE")) {
                    ps.setLong(1, f.object().id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            targets.add(new long[] {rs.getLong(1), rs.getInt(2)});
                        }
                    }
                }
            } else {
                for (EntryId id : messages) {
                    var m = scope.ctx.objects().message(c, id, false);
                    if (m.message().embedded() || m.message().deleted() || m.folder().id() != f.object().id()) {
                        throw new MapiException.NotFound("message is not in this folder");
                    }
                    targets.add(new long[] {m.message().id(), m.message().messageFlags()});
                }
            }
            return applyReadFlags(c, events, f, targets, read, null);
        });
    }

    /**
     * Sets or clears MSGFLAG_READ on {@code targets} (id, flags pairs) of a located folder; a read-state
     * change has a change number of its own and leaves the change key alone, as in MAPI.
     */
    int applyReadFlags(Connection c, EventBuffer events, StoreObjects.Located<FolderRow> f, List<long[]> targets,
            boolean read, Long origin) throws SQLException {
        {
            List<long[]> changes = new ArrayList<>();
            int unreadDelta = 0;
            for (long[] t : targets) {
                int flags = (int) t[1];
                if (((flags & MessageFlags.MSGFLAG_READ.value()) != 0) == read) {
                    continue;
                }
                changes.add(t);
                if ((flags & MessageFlags.MSGFLAG_ASSOCIATED.value()) == 0) {
                    unreadDelta += read ? -1 : 1;
                }
            }
            int changed = changes.size();
            if (changed > 0) {
                // One reservation for the whole batch: marking a big folder read stays one update per message.
                long cn = scope.ctx.lock().lockAndReserve(c, f.store().id(), changed);
                try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET message_flags = ?, read_cn = ?,"
                        + " touched_cn = ?, read_origin = ? WHERE id = ?")) {
                    for (long[] t : changes) {
                        int flags = (int) t[1];
                        ps.setInt(1, read ? flags | MessageFlags.MSGFLAG_READ.value()
                                : flags & ~MessageFlags.MSGFLAG_READ.value());
                        ps.setLong(2, cn);
                        ps.setLong(3, cn++);
                        MessageWriter.setNullableLong(ps, 4, origin);
                        ps.setLong(5, t[0]);
                        ps.addBatch();
                        events.add(EngineEvent.message(org.koppel.store.client.EventType.OBJECT_MODIFIED, f.store(),
                                t[0], f.object().id()));
                    }
                    ps.executeBatch();
                }
            }
            new FolderCounters(0, unreadDelta, 0, 0, 0).applyTo(c, f.object().id());
            return changed;
        }
    }
}
