package org.koppel.eas.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** {@link SentMail} over eas_sent_mail; each call one transaction, the claim under the device row's lock. */
final class SqlSentMail implements SentMail {

    private static final int MAX_CLIENT_ID = 256;
    private static final long RETENTION_MILLIS = Duration.ofDays(RETENTION_DAYS).toMillis();

    private final StateDatabase db;
    private final Clock clock;

    SqlSentMail(StateDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Claim claim(DeviceAccount account, String clientId, long staleAfterSeconds) {
        check(account, clientId);
        long now = clock.millis();
        return db.transaction(c -> {
            // The device row's lock orders two requests of one account with the same ClientId.
            long ref = DeviceRefs.require(c, account, true);
            Optional<String[]> row = find(c, ref, clientId);
            if (row.isPresent()) {
                String state = row.get()[0];
                long claimedAt = Long.parseLong(row.get()[1]);
                if (state.equals("SENT") && now - claimedAt <= RETENTION_MILLIS) {
                    return Claim.SENT;
                }
                if (state.equals("SENDING") && now - claimedAt <= staleAfterSeconds * 1000) {
                    return Claim.IN_PROGRESS;
                }
                KeyChain.update(c, "UPDATE eas_sent_mail SET state = 'SENDING', claimed_at = ? "
                        + "WHERE device_ref = ? AND client_id = ?", now, ref, clientId);
                return Claim.NEW;
            }
            KeyChain.update(c, "DELETE FROM eas_sent_mail WHERE device_ref = ? AND claimed_at < ?", ref,
                    now - RETENTION_MILLIS);
            trim(c, ref);
            KeyChain.update(c, "INSERT INTO eas_sent_mail (device_ref, client_id, state, claimed_at) "
                    + "VALUES (?, ?, 'SENDING', ?)", ref, clientId, now);
            return Claim.NEW;
        });
    }

    @Override
    public void sent(DeviceAccount account, String clientId) {
        check(account, clientId);
        long now = clock.millis();
        db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            return KeyChain.update(c, "UPDATE eas_sent_mail SET state = 'SENT', claimed_at = ? "
                    + "WHERE device_ref = ? AND client_id = ?", now, ref, clientId);
        });
    }

    @Override
    public void release(DeviceAccount account, String clientId) {
        check(account, clientId);
        db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            return KeyChain.update(c, "DELETE FROM eas_sent_mail WHERE device_ref = ? AND client_id = ? "
                    + "AND state = 'SENDING'", ref, clientId);
        });
    }

    private static void check(DeviceAccount account, String clientId) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
            throw new IllegalArgumentException("a ClientId has 1 to " + MAX_CLIENT_ID + " characters");
        }
    }

    private static Optional<String[]> find(Connection c, long ref, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, claimed_at FROM eas_sent_mail WHERE device_ref = ? AND client_id = ?")) {
            ps.setLong(1, ref);
            ps.setString(2, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), Long.toString(rs.getLong(2))})
                        : Optional.empty();
            }
        }
    }

    /** Makes room for one more: the oldest beyond MAX_PER_ACCOUNT - 1 go. */
    private static void trim(Connection c, long ref) throws SQLException {
        long cutoff;
        try (PreparedStatement ps = c.prepareStatement("SELECT claimed_at FROM eas_sent_mail WHERE device_ref = ? "
                + "ORDER BY claimed_at DESC LIMIT 1 OFFSET " + (MAX_PER_ACCOUNT - 1))) {
            ps.setLong(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                cutoff = rs.getLong(1);
            }
        }
        KeyChain.update(c, "DELETE FROM eas_sent_mail WHERE device_ref = ? AND claimed_at <= ?", ref, cutoff);
    }
}
