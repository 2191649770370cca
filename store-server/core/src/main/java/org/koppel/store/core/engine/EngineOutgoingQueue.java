package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.PR_DELETE_AFTER_SUBMIT;
import static org.koppel.mapi.PropTags.PR_SENTMAIL_ENTRYID;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.NotificationListener;
import org.koppel.store.client.OutgoingQueue;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.core.props.PropertyCodec;

/**
 * The outgoing queue for the spooler, over {@link SubmitQueue}; what it does to the messages themselves goes
 * through {@link EngineMessages}' write paths, so change tracking and notifications see ordinary changes.
 */
final class EngineOutgoingQueue implements OutgoingQueue {

    /** The most entries one {@link #pending} call returns. */
    static final int MAX_PENDING = 1000;
    /** The longest wait between attempts; the first wait is server.cfg's submit_retry_delay, doubling. */
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final int MAX_REASON = 1000;

    private final Scope scope;
    private final EngineMessages messages;
    private final EngineNotifications notifications;

    EngineOutgoingQueue(Scope scope, EngineMessages messages, EngineNotifications notifications) {
        this.scope = scope;
        this.messages = messages;
        this.notifications = notifications;
    }

    @Override
    public Subscription watch(NotificationListener listener) {
        requireSystem();
        java.util.Objects.requireNonNull(listener, "listener");
        return notifications.subscribeQueue(listener);
    }

