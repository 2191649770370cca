package org.koppel.gateway.pop3;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.auth.Authenticator;
import org.koppel.gateway.mailbox.FolderSnapshots;
import org.koppel.gateway.mailbox.MessageTexts;
import org.koppel.gateway.net.ConnectionLimit;
import org.koppel.gateway.net.GatewayTls;
import org.koppel.gateway.net.ListenerOptions;
import org.koppel.gateway.net.LoginThrottle;
import org.koppel.gateway.net.ProtocolListener;
import org.koppel.store.client.Feature;
import org.koppel.store.client.StoreServer;

/**
 * The POP3 server: a plain listener (with STLS) and an implicit-TLS listener (pop3s) as gateway.cfg asks,
 * serving {@link Pop3Session}s against the store. Users need the POP3 feature. The maildrop is the Inbox;
 * RETR marks a message read (as Kopano's gateway does: the client has downloaded it), TOP does not; messages
 * deleted at QUIT are soft-deleted, recoverable like any deleted item.
 */
public final class Pop3Server implements AutoCloseable {

    static final String REFUSAL = "-ERR [SYS/TEMP] Too many connections; try again later";

    private final ProtocolListener plain;
    private final ProtocolListener implicitTls;

    private Pop3Server(ProtocolListener plain, ProtocolListener implicitTls) {
        this.plain = plain;
        this.implicitTls = implicitTls;
    }

    /**
     * Starts the configured listeners with a login throttle of its own and the gateway's TLS context (the
     * configured certificate, or the self-signed one in the data directory).
     */
    public static Pop3Server start(GatewayConfig config, StoreServer store) throws IOException, GeneralSecurityException {
        return start(config, store, LoginThrottle.of(config), Optional.of(GatewayTls.context(config)));
    }

    /**
     * Starts the configured listeners.
     *
     * @param throttle shared with IMAP, so failures count across both protocols
     * @param tls      the server's TLS context; empty: no STLS and no pop3s listener
     * @throws IOException if a port cannot be bound (nothing is left listening)
     */
    public static Pop3Server start(GatewayConfig config, StoreServer store, LoginThrottle throttle,
            Optional<SSLContext> tls) throws IOException {
        return start(config, store, throttle, tls, new MessageTexts(MessageTexts.DEFAULT_CACHE_BYTES),
                new FolderSnapshots(FolderSnapshots.DEFAULT_ROWS));
    }

    /**
     * Starts the configured listeners.
     *
     * @param texts     the gateway's cache of message texts, shared with IMAP
     * @param snapshots the gateway's folder snapshots, shared with IMAP
     */
    public static Pop3Server start(GatewayConfig config, StoreServer store, LoginThrottle throttle,
            Optional<SSLContext> tls, MessageTexts texts, FolderSnapshots snapshots) throws IOException {
        Objects.requireNonNull(store, "store");
        if (config.pop3sListen().isPresent() && tls.isEmpty()) {
            throw new IllegalArgumentException("pop3s needs a TLS certificate");
        }
        // A failed login is answered after a pause: a quarter of the throttle period, at most a second.
        Duration pause = config.loginThrottle().dividedBy(4);
        Authenticator authenticator = new Authenticator(store, throttle, Feature.POP3,
                pause.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : pause);
        MaildropLocks locks = new MaildropLocks();
        ConnectionLimit limit = new ConnectionLimit(config.maxConnections());
        List<ProtocolListener> started = new ArrayList<>();
        try {
            ProtocolListener plain = null;
            if (config.pop3Listen().isPresent()) {
                plain = ProtocolListener.start(ListenerOptions.plain("pop3", config.pop3Listen().get(), tls,
                        REFUSAL, config.pop3IdleTimeout()), limit,
                        c -> new Pop3Session(config, authenticator, locks, texts, snapshots, c).serve());
                started.add(plain);
            }
            ProtocolListener implicit = null;
            if (config.pop3sListen().isPresent()) {
                implicit = ProtocolListener.start(ListenerOptions.implicitTls("pop3s", config.pop3sListen().get(),
                        tls.get(), REFUSAL, config.pop3IdleTimeout()), limit,
                        c -> new Pop3Session(config, authenticator, locks, texts, snapshots, c).serve());
                started.add(implicit);
            }
            return new Pop3Server(plain, implicit);
        } catch (IOException | RuntimeException e) {
            started.forEach(ProtocolListener::close);
            throw e;
        }
    }

    /** The plain (STLS) listener's port; -1 when it is off. */
    public int port() {
        return plain == null ? -1 : plain.port();
    }

    /** The implicit-TLS (pop3s) listener's port; -1 when it is off. */
    public int tlsPort() {
        return implicitTls == null ? -1 : implicitTls.port();
    }

    /** Stops listening and closes every open POP3 connection; their marked deletions are not applied. */
    @Override
    public void close() {
        if (plain != null) {
            plain.close();
        }
        if (implicitTls != null) {
            implicitTls.close();
        }
    }
}
