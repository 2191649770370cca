package org.koppel.store.core.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The rows of one prepared statement, sent as a JDBC batch when there are several and as a plain execute when
 * there is one. With {@code rewriteBatchedStatements} MariaDB's driver turns every batch into a statement of
 * its own text, which it prepares on the server and closes again after each call: two extra round trips that
 * a delivery of one message with one recipient paid three times over. A single row keeps to the cached
 * server-side statement.
 */
public final class StatementBatch {

    private final PreparedStatement statement;
    private final int rows;
    private int added;

    /**
     * @param rows how many rows will be added; decides between batch and plain execute up front, because a
     *             row's parameters are overwritten by the next one's
     */
    public StatementBatch(PreparedStatement statement, int rows) {
        this.statement = Objects.requireNonNull(statement, "statement");
        if (rows < 0) {
            throw new IllegalArgumentException("rows " + rows);
        }
        this.rows = rows;
    }

    /** The parameters of the next row are bound: keep them. */
    public void add() throws SQLException {
        if (++added > rows) {
            throw new IllegalStateException("more than the " + rows + " rows announced");
        }
        if (rows > 1) {
            statement.addBatch();
        }
    }

    /** Sends the rows (nothing when none were announced). */
    public void execute() throws SQLException {
        if (added != rows) {
            throw new IllegalStateException(added + " rows added of the " + rows + " announced");
        }
        if (rows == 1) {
            statement.executeUpdate();
        } else if (rows > 1) {
            statement.executeBatch();
        }
    }
}
