package org.koppel.gateway.pop3;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which users have a POP3 session in the TRANSACTION state on this server: RFC 1939 has the server lock the
 * maildrop, so a second login for the same user is refused with [IN-USE] (RFC 2449) while the first lasts.
 */
final class MaildropLocks {

    private final Set<Long> locked = ConcurrentHashMap.newKeySet();

    /** Takes the user's lock; false if another session holds it. */
    boolean lock(long userId) {
        return locked.add(userId);
    }

    void unlock(long userId) {
        locked.remove(userId);
    }
}
