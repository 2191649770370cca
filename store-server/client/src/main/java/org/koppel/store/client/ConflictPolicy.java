package org.koppel.store.client;

/**
 * Who wins when an imported change and a change on the server were both made to the same version of a
 * message (neither predecessor change list includes the other's change key).
 */
public enum ConflictPolicy {
    /** The client's version replaces the server's. */
    CLIENT_WINS,
    /** The server keeps its version, and the next export sends it to the client. */
    SERVER_WINS
}
