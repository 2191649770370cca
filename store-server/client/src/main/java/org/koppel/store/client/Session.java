package org.koppel.store.client;

/**
 * A logged-on session: who it is, and the store capabilities it can use. Every operation runs as this
 * session's user, is checked against ACLs, and is one transaction. A session is safe to use from
 * several threads.
 */
public interface Session extends AutoCloseable {

    /** The user this session acts as (after impersonation). */
    UserInfo user();

    Stores stores();

    Folders folders();

    Messages messages();

    Attachments attachments();

    Contents contents();

    Permissions permissions();

    Quotas quotas();

    NamedProperties namedProperties();

    ReceiveFolders receiveFolders();

    Directory directory();

    Notifications notifications();

    ChangeTracking changes();

    /**
     * The outgoing queue of every store, for the spooler: only the system identity (a service logged on
     * without impersonation) may use it; for anyone else this throws MAPI_E_NO_ACCESS.
     */
    OutgoingQueue outgoing();

    /** Ends the session; later calls fail. */
    @Override
    void close();
}
