package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** A write operation's body: runs in one transaction and records the events it causes. */
@FunctionalInterface
interface WriteWork<T> {
    T run(Connection connection, EventBuffer events) throws SQLException;
}
