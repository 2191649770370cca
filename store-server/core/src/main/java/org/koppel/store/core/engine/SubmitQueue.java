package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.koppel.mapi.MapiException;

/**
 * The outgoing_queue table: which messages are submitted, and the spooler's claims and retries. A message
 * is "submitted" exactly while it has a row here; MSGFLAG_SUBMIT mirrors that for clients.
 */
final class SubmitQueue {

    private SubmitQueue() {
    }

    /** A queue row. */
    record Entry(long messageId, long storeId, long submitMs, long lockedUntilMs, long retryMs, int attempts) {
    }

    static Optional<Entry> find(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, store_id, submit_ms, locked_until_ms,"
                + " retry_ms, attempts FROM outgoing_queue WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6))) : Optional.empty();
            }
        }
    }

    /**
     * Refuses a change to a submitted message with MAPI_E_SUBMITTED: the spooler may be reading it. The system
     * identity (the spooler itself) may change it.
     */
    static void requireNotSubmitted(Connection c, Caller caller, long topLevelMessageId) throws SQLException {
        if (!caller.system() && find(c, topLevelMessageId).isPresent()) {
            throw new MapiException.Submitted("the message is submitted; abort the submission to change it");
        }
    }

    static void add(Connection c, long messageId, long storeId, Long submitterId, long submitMs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outgoing_queue (message_id, store_id,"
                + " submitter_id, submit_ms) VALUES (?,?,?,?)")) {
            ps.setLong(1, messageId);
            ps.setLong(2, storeId);
            MessageWriter.setNullableLong(ps, 3, submitterId);
            ps.setLong(4, submitMs);
            ps.executeUpdate();
        }
    }

    /** Takes a message out of the queue; returns whether it was in it. */
    static boolean remove(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outgoing_queue WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            return ps.executeUpdate() > 0;
        }
    }
}
