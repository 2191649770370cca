package org.koppel.dist.config;

/** server.cfg {@code database_engine}: where the store keeps its tables. */
public enum DatabaseEngine {
    /** H2 in a file under the data directory: nothing to install, one process. */
    EMBEDDED,
    /** MariaDB or MySQL over the network. */
    MYSQL
}
