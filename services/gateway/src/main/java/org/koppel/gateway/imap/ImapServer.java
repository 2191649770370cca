package org.koppel.gateway.imap;

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
import org.koppel.gateway.imap.syntax.CommandLimits;
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
 * The IMAP listeners (plain with STARTTLS, and implicit TLS) of the gateway, each connection an
 * {@link ImapSession} on its own virtual thread, all sharing one authenticator and one cache of message texts.
 */
public final class ImapServer implements AutoCloseable {

    static final String REFUSAL = "* BYE [UNAVAILABLE] Too many connections; try again later.";

    private final ProtocolListener plain;
    private final ProtocolListener implicitTls;

    private ImapServer(ProtocolListener plain, ProtocolListener implicitTls) {
        this.plain = plain;
        this.implicitTls = implicitTls;
    }

    /** Starts the configured listeners with the gateway's TLS context and a login throttle of its own. */
    public static ImapServer start(GatewayConfig config, StoreServer store) throws IOException,
            GeneralSecurityException {
        return start(config, store, LoginThrottle.of(config), Optional.of(GatewayTls.context(config)),
                new MessageTexts(MessageTexts.DEFAULT_CACHE_BYTES), new FolderSnapshots(FolderSnapshots.DEFAULT_ROWS));
    }

    /**
     * Starts the configured listeners.
     *
     * @param throttle shared with POP3, so failures count across both protocols
     * @param tls      the server's TLS context; empty: no STARTTLS and no imaps listener
     * @param texts     the gateway's cache of message texts, shared with POP3
     * @param snapshots the gateway's folder snapshots, shared with POP3
     * @throws IOException if a port cannot be bound (nothing is left listening)
     */
    public static ImapServer start(GatewayConfig config, StoreServer store, LoginThrottle throttle,
            Optional<SSLContext> tls, MessageTexts texts, FolderSnapshots snapshots) throws IOException {
        Objects.requireNonNull(store, "store");
        if (config.imapsListen().isPresent() && tls.isEmpty()) {
            throw new IllegalArgumentException("imaps needs a TLS certificate");
        }
        Duration pause = config.loginThrottle().dividedBy(4);
        Authenticator authenticator = new Authenticator(store, throttle, Feature.IMAP,
                pause.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : pause);
        CommandLimits limits = new CommandLimits(config.maxLineLength(), config.maxLiteralSize(), 64 * 1024,
                config.maxLiteralSize(), 1 << 20, Optional.empty());
        ImapContext context = new ImapContext(config, authenticator, texts,
                new StructureCache(StructureCache.DEFAULT_BYTES), snapshots,
                new RecentWatermarks(RecentWatermarks.DEFAULT_FOLDERS), limits,
                Commands.standard());
        ConnectionLimit limit = new ConnectionLimit(config.maxConnections());
        List<ProtocolListener> started = new ArrayList<>();
        try {
            ProtocolListener plain = null;
            if (config.imapListen().isPresent()) {
                plain = ProtocolListener.start(ListenerOptions.plain("imap", config.imapListen().get(), tls,
                        REFUSAL, config.imapIdleTimeout()), limit,
                        c -> new ImapSession(c, context).run());
                started.add(plain);
            }
            ProtocolListener implicit = null;
            if (config.imapsListen().isPresent()) {
                implicit = ProtocolListener.start(ListenerOptions.implicitTls("imaps", config.imapsListen().get(),
                        tls.get(), REFUSAL, config.imapIdleTimeout()), limit,
                        c -> new ImapSession(c, context).run());
                started.add(implicit);
            }
            return new ImapServer(plain, implicit);
        } catch (IOException | RuntimeException e) {
            started.forEach(ProtocolListener::close);
            throw e;
        }
    }

    /** The plain (STARTTLS) listener's port; -1 when it is off. */
    public int port() {
        return plain == null ? -1 : plain.port();
    }

    /** The implicit-TLS (imaps) listener's port; -1 when it is off. */
    public int tlsPort() {
        return implicitTls == null ? -1 : implicitTls.port();
    }

    /** Connections being served now. */
    public int openConnections() {
        return (plain == null ? 0 : plain.openConnections()) + (implicitTls == null ? 0 : implicitTls.openConnections());
    }

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
