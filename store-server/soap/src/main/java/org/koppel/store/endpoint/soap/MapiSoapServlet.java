package org.koppel.store.endpoint.soap;

import jakarta.servlet.ServletConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.koppel.store.client.soap.MapiSoap;

/**
 * MAPI-over-SOAP mounted in Koppel's own Jetty: CXF's servlet transport with a bus of its own (not CXF's
 * process-wide default), serving {@link MapiSoapEndpoint} with MTOM, the WSDL at {@code /soap?wsdl}.
 * Requests are bounded: the XML reader's limits and the largest attachment part accepted.
 */
public final class MapiSoapServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;

    private final transient MapiSoap endpoint;
    private final long maxAttachmentBytes;

    public MapiSoapServlet(MapiSoap endpoint, long maxAttachmentBytes) {
        this.endpoint = endpoint;
        this.maxAttachmentBytes = maxAttachmentBytes;
        // The bus must be known before the servlet initialises: it looks up its destinations on it.
        Bus bus = BusFactory.newInstance().createBus();
        // Inline (non-MTOM) text is held in memory while parsing: bound it, and the document's shape.
        bus.setProperty("org.apache.cxf.stax.maxTextLength", 16 * 1024 * 1024);
        bus.setProperty("org.apache.cxf.stax.maxElementDepth", 200);
        bus.setProperty("org.apache.cxf.stax.maxElementCount", 2_000_000L);
        setBus(bus);
    }

    @Override
    public void init(ServletConfig config) throws jakarta.servlet.ServletException {
        super.init(config);
        Bus bus = getBus();
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(MapiSoap.class);
        factory.setServiceBean(endpoint);
        factory.setAddress("/");
        Map<String, Object> props = new HashMap<>();
        props.put("mtom-enabled", Boolean.TRUE);
        props.put("attachment-max-size", maxAttachmentBytes);
        props.put("attachment-memory-threshold", 256 * 1024L);
        props.put("attachment-max-count", MapiSoap.MAX_ATTACHMENT_PARTS);
        // Entry ids and other small binaries stay inline; only real data becomes an MTOM part.
        props.put("mtom-threshold", MapiSoap.MTOM_THRESHOLD);
        factory.setProperties(props);
        factory.create();
    }

    @Override
    public void destroyBus() {
        Bus bus = getBus();
        super.destroyBus();
        if (bus != null) {
            bus.shutdown(true);
        }
    }
}
