package org.koppel.dist;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import org.koppel.dagent.DagentConfig;
import org.koppel.dagent.plugin.DeliveryPlugin;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.SpamRule;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.dist.config.ConfigException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.StoreServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The LMTP delivery agent wired to a store: the delivery pipeline logged on as a service, and its listener. */
final class DeliveryAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAgent.class);

    /** The service name the agent logs on with (and a certificate's CN would carry). */
    static final String SERVICE = "koppel-dagent";

    private final Delivery delivery;
    private final LmtpServer server;

    private DeliveryAgent(Delivery delivery, LmtpServer server) {
        this.delivery = delivery;
        this.server = server;
    }

    static Delivery delivery(DagentConfig config, StoreServer store, String secret) {
        List<DeliveryPlugin> plugins;
        try {
            plugins = config.plugins().load();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ConfigException("dagent.plugin_path: " + e.getMessage(), e);
        }
        return new Delivery(store, new Credentials.Service(SERVICE, secret, ""),
                new SpamRule(config.spamHeaderName(), config.spamHeaderValue()), config.tempDir(),
                config.oofReplyPeriod(), config.rules(), plugins);
    }

    /** Starts listening; an address that cannot be bound or a certificate that cannot be used is a config error. */
    static DeliveryAgent start(DagentConfig config, StoreServer store, String secret) {
        Delivery delivery = delivery(config, store, secret);
        try {
            LmtpServer server = LmtpServer.start(config, delivery);
            LOG.info("Delivery agent ready: LMTP on {}:{}{}, max message size {}, spam header {}",
                    config.listenHost(), server.port(), server.tls() ? " with STARTTLS" : "",
                    PurgeAttachmentsCommand.humanBytes(config.maxMessageSize()),
                    config.spamHeaderName().isEmpty() ? "off" : config.spamHeaderName() + ": " + config.spamHeaderValue());
            return new DeliveryAgent(delivery, server);
        } catch (IOException e) {
            delivery.close();
            throw new ConfigException("dagent.lmtp_listen: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            delivery.close();
            throw new ConfigException("dagent.lmtp_ssl_*: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.port();
    }

    /** Stops accepting, lets messages in flight finish, then logs off. */
    @Override
    public void close() {
        server.close();
        delivery.close();
        LOG.info("Delivery agent stopped");
    }
}
