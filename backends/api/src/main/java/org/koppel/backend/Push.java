package org.koppel.backend;

import java.util.Set;

/**
 * Change notification without polling: the backend calls the listener when a watched folder changes, from
 * its own notification source (store notifications, IMAP IDLE, inotify). A waiting subscription holds no
 * thread, so a gateway can keep thousands of Pings open.
 */
public interface Push {

    /**
     * Starts watching folders for item changes, and the whole mailbox for folder changes
     * ({@link PushListener#hierarchyChanged}). The subscription ends when closed, or with the session at the latest.
     *
     * @throws BackendException.NotFound when a folder does not exist
     */
    Subscription watch(Set<String> folderIds, PushListener listener);
}
