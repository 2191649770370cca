package org.koppel.backend;

/** Sync Conflict (MS-ASCMD 2.2.3.34): who wins when the client changed an item the server changed too. */
public enum ConflictPolicy {
    /** 0: the client's change is applied over the server's. */
    CLIENT_WINS,
    /** 1 (the default): the server's version stays and is sent to the client. */
    SERVER_WINS
}
