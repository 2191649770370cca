package org.koppel.backend;

/**
 * Told that something changed in a watched folder. It runs on a backend thread: it must return quickly
 * (complete a waiting request, hand work elsewhere) and must not throw. A backend may report a change more
 * than once, or one the client made itself: the gateway syncs to find out what it was.
 */
@FunctionalInterface
public interface PushListener {
    void changed(String folderId);
}
