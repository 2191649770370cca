package org.koppel.store.core.blob;

import org.koppel.store.core.db.DatabaseKind;

class FileBlobStoreOnH2Test extends FileBlobStoreBehaviour {

    @Override
    DatabaseKind databaseKind() {
        return DatabaseKind.H2;
    }
}
