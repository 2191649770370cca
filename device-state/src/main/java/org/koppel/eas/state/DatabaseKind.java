package org.koppel.eas.state;

/** The SQL databases device state runs on: the same two the store supports. */
public enum DatabaseKind {
    /** Embedded H2 in MariaDB compatibility mode: the default, and the tests. */
    H2,
    /** MariaDB or MySQL through Connector/J: production, and several gateway nodes sharing one database. */
    MYSQL
}
