package org.koppel.store.core.db;

/** The SQL databases the store runs on. */
public enum DatabaseKind {
    /** Embedded H2 in MariaDB compatibility mode, a file under the data directory: the default. */
    H2,
    /** MariaDB or MySQL through Connector/J: production. */
    MYSQL
}
