package org.koppel.store.core.blob;

import org.koppel.store.core.db.DatabaseKind;

class DatabaseBlobStoreOnH2Test extends DatabaseBlobStoreBehaviour {

    @Override
    DatabaseKind databaseKind() {
        return DatabaseKind.H2;
    }
}
