package org.koppel.backend.mapi;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.koppel.backend.Backend;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;

/**
 * The backend over a store server: each logon opens a store session for the user. With a service identity
 * (the gateway's service name and the store's service secret) it can also act for users the gateway has
 * authenticated, for push waits that outlive the request.
 */
public final class MapiBackend implements Backend {

    /** The gateway's identity towards the store, for {@link #logonAs}. */
    public record ServiceIdentity(String serviceName, String secret) {
        public ServiceIdentity {
            Objects.requireNonNull(serviceName, "serviceName");
            Objects.requireNonNull(secret, "secret");
        }
    }

    private final StoreServer store;
    private final Optional<ServiceIdentity> service;
    private final Clock clock;

    public MapiBackend(StoreServer store, Optional<ServiceIdentity> service, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BackendSession logon(String user, String password) {
        return open(new Credentials.Password(user, password));
    }

    @Override
    public BackendSession logonAs(String user) {
        ServiceIdentity id = service.orElseThrow(
                () -> new BackendException.NotSupported("no service identity configured", null));
        return open(new Credentials.Service(id.serviceName(), id.secret(), user));
    }

    private BackendSession open(Credentials credentials) {
        Session session;
        try {
            session = store.logon(credentials);
        } catch (MapiException.LogonFailed e) {
            throw new BackendException.AuthenticationFailed("logon failed", e);
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
        try {
            return new MapiSession(session, clock);
        } catch (RuntimeException e) {
            session.close();
            throw e instanceof MapiException m ? Failures.translate(m) : e;
        }
    }
}
