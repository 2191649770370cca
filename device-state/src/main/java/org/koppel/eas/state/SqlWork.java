package org.koppel.eas.state;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run inside one database transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
