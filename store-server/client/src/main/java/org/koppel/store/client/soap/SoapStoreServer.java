package org.koppel.store.client.soap;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;

/**
 * The session API of a remote store, over MAPI-over-SOAP (Apache CXF, MTOM on). One instance holds one
 * client for the store's endpoint, shared by every session logged on through it; close it when done.
 */
public final class SoapStoreServer implements StoreServer, AutoCloseable {

    /** Where a store is and how to reach it. */
    public record Endpoint(URI address, Optional<SSLContext> tls, Duration connectTimeout) {

        /** The SOAP endpoint of a store at a base URL such as {@code http://127.0.0.1:2360}. */
        public static Endpoint of(URI base) {
            String s = base.toString();
            URI address = s.endsWith("/soap") ? base : URI.create(s.replaceAll("/+$", "") + "/soap");
            return new Endpoint(address, Optional.empty(), Duration.ofSeconds(10));
        }

        /** The same endpoint over TLS with this context (trusting the store's certificate, optionally with
         * this client's certificate for a service logon). */
        public Endpoint withTls(SSLContext context) {
            return new Endpoint(address, Optional.of(context), connectTimeout);
        }
    }

    private final Bus bus;
    private final MapiSoap port;
    private final MapiSoap pollPort;
    /** Sessions still open, closed with the client so their notification polls stop. */
    private final java.util.Set<SoapSession> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SoapStoreServer(Bus bus, MapiSoap port, MapiSoap pollPort) {
        this.bus = bus;
        this.port = port;
        this.pollPort = pollPort;
    }

    public static SoapStoreServer connect(Endpoint endpoint) {
        Bus bus = BusFactory.newInstance().createBus();
        try {
            return new SoapStoreServer(bus, port(bus, endpoint, true), port(bus, endpoint, false));
        } catch (RuntimeException e) {
            bus.shutdown(false);
            throw e;
        }
    }

    private static MapiSoap port(Bus bus, Endpoint endpoint, boolean mtom) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(MapiSoap.class);
        factory.setAddress(endpoint.address().toString());
        java.util.Map<String, Object> props = new java.util.HashMap<>();
        props.put("mtom-enabled", mtom);
        props.put("mtom-threshold", MapiSoap.MTOM_THRESHOLD);
        props.put("attachment-max-count", MapiSoap.MAX_ATTACHMENT_PARTS);
        // Every failure reaches the caller as a MapiException (a transport failure as MAPI_E_NETWORK_ERROR);
        // CXF would also log it as a WARN with a stack trace, which on a command line (koppel admin with the
        // store down) buries the one line that matters.
        props.put(FaultListener.class.getName(), (FaultListener) (exception, description, message) -> false);
        factory.setProperties(props);
        MapiSoap port = (MapiSoap) factory.create();
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(endpoint.connectTimeout().toMillis());
        // Longer than the longest poll, so a waiting long-poll is never cut off by the client.
        policy.setReceiveTimeout((MapiSoap.MAX_POLL_SECONDS + 30) * 1000L);
        policy.setAllowChunking(true);
        conduit.setClient(policy);
        endpoint.tls().ifPresent(ctx -> {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setSslContext(ctx);
            conduit.setTlsClientParameters(tls);
        });
        return port;
    }

    /** Connects to a store's endpoint at a base URL over plain HTTP. */
    public static SoapStoreServer connect(URI base) {
        return connect(Endpoint.of(base));
    }

    @Override
    public Session logon(Credentials credentials) {
        SoapCall anonymous = new SoapCall(port, pollPort, null);
        LogonXml logon = anonymous.get((p, s) -> switch (credentials) {
            case Credentials.Password pw -> p.logon(pw.login(), pw.password(), null, null,
                    pw.impersonate().isEmpty() ? null : pw.impersonate());
            case Credentials.Service svc -> p.logon(null, null, svc.serviceName(), svc.secret(),
                    svc.impersonate().isEmpty() ? null : svc.impersonate());
            case Credentials.Certificate cert -> p.logon(null, null, cert.serviceName(), null,
                    cert.impersonate().isEmpty() ? null : cert.impersonate());
        });
        SoapSession session = new SoapSession(new SoapCall(port, pollPort, logon.session), logon.user.info(), open::remove);
        open.add(session);
        return session;
    }

    /** Logs off every session still open and releases the client. */
    @Override
    public void close() {
        for (SoapSession s : java.util.List.copyOf(open)) {
            s.close();
        }
        bus.shutdown(true);
    }
}
