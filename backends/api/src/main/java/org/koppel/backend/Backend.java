package org.koppel.backend;

/**
 * A mail source the gateway can log users on to. One instance serves every user and device; it holds no
 * per-user state, so a gateway node can be started twice in one JVM.
 */
public interface Backend {

    /**
     * Authenticates a user (login or any of their addresses) with a password and opens a session.
     *
     * @throws BackendException.AuthenticationFailed on bad credentials, without saying which part was wrong
     * @throws BackendException.Unavailable          when the mail source cannot be reached
     */
    BackendSession logon(String user, String password);

    /**
     * Opens a session for a user the gateway has already authenticated, with the backend's own service
     * identity: for work that outlives the request that authenticated (a Ping waiting for changes, a
     * heartbeat Sync), where the device's password is not kept. Backends without a service identity
     * throw {@link BackendException.NotSupported}.
     */
    BackendSession logonAs(String user);
}
