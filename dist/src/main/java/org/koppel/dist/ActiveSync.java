package org.koppel.dist;

import java.time.Clock;
import java.util.Optional;
import org.koppel.backend.mapi.MapiBackend;
import org.koppel.dist.config.ConfigException;
import org.koppel.dist.config.EasSettings;
import org.koppel.dist.config.ServerSettings;
import org.koppel.eas.gateway.EasGateway;
import org.koppel.eas.gateway.EmailSyncCommands;
import org.koppel.eas.gateway.MailCommands;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.state.DatabaseKind;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.soap.SoapStoreServer;
import org.koppel.store.core.db.DatabaseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ActiveSync gateway as {@code koppel serve} runs it: the MAPI backend over the store in this process or,
 * when eas.cfg names one, a remote store over SOAP; device state where eas.cfg puts it. Only here do the gateway
 * and the store meet.
 */
final class ActiveSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveSync.class);
    /** The service name the gateway logs on to the store with when it acts for an authenticated user. */
    static final String SERVICE_NAME = "koppel-eas";

    private final EasGateway gateway;
    private final EmailSyncCommands sync;
    private final Optional<SoapStoreServer> remote;
    private final EasSettings settings;

    private ActiveSync(EasGateway gateway, EmailSyncCommands sync, Optional<SoapStoreServer> remote,
            EasSettings settings) {
        this.sync = sync;
        this.gateway = gateway;
        this.remote = remote;
        this.settings = settings;
    }

    /**
     * Starts the gateway.
     *
     * @param localStore the store in this process, used unless eas.cfg names a remote one
     * @param localSecret this host's service secret
     */
    static ActiveSync start(EasSettings settings, DevicePolicy policy, ServerSettings server, StoreServer localStore,
            String localSecret) {
        Optional<SoapStoreServer> remote = Optional.empty();
        StoreServer store = localStore;
        String secret = localSecret;
        if (settings.remoteStore().isPresent()) {
            EasSettings.RemoteStore r = settings.remoteStore().get();
            SoapStoreServer.Endpoint endpoint = SoapStoreServer.Endpoint.of(r.url());
            if (r.url().getScheme().equals("https")) {
                try {
                    endpoint = endpoint.withTls(org.koppel.store.client.tls.ClientTls.context(r.caFile(),
                            Optional.empty(), Optional.empty()));
                } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                    throw new ConfigException("eas.cfg store_ssl_ca_file: " + e.getMessage(), e);
                }
            }
            SoapStoreServer soap = SoapStoreServer.connect(endpoint);
            remote = Optional.of(soap);
            store = soap;
            if (!r.serviceSecret().isEmpty()) {
                secret = r.serviceSecret();
            }
        }
        try {
            MapiBackend backend = new MapiBackend(store, Optional.of(new MapiBackend.ServiceIdentity(SERVICE_NAME,
                    secret)), Clock.systemUTC());
            DatabaseConfig db = server.databaseConfig();
            DeviceStateStore state = DeviceStateStore.open(settings.deviceStateConfig(server.dataDir(),
                    DatabaseKind.valueOf(db.kind().name()), db.jdbcUrl(), db.user(), db.password()));
            EmailSyncCommands sync = new EmailSyncCommands();
            EasGateway gateway;
            try {
                gateway = EasGateway.start(settings.gateway(), backend, state, policy, sync.and(new MailCommands()),
                        Clock.systemUTC());
            } catch (RuntimeException e) {
                sync.close();
                throw e;
            }
            return new ActiveSync(gateway, sync, remote, settings);
        } catch (RuntimeException e) {
            remote.ifPresent(SoapStoreServer::close);
            throw e;
        }
    }

    /** The gateway's URLs for the ready line. */
    String describe() {
        StringBuilder s = new StringBuilder();
        var http = settings.gateway().http();
        http.listen().ifPresent(l -> s.append("http://").append(l.host()).append(':').append(gateway.port())
                .append("/Microsoft-Server-ActiveSync"));
        http.tlsListen().ifPresent(l -> s.append(s.isEmpty() ? "" : " and ").append("https://").append(l.host())
                .append(':').append(gateway.tlsPort()).append("/Microsoft-Server-ActiveSync"));
        settings.remoteStore().ifPresent(r -> s.append(" over the store at ").append(r.url()));
        return s.toString();
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } catch (RuntimeException e) {
            LOG.warn("The ActiveSync gateway did not stop cleanly: {}", e.toString());
        } finally {
            sync.close();
            remote.ifPresent(SoapStoreServer::close);
        }
    }
}