    @Override
    public Optional<Instant> nextDue() {
        requireSystem();
        long now = System.currentTimeMillis();
        // Due at the later of the claim's end and the retry time; both are past for a message that is due now.
        return scope.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(CASE WHEN q.locked_until_ms > q.retry_ms"
                    + " THEN q.locked_until_ms ELSE q.retry_ms END) FROM outgoing_queue q"
                    + " JOIN messages m ON m.id = q.message_id WHERE m.deleted = FALSE"
                    + " AND (q.locked_until_ms > ? OR q.retry_ms > ?)")) {
                ps.setLong(1, now);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long due = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(due));
                }
            }
        });
    }

    private void requireSystem() {
        scope.check();
        if (!scope.caller.system()) {
            throw new MapiException.NoAccess("the outgoing queue is for the spooler (the system identity) only");
        }
    }

    @Override
    public List<QueuedMessage> pending(int max) {
        requireSystem();
        if (max < 1 || max > MAX_PENDING) {
            throw new MapiException.InvalidParameter("ask for 1.." + MAX_PENDING + " queued messages");
        }
        long now = System.currentTimeMillis();
        record Row(long messageId, long storeId, Guid guid, Long ownerId, long submitMs) {
        }
        List<Row> rows = scope.tx(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT q.message_id, q.store_id, s.guid, s.owner_id,"
                    + " q.submit_ms FROM outgoing_queue q JOIN stores s ON s.id = q.store_id"
                    + " JOIN messages m ON m.id = q.message_id WHERE m.deleted = FALSE AND q.locked_until_ms <= ?"
                    + " AND q.retry_ms <= ? ORDER BY q.submit_ms, q.message_id")) {
                ps.setLong(1, now);
                ps.setLong(2, now);
                ps.setMaxRows(max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long owner = rs.getLong(4);
                        out.add(new Row(rs.getLong(1), rs.getLong(2), Guid.fromBytes(rs.getBytes(3)),
                                rs.wasNull() ? null : owner, rs.getLong(5)));
                    }
                }
            }
            return out;
        });
        // Owners are looked up outside the transaction: the directory has its own cache and connections.
        List<QueuedMessage> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String owner = r.ownerId() == null ? ""
                    : scope.ctx.directory().byId(r.ownerId()).map(UserInfo::login).orElse("");
            out.add(new QueuedMessage(EntryId.of(r.guid(), MapiObjectType.MAPI_STORE, r.storeId()),
                    EntryId.of(r.guid(), MapiObjectType.MAPI_MESSAGE, r.messageId()), owner,
                    Instant.ofEpochMilli(r.submitMs())));
        }
        return out;
    }

    @Override
    public boolean lock(EntryId message) {
        requireSystem();
        long now = System.currentTimeMillis();
        long until = now + scope.ctx.config().submitLockTimeout().toMillis();
        return scope.tx(c -> {
            Optional<Long> id = queuedMessageId(c, message);
            if (id.isEmpty()) {
                return false;
            }
            // One conditional update: of two spoolers claiming at once, exactly one changes the row.
            try (PreparedStatement ps = c.prepareStatement("UPDATE outgoing_queue SET locked_until_ms = ?"
                    + " WHERE message_id = ? AND locked_until_ms <= ? AND retry_ms <= ?")) {
                ps.setLong(1, until);
                ps.setLong(2, id.get());
                ps.setLong(3, now);
                ps.setLong(4, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The row id of a live message of the entry id's store that is in the queue. */
    private Optional<Long> queuedMessageId(Connection c, EntryId message) throws SQLException {
        if (message.objectType() != MapiObjectType.MAPI_MESSAGE) {
            throw new MapiException.InvalidEntryId("not a message entry id");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT q.message_id FROM outgoing_queue q"
                + " JOIN messages m ON m.id = q.message_id JOIN stores s ON s.id = q.store_id"
                + " WHERE q.message_id = ? AND s.guid = ? AND m.deleted = FALSE")) {
            ps.setLong(1, message.objectId());
            ps.setBytes(2, message.storeGuid().toBytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Locks the message's store, takes the message out of the queue and returns it; NotFound if not queued. */
    private StoreObjects.LocatedMessage dequeue(Connection c, EntryId message) throws SQLException {
        StoreObjects.LocatedMessage m;
        try {
            m = scope.ctx.objects().messageForWrite(c, message, true, scope.ctx.lock());
        } catch (MapiException.InvalidEntryId e) {
            throw e;
        } catch (MapiException.NotFound e) {
            throw new MapiException.NotFound("the message is not in the outgoing queue", e);
        }
        if (m.message().deleted() || !SubmitQueue.remove(c, m.message().id())) {
            throw new MapiException.NotFound("the message is not in the outgoing queue");
        }
        return m;
    }

    @Override
    public void sent(EntryId message) {
        requireSystem();
        scope.write((c, events) -> {
            var m = dequeue(c, message);
            MessageRow row = m.message();
            List<PropValue> props = PropertyCodec.decode(row.props());
            boolean deleteAfter = props.stream().anyMatch(v -> v.tag().equals(PR_DELETE_AFTER_SUBMIT)
                    && Boolean.TRUE.equals(v.javaValue()));
            if (deleteAfter) {
                messages.deleteOne(c, events, m, ChangeTrail.Departure.HARD_DELETED, null, null);
                return null;
            }
            markRecipientsSubmitted(c, row.id());
            int flags = MessageFlags.MSGFLAG_READ.set(MessageFlags.MSGFLAG_UNSENT.clear(
                    MessageFlags.MSGFLAG_SUBMIT.clear(row.messageFlags())));
            messages.rewriteWithFlags(c, m, props, MessageView.recipients(c, row.id()), flags, null);
            EngineMessages.modified(events, m);
            var dest = sentFolder(c, m, props);
            // Read again: the rewrite changed the flags, size and change key the move starts from.
            var now = scope.ctx.objects().message(c, message, false);
            messages.moveOne(c, events, now, dest, null);
            return null;
        });
    }

    @Override
    public void partlySent(EntryId message, Collection<Integer> done, String reason) {
        requireSystem();
        Set<Integer> rows = Set.copyOf(done);
        String why = reason == null ? "" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        long now = System.currentTimeMillis();
        scope.write((c, events) -> {
            long id = queuedMessageId(c, message).orElseThrow(
                    () -> new MapiException.NotFound("the message is not in the outgoing queue"));
            if (!rows.isEmpty()) {
                var m = scope.ctx.objects().messageForWrite(c, message, true, scope.ctx.lock());
                markRecipientsSubmitted(c, id, rows);
                MessageRow row = m.message();
                // Rewritten (flags unchanged) so that the recipient marks are a change like any other.
                messages.rewriteWithFlags(c, m, PropertyCodec.decode(row.props()), MessageView.recipients(c, id),
                        row.messageFlags(), null);
                EngineMessages.modified(events, m);
            }
            scheduleRetry(c, id, why, now);
            return null;
        });
    }

    /**
     * Every recipient has the message now: MAPI_SUBMITTED in PR_RECIPIENT_TYPE says so ([MS-OXOMSG] 2.2.3.1),
     * and a resend of the message skips them.
     */
    private static void markRecipientsSubmitted(Connection c, long messageId) throws SQLException {
        markRecipientsSubmitted(c, messageId, null);
    }

    /** Marks the recipients with the given row ids (all when {@code only} is null) MAPI_SUBMITTED. */
    private static void markRecipientsSubmitted(Connection c, long messageId, Set<Integer> only) throws SQLException {
        List<int[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT row_id, recipient_type FROM recipients WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (only == null || only.contains(rs.getInt(1))) {
                        rows.add(new int[] {rs.getInt(1), rs.getInt(2)});
                    }
                }
            }
        }
        // Bit operators differ between H2 and MariaDB, so the flag is set here rather than in SQL.
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE recipients SET recipient_type = ? WHERE message_id = ? AND row_id = ?")) {
            for (int[] r : rows) {
                ps.setInt(1, r[1] | RecipientType.MAPI_SUBMITTED);
                ps.setLong(2, messageId);
                ps.setInt(3, r[0]);
                ps.addBatch();
            }
            if (!rows.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Where a sent message goes: the folder its PR_SENTMAIL_ENTRYID names, if that is a folder of the same
     * store that holds messages; otherwise the store's Sent Items.
     */
    private StoreObjects.Located<FolderRow> sentFolder(Connection c, StoreObjects.LocatedMessage m,
            List<PropValue> props) throws SQLException {
        for (PropValue v : props) {
            if (v.tag().equals(PR_SENTMAIL_ENTRYID)) {
                Optional<EntryId> id = EntryId.tryParse((byte[]) v.javaValue());
                if (id.isPresent() && id.get().objectType() == MapiObjectType.MAPI_FOLDER
                        && id.get().storeGuid().equals(m.store().guid())) {
                    try {
                        var f = scope.ctx.objects().folder(c, id.get());
                        if (f.object().type() != org.koppel.mapi.FolderType.FOLDER_SEARCH) {
                            return f;
                        }
                    } catch (MapiException.NotFound e) {
                        // gone since it was set: Sent Items it is
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM folders WHERE store_id = ? AND role = ?")) {
            ps.setLong(1, m.store().id());
            ps.setString(2, WellKnownFolder.SENT_ITEMS.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("the store has no Sent Items folder");
                }
                return scope.ctx.objects().folder(c, scope.ctx.objects().folderEntryId(m.store(), rs.getLong(1)));
            }
        }
    }

    @Override
    public void failed(EntryId message, String reason, boolean permanent) {
        requireSystem();
        String why = reason == null ? "" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        if (permanent) {
            scope.write((c, events) -> {
                var m = dequeue(c, message);
                MessageRow row = m.message();
                messages.rewriteWithFlags(c, m, PropertyCodec.decode(row.props()), MessageView.recipients(c, row.id()),
                        MessageFlags.MSGFLAG_SUBMIT.clear(row.messageFlags()), null);
                EngineMessages.modified(events, m);
                return null;
            });
            return;
        }
        long now = System.currentTimeMillis();
        scope.tx(c -> {
            long id = queuedMessageId(c, message).orElseThrow(
                    () -> new MapiException.NotFound("the message is not in the outgoing queue"));
            scheduleRetry(c, id, why, now);
            return null;
        });
    }

    /** Releases the claim and sets the next attempt after a delay that doubles with every failure. */
    private void scheduleRetry(Connection c, long id, String why, long now) throws SQLException {
        int attempts = SubmitQueue.find(c, id).map(SubmitQueue.Entry::attempts).orElse(0) + 1;
        try (PreparedStatement ps = c.prepareStatement("UPDATE outgoing_queue SET locked_until_ms = 0,"
                + " retry_ms = ?, attempts = ?, last_error = ? WHERE message_id = ?")) {
            ps.setLong(1, now + retryDelay(scope.ctx.config().submitRetryDelay(), attempts).toMillis());
            ps.setInt(2, attempts);
            ps.setString(3, why);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** The wait before the next attempt after {@code attempts} temporary failures. */
    static Duration retryDelay(Duration first, int attempts) {
        Duration d = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration max = first.compareTo(MAX_RETRY) > 0 ? first : MAX_RETRY;
        return d.compareTo(max) > 0 ? max : d;
    }
}
