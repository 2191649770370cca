package org.koppel.backend;

/**
 * Told that something changed in a watched folder. It runs on a backend thread: it must return quickly
 * (complete a waiting request, hand work elsewhere) and must not throw. A backend may report a change more
 * than once, or one the client made itself: the gateway syncs to find out what it was.
 */
@FunctionalInterface
public interface PushListener {

    /** Items of a watched folder changed. */
    void changed(String folderId);

    /**
     * A folder was created, renamed, moved or deleted anywhere in the mailbox, watched or not (Ping Status 7:
     * the device must FolderSync). A backend may report changes the client does not see (a hidden folder, a
     * property of no interest): the gateway compares the hierarchy it gave the device with the backend's to
     * find out. Backends that cannot tell never call it.
     */
    default void hierarchyChanged() {
    }
}
