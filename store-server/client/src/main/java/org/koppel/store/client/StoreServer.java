package org.koppel.store.client;

/**
 * The entry point of the session API: what a Koppel service holds to reach the store. The in-process
 * engine implements it directly; a remote transport implements it over the wire. Both pass the same
 * contract tests.
 */
public interface StoreServer {

    /** Authenticates and opens a session; bad credentials give MapiException.LogonFailed. */
    Session logon(Credentials credentials);
}
