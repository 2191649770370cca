package org.koppel.store.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.Restriction;

/**
 * How to export a folder's contents.
 *
 * @param normal          include ordinary messages
 * @param associated      include associated (FAI) messages
 * @param readStateOnly   report only read-state changes (no additions, modifications or removals)
 * @param restriction     only messages matching it; one that stops matching is reported as
 *                        {@link ChangeKind#LEFT_FILTER}. A state is tied to its restriction: exporting
 *                        with another one is refused as an invalid sync state.
 * @param receivedSince   only messages delivered at or after this time (PR_MESSAGE_DELIVERY_TIME); unlike
 *                        the restriction it may move between exports: messages falling out of the window
 *                        are reported as {@link ChangeKind#LEFT_FILTER}, messages coming into it as new
 * @param batchSize       the most changes one export returns; the state it returns resumes after them
 * @param columns         the properties to return with additions and modifications (besides the ones
 *                        every change carries: source key, entry id, flags, UID and MODSEQ)
 */
public record ContentsSyncOptions(
        boolean normal,
        boolean associated,
        boolean readStateOnly,
        Optional<Restriction> restriction,
        Optional<Instant> receivedSince,
        int batchSize,
        List<PropTag> columns) {

    /** The largest batch one export may ask for. */
    public static final int MAX_BATCH = 5000;

    public ContentsSyncOptions {
        columns = List.copyOf(columns);
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new MapiException.InvalidParameter("batch size must be 1.." + MAX_BATCH);
        }
        if (!normal && !associated) {
            throw new MapiException.InvalidParameter("export normal messages, associated ones or both");
        }
    }

    /** Ordinary messages, everything, batches of 500, no extra columns. */
    public static ContentsSyncOptions defaults() {
        return new ContentsSyncOptions(true, false, false, Optional.empty(), Optional.empty(), 500, List.of());
    }

    public ContentsSyncOptions withAssociated(boolean normal, boolean associated) {
        return new ContentsSyncOptions(normal, associated, readStateOnly, restriction, receivedSince, batchSize,
                columns);
    }

    public ContentsSyncOptions withReadStateOnly(boolean only) {
        return new ContentsSyncOptions(normal, associated, only, restriction, receivedSince, batchSize, columns);
    }

    public ContentsSyncOptions withRestriction(Restriction r) {
        return new ContentsSyncOptions(normal, associated, readStateOnly, Optional.ofNullable(r), receivedSince,
                batchSize, columns);
    }

    public ContentsSyncOptions withReceivedSince(Instant since) {
        return new ContentsSyncOptions(normal, associated, readStateOnly, restriction, Optional.ofNullable(since),
                batchSize, columns);
    }

    public ContentsSyncOptions withBatchSize(int size) {
        return new ContentsSyncOptions(normal, associated, readStateOnly, restriction, receivedSince, size, columns);
    }

    public ContentsSyncOptions withColumns(List<PropTag> tags) {
        return new ContentsSyncOptions(normal, associated, readStateOnly, restriction, receivedSince, batchSize,
                tags);
    }
}
