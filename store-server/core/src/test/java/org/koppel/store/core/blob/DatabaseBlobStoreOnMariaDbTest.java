package org.koppel.store.core.blob;

import org.koppel.store.core.db.DatabaseKind;

class DatabaseBlobStoreOnMariaDbTest extends DatabaseBlobStoreBehaviour {

    @Override
    DatabaseKind databaseKind() {
        return DatabaseKind.MYSQL;
    }
}
