package org.koppel.store.endpoint.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;

/**
 * The sessions clients hold over the network, by bearer token: 32 random bytes, URL-safe base64. A session
 * unused for longer than the idle timeout is closed and its token refused (MAPI_E_END_OF_SESSION), so a
 * stolen or forgotten token does not live forever; {@link #sweep()} closes the idle ones.
 */
public final class SessionTokens implements AutoCloseable {

    /** A logged-on session and when it was last used. */
    private static final class Held {
        final Session session;
        final EventInbox inbox = new EventInbox();
        final Map<String, org.koppel.store.client.Subscription> subscriptions = new ConcurrentHashMap<>();
        volatile long lastUsedMillis;

        Held(Session session, long now) {
            this.session = session;
            this.lastUsedMillis = now;
        }
    }

    private final StoreServer server;
    private final Duration idleTimeout;
    private final int maxSessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Held> sessions = new ConcurrentHashMap<>();

    private final Optional<String> serviceSecret;

    public SessionTokens(StoreServer server, Duration idleTimeout, int maxSessions, Clock clock) {
        this(server, idleTimeout, maxSessions, clock, Optional.empty());
    }

    /**
     * @param serviceSecret the services' shared secret, used for services that proved themselves by client
     *                      certificate (empty: such logons are refused)
     */
    public SessionTokens(StoreServer server, Duration idleTimeout, int maxSessions, Clock clock,
            Optional<String> serviceSecret) {
        this.serviceSecret = serviceSecret;
        this.server = server;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    /** Logs on and returns the new session's token. */
    public String logon(Credentials credentials) {
        if (sessions.size() >= maxSessions) {
            sweep();
            if (sessions.size() >= maxSessions) {
                throw new MapiException.CallFailed("too many sessions; try again later");
            }
        }
        Session session = server.logon(credentials);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Held(session, clock.millis()));
        return token;
    }

    /**
     * Logs a system service on by the client certificate its TLS connection presented (already verified
     * against the configured CAs by the handshake): the certificate's subject CN must be the service's name.
     */
    public String logonByCertificate(String service, String impersonate,
            java.security.cert.X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            throw new MapiException.LogonFailed("a service logs on with its secret or a client certificate");
        }
        String cn = commonName(chain[0]);
        if (!service.equals(cn)) {
            throw new MapiException.LogonFailed("the client certificate is not the service's (CN " + cn + ")");
        }
        String secret = serviceSecret.orElseThrow(
                () -> new MapiException.LogonFailed("certificate logons are not enabled on this listener"));
        return logon(new Credentials.Service(service, secret, impersonate));
    }

    private static String commonName(java.security.cert.X509Certificate cert) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(
                    cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            throw new MapiException.LogonFailed("unreadable client certificate subject");
        }
        return "";
    }

    /** The session of a token, marked as used now; refused if unknown or idle too long. */
    public Session session(String token) {
        Held held = token == null ? null : sessions.get(token);
        if (held == null) {
            throw new MapiException.EndOfSession("no such session; log on again");
        }
        long now = clock.millis();
        if (now - held.lastUsedMillis > idleTimeout.toMillis()) {
            end(token);
            throw new MapiException.EndOfSession("the session expired; log on again");
        }
        held.lastUsedMillis = now;
        return held.session;
    }

    /** The notification inbox of a token's session (marked as used now). */
    public EventInbox inbox(String token) {
        session(token);
        return sessions.get(token).inbox;
    }

    /**
     * Subscribes the token's session to events of a folder or store; they go to its inbox. Returns the
     * subscription's id, for {@link #unsubscribe}.
     */
    public String subscribe(String token, org.koppel.mapi.EntryId target,
            java.util.Set<org.koppel.store.client.EventType> events) {
        return add(token, (s, id, inbox) -> s.notifications().subscribe(target, events,
                n -> inbox.offer(InboxEvent.of(id, n))));
    }

    /** Subscribes the token's session (the spooler's) to the outgoing queue's SUBMITTED events. */
    public String watchOutgoing(String token) {
        return add(token, (s, id, inbox) -> s.outgoing().watch(n -> inbox.offer(InboxEvent.of(id, n))));
    }

    /**
     * Subscribes the token's session to changes of a contents table's view; the table events go to its inbox.
     * Returns the subscription's id.
     */
    public String subscribeTable(String token, org.koppel.mapi.EntryId folder,
            org.koppel.store.client.TableQuery query) {
        return add(token, (s, id, inbox) -> s.notifications().subscribeTable(folder, query,
                e -> inbox.offer(InboxEvent.of(id, e))));
    }

    /** Makes a subscription whose events go, tagged with its id, to a session's inbox. */
    @FunctionalInterface
    private interface SubscriptionMaker {
        org.koppel.store.client.Subscription subscribe(Session session, String id, EventInbox inbox);
    }

    private String add(String token, SubscriptionMaker maker) {
        Session s = session(token);
        Held held = sessions.get(token);
        if (held.subscriptions.size() >= 100) {
            throw new MapiException.TooBig("at most 100 subscriptions per session");
        }
        String id = subscriptionId();
        held.subscriptions.put(id, maker.subscribe(s, id, held.inbox));
        return id;
    }

    private String subscriptionId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void unsubscribe(String token, String id) {
        session(token);
        var sub = sessions.get(token).subscriptions.remove(id);
        if (sub == null) {
            throw new MapiException.NotFound("no subscription " + id);
        }
        sub.close();
    }

    /** The session of a token if it is open, without touching it. */
    public Optional<Session> peek(String token) {
        return Optional.ofNullable(sessions.get(token)).map(h -> h.session);
    }

    /** Logs a session off. */
    public void end(String token) {
        Held held = sessions.remove(token);
        if (held != null) {
            held.inbox.close();
            held.session.close();
        }
    }

    /** Closes every session idle for longer than the timeout; returns how many. */
    public int sweep() {
        long now = clock.millis();
        int closed = 0;
        for (var e : sessions.entrySet()) {
            if (now - e.getValue().lastUsedMillis > idleTimeout.toMillis()) {
                end(e.getKey());
                closed++;
            }
        }
        return closed;
    }

    /** How long a session may stay unused. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    public int size() {
        return sessions.size();
    }

    @Override
    public void close() {
        sessions.keySet().forEach(this::end);
    }
}
