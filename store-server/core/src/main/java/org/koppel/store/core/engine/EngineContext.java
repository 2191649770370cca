package org.koppel.store.core.engine;

import org.koppel.store.core.blob.BlobStore;
import org.koppel.store.core.db.Database;
import org.koppel.store.core.directory.UserDirectory;
import org.koppel.store.core.notify.NotificationHub;

/** The engine's shared parts, handed to each capability of a session. */
record EngineContext(
        Database db,
        BlobStore blobs,
        EngineConfig config,
        StoreObjects objects,
        AccessControl access,
        StoreWriteLock lock,
        PropertyRules rules,
        MessageWriter writer,
        NamedPropertyMap names,
        StoreFactory factory,
        QuotaPolicy quotas,
        UserDirectory directory,
        EventPublisher publisher,
        NotificationHub notifications,
        java.security.SecureRandom random,
        SearchFolders searches,
        ReceiveFolderIds receiveFolders) {

    /** The named-property mappings known committed (shared by the map and the property checks). */
    CommittedNames committedNames() {
        return names.committed();
    }
}
