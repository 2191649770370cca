package org.koppel.store.core.blob;

import org.koppel.store.core.db.DatabaseKind;

class FileBlobStoreOnMariaDbTest extends FileBlobStoreBehaviour {

    @Override
    DatabaseKind databaseKind() {
        return DatabaseKind.MYSQL;
    }
}
