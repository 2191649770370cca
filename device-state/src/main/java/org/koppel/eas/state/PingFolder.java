package org.koppel.eas.state;

import java.util.Objects;

/** One folder of a Ping request: its CollectionId and its Class (Email, Calendar, Contacts, Tasks, Notes). */
public record PingFolder(String collectionId, String folderClass) {

    public PingFolder {
        Objects.requireNonNull(collectionId, "collectionId");
        folderClass = folderClass == null ? "" : folderClass;
    }
}
