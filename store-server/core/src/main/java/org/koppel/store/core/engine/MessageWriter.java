package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.core.blob.BlobRef;
import org.koppel.store.core.blob.TieredBlobStore;
import org.koppel.store.core.db.StatementBatch;
import org.koppel.store.core.props.PropertyCodec;

/**
 * Writes whole message trees (a message, its recipients, its attachments and embedded messages) and
 * deletes and copies them, inside the caller's transaction. Attachment data is put into the blob store
 * before the transaction ({@link #prepare}), so the transaction itself only records references.
 */
final class MessageWriter {

    /** Flags the store computes; a client's value for them is ignored. */
    private static final int COMPUTED_FLAGS = EngineMessages.STORE_FLAGS;
    private static final int MAX_EMBEDDING_DEPTH = 32;

    private final TieredBlobStore blobs;
    private final StoreWriteLock lock;
    private final PropertyRules rules;
    private final long maxAttachmentBytes;

    MessageWriter(TieredBlobStore blobs, StoreWriteLock lock, PropertyRules rules, long maxAttachmentBytes) {
        this.blobs = blobs;
        this.lock = lock;
        this.rules = rules;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** Attachment data of a content tree, already in the blob store. */
    record Prepared(MessageContent content, Map<AttachmentContent.ByValue, PreparedData> blobRefs) {
    }

    /** One attachment's data, ready for the message's transaction. */
    sealed interface PreparedData {
        long sizeBytes();
    }

    /** Already durable in the blob store; the transaction adds a reference. */
    record Stored(BlobRef ref) implements PreparedData {
        @Override
        public long sizeBytes() {
            return ref.sizeBytes();
        }
    }

    /** Small enough to be held here and written by the transaction itself (see {@link TieredBlobStore}). */
    record Small(byte[] data) implements PreparedData {
        @Override
        public long sizeBytes() {
            return data.length;
        }
    }

    /**
     * The most small attachment data of one message tree held in memory until its transaction; the rest of a
     * message with many small attachments streams to the blob store as before.
     */
    static final long SMALL_DATA_PER_MESSAGE = TieredBlobStore.SMALL_MAX_LIMIT;

    /** The result of inserting a message tree. */
    record Inserted(long id, long sizeBytes, int flags, boolean associated, String messageClass) {
    }

    /** Validates the tree and streams its attachment data into the blob store (outside any transaction). */
    Prepared prepare(MessageContent content) {
        Map<AttachmentContent.ByValue, PreparedData> refs = new IdentityHashMap<>();
        validate(content, 0);
        putBlobs(content, refs);
        return new Prepared(content, refs);
    }

    /**
     * Prepares several messages; their attachment data is written concurrently, so the blob store's
     * flushes to disk overlap instead of queueing one behind another.
     */
    List<Prepared> prepareAll(List<MessageContent> contents) {
        for (MessageContent content : contents) {
            validate(content, 0);
        }
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Prepared>> futures = new ArrayList<>(contents.size());
            for (MessageContent content : contents) {
                futures.add(pool.submit(() -> {
                    Map<AttachmentContent.ByValue, PreparedData> refs = new IdentityHashMap<>();
                    putBlobs(content, refs);
                    return new Prepared(content, refs);
                }));
            }
            List<Prepared> out = new ArrayList<>(futures.size());
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MapiException.CallFailed("interrupted while storing attachments", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new MapiException.CallFailed("storing attachments failed", e.getCause());
        }
    }

    private void validate(MessageContent content, int depth) {
        if (depth > MAX_EMBEDDING_DEPTH) {
            throw new MapiException.TooComplex("embedded messages nested deeper than " + MAX_EMBEDDING_DEPTH);
        }
        rules.writable(content.properties(), Set.of());
        for (Recipient r : content.recipients()) {
            rules.writable(r.properties(), Set.of());
        }
        for (AttachmentContent a : content.attachments()) {
            rules.writable(a.properties(), Set.of());
            if (a instanceof AttachmentContent.Embedded e) {
                validate(e.message(), depth + 1);
            }
        }
    }

    private void putBlobs(MessageContent content, Map<AttachmentContent.ByValue, PreparedData> refs) {
        putBlobs(content, refs, new long[] {SMALL_DATA_PER_MESSAGE});
    }

    private void putBlobs(MessageContent content, Map<AttachmentContent.ByValue, PreparedData> refs,
            long[] smallBudget) {
        for (AttachmentContent a : content.attachments()) {
            switch (a) {
                case AttachmentContent.ByValue bv -> {
                    PreparedData data = putBlob(bv, smallBudget[0]);
                    if (data instanceof Small small) {
                        smallBudget[0] -= small.sizeBytes();
                    }
                    refs.put(bv, data);
                }
                case AttachmentContent.Embedded e -> putBlobs(e.message(), refs, smallBudget);
            }
        }
    }

    /**
     * Reads up to the small limit into memory; data that ends there is kept for the transaction, anything
     * longer streams (what was read first, then the rest) into the blob store now.
     */
    private PreparedData putBlob(AttachmentContent.ByValue attachment, long smallBudget) {
        long smallMax = Math.min(Math.min(blobs.smallMaxBytes(), smallBudget), maxAttachmentBytes);
        try (InputStream in = attachment.data().open()) {
            if (smallMax <= 0) {
                return new Stored(blobs.put(in, maxAttachmentBytes));
            }
            byte[] head = in.readNBytes((int) smallMax + 1);
            if (head.length <= smallMax) {
                return new Small(head);
            }
            return new Stored(blobs.put(new SequenceInputStream(new ByteArrayInputStream(head), in),
                    maxAttachmentBytes));
        } catch (IOException e) {
            throw new MapiException.CallFailed("reading attachment data failed: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts the message tree into a folder, adding its size to the store (refused past the hard quota) and
     * its counts to the folder.
     */
    Inserted insert(Connection c, StoreRow store, long folderId, Caller caller, Prepared prepared, QuotaPolicy quotas)
            throws SQLException {
        return insertAll(c, store, folderId, caller, List.of(prepared), quotas).get(0);
    }

    /**
     * Inserts several message trees into a folder with one store update for all their change numbers and
     * sizes, one folder update for their counts, and the message and recipient rows as statement batches:
     * what makes imports fast.
     */
    List<Inserted> insertAll(Connection c, StoreRow store, long folderId, Caller caller, List<Prepared> prepared,
            QuotaPolicy quotas) throws SQLException {
        List<NewRow> rows = new ArrayList<>(prepared.size());
        long total = 0;
        for (Prepared p : prepared) {
            NewRow row = plan(c, store, p.content(), p.blobRefs());
            rows.add(row);
            total += row.size();
        }
        long firstCn = lock.reserveAndGrow(c, store, rows.size(), total, quotas);
        long[] ids = new long[rows.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE, Statement.RETURN_GENERATED_KEYS)) {
            StatementBatch batch = new StatementBatch(ps, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                bind(ps, store, folderId, null, caller, rows.get(i), firstCn + i);
                batch.add();
            }
            batch.execute();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned " + i + " keys for " + ids.length + " rows");
                    }
                    ids[i] = keys.getLong(1);
                }
            }
        }
        FolderCounters counters = new FolderCounters(0, 0, 0, 0, 0);
        for (NewRow row : rows) {
            counters = counters.plus(FolderCounters.forMessage(row.associated(),
                    (row.flags() & MessageFlags.MSGFLAG_READ.value()) != 0, row.size(), 1));
        }
        counters.applyToEntered(c, folderId, firstCn + rows.size() - 1);
        List<Inserted> out = new ArrayList<>(rows.size());
        int recipients = prepared.stream().mapToInt(p -> p.content().recipients().size()).sum();
        if (recipients > 0) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_RECIPIENT)) {
                StatementBatch batch = new StatementBatch(ps, recipients);
                for (int i = 0; i < rows.size(); i++) {
                    addRecipients(batch, ps, ids[i], prepared.get(i).content().recipients());
                }
                batch.execute();
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Prepared p = prepared.get(i);
            int num = 0;
            for (AttachmentContent a : p.content().attachments()) {
                insertAttachment(c, store, ids[i], num++, caller, a, p.blobRefs());
            }
            NewRow row = rows.get(i);
            out.add(new Inserted(ids[i], row.size(), row.flags(), row.associated(), row.promoted().messageClass()));
        }
        return out;
    }

    /** An embedded message: reserves its own change number, adds nothing to the store (its holder counts it). */
    private Inserted insertEmbedded(Connection c, StoreRow store, long parentAttachId, Caller caller,
            MessageContent content, Map<AttachmentContent.ByValue, PreparedData> refs) throws SQLException {
        NewRow row = plan(c, store, content, refs);
        long cn = lock.lockAndReserve(c, store.id(), 1);
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, store, null, parentAttachId, caller, row, cn);
            ps.executeUpdate();
            id = generatedKey(ps);
        }
        insertRecipients(c, id, content.recipients());
        int num = 0;
        for (AttachmentContent a : content.attachments()) {
            insertAttachment(c, store, id, num++, caller, a, refs);
        }
        return new Inserted(id, row.size(), row.flags(), row.associated(), row.promoted().messageClass());
    }

    private static final String INSERT_MESSAGE = "INSERT INTO messages (store_id, folder_id, parent_attach_id,"
            + " associated, deleted, message_class, subject, sender_name, display_to, delivery_ticks,"
            + " modified_ticks, created_ticks, message_flags, importance, has_attach, size_bytes, source_key,"
            + " change_number, change_key, pcl, creator_id, props, entered_cn, touched_cn)"
            + " VALUES (?,?,?,?,FALSE,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static final String INSERT_RECIPIENT = "INSERT INTO recipients (message_id, row_id, recipient_type,"
            + " display_name, email, props) VALUES (?,?,?,?,?,?)";

    /** A message row ready to insert, lacking only its change number and id. */
    private record NewRow(byte[] propBytes, int flags, boolean associated, boolean hasAttach, long size,
            Promoted promoted, long now) {
    }

    /** Checks the content against the store (named ids) and works out the row's columns and size. */
    private NewRow plan(Connection c, StoreRow store, MessageContent content, Map<AttachmentContent.ByValue, PreparedData> refs)
            throws SQLException {
        List<PropValue> props = rules.writable(content.properties(), Set.of());
        List<PropTag> tags = new ArrayList<>();
        props.forEach(p -> tags.add(p.tag()));
        content.recipients().forEach(r -> r.properties().forEach(p -> tags.add(p.tag())));
        content.attachments().forEach(a -> a.properties().forEach(p -> tags.add(p.tag())));
        rules.checkNamedIds(c, store.id(), tags);

        int flags = 0;
        List<PropValue> stored = new ArrayList<>(props.size());
        for (PropValue p : props) {
            if (p.tag().equals(PR_MESSAGE_FLAGS)) {
                flags = ((PropValue.LongValue) p).value() & ~COMPUTED_FLAGS;
            } else {
                stored.add(p);
            }
        }
        boolean associated = content.associated();
        if (associated) {
            flags |= MessageFlags.MSGFLAG_ASSOCIATED.value();
        }
        boolean hasAttach = !content.attachments().isEmpty();
        if (hasAttach) {
            flags |= MessageFlags.MSGFLAG_HASATTACH.value();
        }
        long size = propsSize(stored) + recipientsSize(content.recipients()) + attachmentsSize(content, refs);
        long now = FileTime.toTicks(Instant.now());
        return new NewRow(PropertyCodec.encode(stored), flags, associated, hasAttach, size,
                Promoted.of(stored, content.recipients(), now), now);
    }

    private static void bind(PreparedStatement ps, StoreRow store, Long folderId, Long parentAttachId, Caller caller,
            NewRow row, long cn) throws SQLException {
        byte[] changeKey = ChangeKeys.changeKey(store.guid(), cn);
        int i = 1;
        ps.setLong(i++, store.id());
        setNullableLong(ps, i++, folderId);
        setNullableLong(ps, i++, parentAttachId);
        ps.setBoolean(i++, row.associated());
        ps.setString(i++, row.promoted().messageClass());
        ps.setString(i++, row.promoted().subject());
        ps.setString(i++, row.promoted().senderName());
        ps.setString(i++, row.promoted().displayTo());
        ps.setLong(i++, row.promoted().deliveryTicks());
        ps.setLong(i++, row.now());
        ps.setLong(i++, row.now());
        ps.setInt(i++, row.flags());
        ps.setInt(i++, row.promoted().importance());
        ps.setBoolean(i++, row.hasAttach());
        ps.setLong(i++, row.size());
        ps.setBytes(i++, ChangeKeys.sourceKey(store.guid(), cn));
        ps.setLong(i++, cn);
        ps.setBytes(i++, changeKey);
        ps.setBytes(i++, ChangeKeys.pclWith(null, changeKey));
        setNullableLong(ps, i++, caller.system() ? null : caller.userId());
        ps.setBytes(i++, row.propBytes());
        ps.setLong(i++, cn);
        ps.setLong(i, cn);
    }

    /** Inserts one attachment row (and its embedded message); returns its size. */
    long insertAttachment(Connection c, StoreRow store, long messageId, int attachNum, Caller caller,
            AttachmentContent a, Map<AttachmentContent.ByValue, PreparedData> refs) throws SQLException {
        List<PropValue> props = rules.writable(a.properties(), Set.of());
        long size = propsSize(props);
        AttachMethod method;
        BlobRef blob = null;
        boolean referenced = false;
        if (a instanceof AttachmentContent.ByValue bv) {
            PreparedData data = refs.get(bv);
            switch (data) {
                case null -> throw new IllegalStateException("attachment data was not prepared");
                case Stored stored -> blob = stored.ref();
                case Small small -> {
                    blob = blobs.insertReferenced(c, small.data());
                    referenced = true;
                }
            }
            size += blob.sizeBytes();
            method = AttachMethod.ATTACH_BY_VALUE;
        } else {
            method = AttachMethod.ATTACH_EMBEDDED_MSG;
        }
        long attachId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachments (message_id, attach_num, method,"
                + " size_bytes, blob_key, props) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, messageId);
            ps.setInt(2, attachNum);
            ps.setInt(3, method.code());
            ps.setLong(4, size);
            ps.setString(5, blob == null ? null : blob.key());
            ps.setBytes(6, PropertyCodec.encode(props));
            ps.executeUpdate();
            attachId = generatedKey(ps);
        }
        if (blob != null) {
            if (!referenced) {
                blobs.addReference(c, blob);
            }
        } else {
            AttachmentContent.Embedded e = (AttachmentContent.Embedded) a;
            Inserted embedded = insertEmbedded(c, store, attachId, caller, e.message(), refs);
            size += embedded.sizeBytes();
            try (PreparedStatement ps = c.prepareStatement("UPDATE attachments SET size_bytes = ? WHERE id = ?")) {
                ps.setLong(1, size);
                ps.setLong(2, attachId);
                ps.executeUpdate();
            }
        }
        return size;
    }

    void insertRecipients(Connection c, long messageId, List<Recipient> recipients) throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_RECIPIENT)) {
            StatementBatch batch = new StatementBatch(ps, recipients.size());
            addRecipients(batch, ps, messageId, recipients);
            batch.execute();
        }
    }

    /** Adds the recipient rows to a batch of INSERT_RECIPIENT. */
    private static void addRecipients(StatementBatch batch, PreparedStatement ps, long messageId,
            List<Recipient> recipients) throws SQLException {
        int row = 0;
        for (Recipient r : recipients) {
            // PR_RECIPIENT_TYPE among the properties (a recipient as loaded, with MAPI_P1 or MAPI_SUBMITTED)
            // lends its flags to the type column instead of being stored twice.
            int type = r.type().code();
            List<PropValue> props = r.properties();
            for (PropValue p : props) {
                if (p.tag().id() == PR_RECIPIENT_TYPE.id() && p instanceof PropValue.LongValue v) {
                    type |= v.value() & (RecipientType.MAPI_P1 | RecipientType.MAPI_SUBMITTED);
                }
            }
            if (props.stream().anyMatch(p -> p.tag().id() == PR_RECIPIENT_TYPE.id())) {
                props = props.stream().filter(p -> p.tag().id() != PR_RECIPIENT_TYPE.id()).toList();
            }
            ps.setLong(1, messageId);
            ps.setInt(2, row++);
            ps.setInt(3, type);
            ps.setString(4, Promoted.clip(r.displayName()));
            ps.setString(5, Promoted.clip(r.email()));
            ps.setBytes(6, props.isEmpty() ? null : PropertyCodec.encode(props));
            batch.add();
        }
    }

    /**
     * Removes a message tree for good, dropping its attachment data references; returns the bytes freed.
     */
    long deleteHard(Connection c, long messageId) throws SQLException {
        long size = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT size_bytes FROM messages WHERE id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    size = rs.getLong(1);
                }
            }
        }
        deleteTree(c, messageId, 0);
        return size;
    }

    private void deleteTree(Connection c, long messageId, int depth) throws SQLException {
        if (depth > MAX_EMBEDDING_DEPTH + 1) {
            throw new MapiException.CorruptData("embedded messages nested too deep");
        }
        List<long[]> embedded = new ArrayList<>();
        List<BlobRef> refs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT a.id, a.blob_key, a.size_bytes, m.id FROM attachments a"
                        + " LEFT JOIN messages m ON m.parent_attach_id = a.id WHERE a.message_id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(2);
                    if (key != null) {
                        refs.add(new BlobRef(key, rs.getLong(3)));
                    }
                    long child = rs.getLong(4);
                    if (!rs.wasNull()) {
                        embedded.add(new long[] {child});
                    }
                }
            }
        }
        for (long[] child : embedded) {
            deleteTree(c, child[0], depth + 1);
        }
        for (BlobRef ref : refs) {
            blobs.removeReference(c, ref);
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM messages WHERE id = ?")) {
            ps.setLong(1, messageId);
            ps.executeUpdate();
        }
    }

    /**
     * Copies a message tree into a folder (or under an attachment) of {@code target}; properties with
     * named ids are carried over by name when the stores differ.
     */
    long copy(Connection c, long sourceId, StoreRow target, Long folderId, Long parentAttachId, Caller caller,
            NamedPropertyMap names, long sourceStoreId, int depth) throws SQLException {
        if (depth > MAX_EMBEDDING_DEPTH + 1) {
            throw new MapiException.CorruptData("embedded messages nested too deep");
        }
        long cn = lock.lockAndReserve(c, target.id(), 1);
        long now = FileTime.toTicks(Instant.now());
        byte[] ck = ChangeKeys.changeKey(target.guid(), cn);
        boolean sameStore = sourceStoreId == target.id();
        long id;
        byte[] props;
        try (PreparedStatement sel = c.prepareStatement("SELECT associated, message_class, subject, sender_name,"
                + " display_to, delivery_ticks, message_flags, importance, has_attach, size_bytes, props"
                + " FROM messages WHERE id = ?")) {
            sel.setLong(1, sourceId);
            try (ResultSet rs = sel.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("message does not exist");
                }
                props = rs.getBytes(11);
                if (!sameStore) {
                    props = PropertyCodec.encode(names.translate(c, sourceStoreId, target.id(),
                            PropertyCodec.decode(props)));
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (store_id, folder_id,"
                        + " parent_attach_id, associated, deleted, message_class, subject, sender_name, display_to,"
                        + " delivery_ticks, modified_ticks, created_ticks, message_flags, importance, has_attach,"
                        + " size_bytes, source_key, change_number, change_key, pcl, creator_id, props, entered_cn,"
                        + " touched_cn) VALUES (?,?,?,?,FALSE,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    int i = 1;
                    ps.setLong(i++, target.id());
                    setNullableLong(ps, i++, folderId);
                    setNullableLong(ps, i++, parentAttachId);
                    ps.setBoolean(i++, rs.getBoolean(1));
                    ps.setString(i++, rs.getString(2));
                    ps.setString(i++, rs.getString(3));
                    ps.setString(i++, rs.getString(4));
                    ps.setString(i++, rs.getString(5));
                    ps.setLong(i++, rs.getLong(6));
                    ps.setLong(i++, now);
                    ps.setLong(i++, now);
                    // A copy is not in the outgoing queue, so it is not submitted either.
                    ps.setInt(i++, MessageFlags.MSGFLAG_SUBMIT.clear(rs.getInt(7)));
                    ps.setInt(i++, rs.getInt(8));
                    ps.setBoolean(i++, rs.getBoolean(9));
                    ps.setLong(i++, rs.getLong(10));
                    ps.setBytes(i++, ChangeKeys.sourceKey(target.guid(), cn));
                    ps.setLong(i++, cn);
                    ps.setBytes(i++, ck);
                    ps.setBytes(i++, ChangeKeys.pclWith(null, ck));
                    setNullableLong(ps, i++, caller.system() ? null : caller.userId());
                    ps.setBytes(i++, props);
                    ps.setLong(i++, cn);
                    ps.setLong(i, cn);
                    ps.executeUpdate();
                    id = generatedKey(ps);
                }
            }
        }
        if (folderId != null) {
            ChangeTrail.entered(c, folderId, cn);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipients (message_id, row_id, recipient_type,"
                + " display_name, email, props) SELECT ?, row_id, recipient_type, display_name, email, props"
                + " FROM recipients WHERE message_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, sourceId);
            ps.executeUpdate();
        }
        if (!sameStore) {
            translateRecipientProps(c, id, names, sourceStoreId, target.id());
        }
        List<Object[]> atts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.attach_num, a.method, a.size_bytes,"
                + " a.blob_key, a.props, m.id FROM attachments a LEFT JOIN messages m ON m.parent_attach_id = a.id"
                + " WHERE a.message_id = ? ORDER BY a.attach_num")) {
            ps.setLong(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // wasNull() speaks of the column read last, so the embedded message's id is read last.
                    Object[] row = {rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getBytes(6), null};
                    long emb = rs.getLong(7);
                    row[5] = rs.wasNull() ? null : emb;
                    atts.add(row);
                }
            }
        }
        for (Object[] a : atts) {
            byte[] aprops = (byte[]) a[4];
            if (!sameStore && aprops != null) {
                aprops = PropertyCodec.encode(names.translate(c, sourceStoreId, target.id(),
                        PropertyCodec.decode(aprops)));
            }
            long newAttach;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachments (message_id, attach_num, method,"
                    + " size_bytes, blob_key, props) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, id);
                ps.setInt(2, (Integer) a[0]);
                ps.setInt(3, (Integer) a[1]);
                ps.setLong(4, (Long) a[2]);
                ps.setString(5, (String) a[3]);
                ps.setBytes(6, aprops);
                ps.executeUpdate();
                newAttach = generatedKey(ps);
            }
            if (a[3] != null) {
                blobs.addReference(c, new BlobRef((String) a[3], 0));
            }
            if (a[5] != null) {
                copy(c, (Long) a[5], target, null, newAttach, caller, names, sourceStoreId, depth + 1);
            }
        }
        return id;
    }

    private static void translateRecipientProps(Connection c, long messageId, NamedPropertyMap names, long from,
            long to) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT row_id, props FROM recipients WHERE message_id = ? AND props IS NOT NULL")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getInt(1), rs.getBytes(2)});
                }
            }
        }
        for (Object[] r : rows) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE recipients SET props = ? WHERE message_id = ? AND row_id = ?")) {
                ps.setBytes(1, PropertyCodec.encode(names.translate(c, from, to, PropertyCodec.decode((byte[]) r[1]))));
                ps.setLong(2, messageId);
                ps.setInt(3, (Integer) r[0]);
                ps.executeUpdate();
            }
        }
    }

    static long propsSize(List<PropValue> props) {
        long n = 0;
        for (PropValue p : props) {
            n += PropertyCodec.sizeOf(p);
        }
        return n;
    }

    static long recipientsSize(List<Recipient> recipients) {
        long n = 0;
        for (Recipient r : recipients) {
            n += 2L * (r.displayName().length() + r.email().length()) + 8 + propsSize(r.properties());
        }
        return n;
    }

    private static long attachmentsSize(MessageContent content, Map<AttachmentContent.ByValue, PreparedData> refs) {
        long n = 0;
        for (AttachmentContent a : content.attachments()) {
            n += propsSize(a.properties());
            n += switch (a) {
                case AttachmentContent.ByValue bv -> refs.get(bv).sizeBytes();
                case AttachmentContent.Embedded e -> propsSize(e.message().properties())
                        + recipientsSize(e.message().recipients()) + attachmentsSize(e.message(), refs);
            };
        }
        return n;
    }

    static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }

    /** The hot properties copied into columns for listing and sorting in SQL. */
    record Promoted(String messageClass, String subject, String senderName, String displayTo, long deliveryTicks,
            int importance) {

        static Promoted of(List<PropValue> props, List<Recipient> recipients, long nowTicks) {
            String cls = "IPM.Note";
            String subject = "";
            String sender = null;
            String representing = "";
            Long delivery = null;
            Long submit = null;
            int importance = 1;
            for (PropValue p : props) {
                PropTag t = p.tag();
                if (t.equals(PR_MESSAGE_CLASS)) {
                    cls = (String) p.javaValue();
                } else if (t.equals(PR_SUBJECT)) {
                    subject = (String) p.javaValue();
                } else if (t.equals(PR_SENDER_NAME)) {
                    sender = (String) p.javaValue();
                } else if (t.equals(PR_SENT_REPRESENTING_NAME)) {
                    representing = (String) p.javaValue();
                } else if (t.equals(PR_MESSAGE_DELIVERY_TIME)) {
                    delivery = FileTime.toTicks((Instant) p.javaValue());
                } else if (t.equals(PR_CLIENT_SUBMIT_TIME)) {
                    submit = FileTime.toTicks((Instant) p.javaValue());
                } else if (t.equals(PR_IMPORTANCE)) {
                    importance = (Integer) p.javaValue();
                }
            }
            StringBuilder to = new StringBuilder();
            for (Recipient r : recipients) {
                if (r.type() == RecipientType.MAPI_TO) {
                    if (!to.isEmpty()) {
                        to.append("; ");
                    }
                    to.append(r.displayName().isEmpty() ? r.email() : r.displayName());
                }
            }
            long when = delivery != null ? delivery : submit != null ? submit : nowTicks;
            return new Promoted(clip(cls), clip(subject), clip(sender != null ? sender : representing),
                    clip(to.toString()), when, importance);
        }

        /** Column copies hold at most 255 characters; the property itself keeps the whole value. */
        static String clip(String s) {
            if (s.length() <= 255) {
                return s;
            }
            int end = Character.isHighSurrogate(s.charAt(254)) ? 254 : 255;
            return s.substring(0, end);
        }
    }
}
