package org.koppel.store.core.engine;

/** Who a session acts as: a directory user, or the system administrator identity of the services. */
record Caller(long userId, String login, boolean admin, boolean system) {

    static final long SYSTEM_ID = 0;

    static Caller systemAdmin() {
        return new Caller(SYSTEM_ID, "SYSTEM", true, true);
    }
}
