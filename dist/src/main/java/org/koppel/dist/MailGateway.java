package org.koppel.dist;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.koppel.dist.config.ConfigException;
import org.koppel.gateway.GatewayConfig;
import org.koppel.gateway.imap.ImapServer;
import org.koppel.gateway.mailbox.FolderSnapshots;
import org.koppel.gateway.mailbox.MessageTexts;
import org.koppel.gateway.net.GatewayTls;
import org.koppel.gateway.net.LoginThrottle;
import org.koppel.gateway.pop3.Pop3Server;
import org.koppel.store.client.StoreServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IMAP and POP3 gateway wired to a store: both protocols share one TLS certificate and one login
 * throttle, so password guessing counts across them.
 */
final class MailGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

    private final ImapServer imap;
    private final Pop3Server pop3;

    private MailGateway(ImapServer imap, Pop3Server pop3) {
        this.imap = imap;
        this.pop3 = pop3;
    }

    /** Starts the listeners; a port that cannot be bound or a certificate that cannot be used is a config error. */
    static MailGateway start(GatewayConfig config, StoreServer store) {
        Optional<SSLContext> tls;
        try {
            tls = Optional.of(GatewayTls.context(config));
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("gateway.ssl_cert_file/ssl_key_file: " + e.getMessage(), e);
        }
        LoginThrottle throttle = LoginThrottle.of(config);
        // One cache of message texts and one of folder snapshots: what POP3 read is not read again for IMAP.
        MessageTexts texts = new MessageTexts(MessageTexts.DEFAULT_CACHE_BYTES);
        FolderSnapshots snapshots = new FolderSnapshots(FolderSnapshots.DEFAULT_ROWS);
        ImapServer imap;
        try {
            imap = ImapServer.start(config, store, throttle, tls, texts, snapshots);
        } catch (IOException e) {
            throw new ConfigException("gateway.imap_listen/imaps_listen: " + e.getMessage(), e);
        }
        try {
            Pop3Server pop3 = Pop3Server.start(config, store, throttle, tls, texts, snapshots);
            LOG.info("Mail gateway ready: IMAP {} IMAPS {} POP3 {} POP3S {}{}", port(imap.port()),
                    port(imap.tlsPort()), port(pop3.port()), port(pop3.tlsPort()),
                    config.disablePlaintextAuth() ? ", passwords only under TLS" : "");
            return new MailGateway(imap, pop3);
        } catch (IOException e) {
            imap.close();
            throw new ConfigException("gateway.pop3_listen/pop3s_listen: " + e.getMessage(), e);
        }
    }

    private static String port(int port) {
        return port < 0 ? "off" : Integer.toString(port);
    }

    String describe() {
        return "IMAP " + port(imap.port()) + "/" + port(imap.tlsPort()) + ", POP3 " + port(pop3.port()) + "/"
                + port(pop3.tlsPort());
    }

    /** Stops listening and closes open connections; POP3 deletions of unfinished sessions are not applied. */
    @Override
    public void close() {
        imap.close();
        pop3.close();
        LOG.info("Mail gateway stopped");
    }
}
