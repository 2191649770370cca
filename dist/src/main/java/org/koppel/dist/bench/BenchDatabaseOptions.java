package org.koppel.dist.bench;

import picocli.CommandLine.Option;

/** The database options every store benchmark takes (a picocli mixin). */
final class BenchDatabaseOptions {

    enum Db { EMBEDDED, MARIADB }

    @Option(names = "--db", defaultValue = "embedded", paramLabel = "embedded|mariadb",
            description = "embedded (H2 in a temp directory) or mariadb (a fresh database on --db-host). Default: ${DEFAULT-VALUE}.")
    Db db;

    @Option(names = "--db-host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "MariaDB host (--db mariadb). Default: ${DEFAULT-VALUE}.")
    String dbHost;

    @Option(names = "--db-port", defaultValue = "3306", paramLabel = "PORT", description = "MariaDB port. Default: ${DEFAULT-VALUE}.")
    int dbPort;

    @Option(names = "--db-user", defaultValue = "root", paramLabel = "USER", description = "MariaDB user, allowed to create and drop databases. Default: ${DEFAULT-VALUE}.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", paramLabel = "PASSWORD", description = "MariaDB password. Default: empty.")
    String dbPassword;

    /** A fresh database of the chosen kind, removed when closed. */
    BenchDatabase open(boolean attachmentsInDatabase) {
        return db == Db.MARIADB
                ? BenchDatabase.mariadb(dbHost, dbPort, dbUser, dbPassword, attachmentsInDatabase)
                : BenchDatabase.embedded(attachmentsInDatabase);
    }
}
