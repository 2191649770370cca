package org.koppel.store.endpoint.soap;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.soap.EventXml;
import org.koppel.store.client.soap.MapiFault;
import org.koppel.store.client.soap.MapiFaultInfo;
import org.koppel.store.client.soap.MapiSoap;
import org.koppel.store.endpoint.session.EventInbox;
import org.koppel.store.endpoint.session.InboxEvent;
import org.koppel.store.endpoint.session.LongPoll;
import org.koppel.store.endpoint.session.SessionTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lean path of MAPI-over-SOAP's {@code poll}: a plain SOAP request carrying the poll's SOAPAction is
 * answered here, in front of CXF, from the same session inbox and with the same XML CXF would write. A
 * waiting poll is then only a suspended servlet request and a callback (about what a JSON poll costs),
 * where a CXF exchange per waiting poll costs some 15 KB more; 10,000 waiting sessions must fit a small
 * heap. Everything else, including polls without the SOAPAction or sent as MTOM, goes on to CXF.
 */
public final class SoapLongPollFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SoapLongPollFilter.class);
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final QName EVENT = new QName(MapiSoap.NAMESPACE, "event");
    /** A poll request is a few hundred bytes; more is not a poll this path answers. */
    private static final int MAX_REQUEST = 16 * 1024;

    private final transient SessionTokens tokens;
    private final transient ScheduledExecutorService timer;
    private final transient JAXBContext jaxb;
    private final transient XMLInputFactory xmlIn;
    private final transient XMLOutputFactory xmlOut;
    private final AtomicInteger waiting = new AtomicInteger();

    public SoapLongPollFilter(SessionTokens tokens, ScheduledExecutorService timer) {
        this.tokens = tokens;
        this.timer = timer;
        try {
            this.jaxb = JAXBContext.newInstance(EventXml.class, MapiFaultInfo.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the SOAP event types do not bind", e);
        }
        this.xmlIn = XMLInputFactory.newFactory();
        xmlIn.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xmlIn.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        this.xmlOut = XMLOutputFactory.newFactory();
    }

    /** Polls waiting on this path now. */
    public int waitingPolls() {
        return waiting.get();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String action = req.getHeader("SOAPAction");
        String type = req.getContentType();
        if (!"POST".equals(req.getMethod()) || action == null || !unquote(action).equals(MapiSoap.POLL_ACTION)
                || type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/xml")) {
            chain.doFilter(req, resp);
            return;
        }
        long started = System.nanoTime();
        String token;
        int seconds;
        EventInbox inbox;
        String user;
        try {
            PollRequest poll = read(req);
            token = poll.session;
            seconds = MapiSoapEndpoint.clamp(poll.timeoutSeconds);
            user = tokens.session(token).user().login();
            inbox = tokens.inbox(token);
        } catch (MapiException e) {
            LOG.info("soap poll user=- {} {}ms", e.error().mapiName(), (System.nanoTime() - started) / 1_000_000);
            fault(resp, e);
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        AtomicReference<LongPoll> pending = new AtomicReference<>();
        // 0: starting, 1: counted as waiting, 2: answered
        AtomicInteger state = new AtomicInteger();
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                onError(event);
            }

            @Override
            public void onError(AsyncEvent event) {
                LongPoll p = pending.get();
                if (p != null && p.abandon()) {
                    if (state.getAndSet(2) == 1) {
                        waiting.decrementAndGet();
                    }
                    async.complete();
                }
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        pending.set(LongPoll.start(inbox, seconds, timer, events -> {
            if (state.getAndSet(2) == 1) {
                waiting.decrementAndGet();
            }
            try {
                answer((HttpServletResponse) async.getResponse(), events);
            } catch (IOException | RuntimeException e) {
                // The client went away: keep its events for its next poll.
                inbox.requeue(events);
                LOG.debug("Answering a SOAP poll failed: {}", e.toString());
            } finally {
                async.complete();
                LOG.info("soap poll user={} ok events={} {}ms", user, events.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }));
        if (state.compareAndSet(0, 1)) {
            waiting.incrementAndGet();
        }
    }

    private record PollRequest(String session, int timeoutSeconds) {
    }

    private PollRequest read(HttpServletRequest req) throws IOException {
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_REQUEST + 1);
        }
        if (body.length > MAX_REQUEST) {
            throw new MapiException.TooBig("a poll request is larger than " + MAX_REQUEST + " bytes");
        }
        String session = null;
        int timeout = 0;
        boolean inPoll = false;
        try {
            XMLStreamReader r = xmlIn.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    boolean ours = MapiSoap.NAMESPACE.equals(r.getNamespaceURI());
                    String name = r.getLocalName();
                    if (ours && name.equals("poll")) {
                        inPoll = true;
                    } else if (inPoll && ours && name.equals("session")) {
                        session = r.getElementText().strip();
                    } else if (inPoll && ours && name.equals("timeoutSeconds")) {
                        timeout = Integer.parseInt(r.getElementText().strip());
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new MapiException.InvalidParameter("malformed poll request: " + e.getMessage());
        }
        if (!inPoll || session == null) {
            throw new MapiException.InvalidParameter("a poll request names its session");
        }
        return new PollRequest(session, timeout);
    }

    private void answer(HttpServletResponse resp, List<InboxEvent> events) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/xml;charset=UTF-8");
        write(resp.getOutputStream(), w -> {
            w.writeStartElement("ns2", "pollResponse", MapiSoap.NAMESPACE);
            w.writeNamespace("ns2", MapiSoap.NAMESPACE);
            Marshaller m = marshaller();
            for (EventXml e : MapiSoapEndpoint.render(events)) {
                m.marshal(new JAXBElement<>(EVENT, EventXml.class, e), w);
            }
            w.writeEndElement();
        });
    }

    private void fault(HttpServletResponse resp, MapiException e) throws IOException {
        resp.setStatus(500);
        resp.setContentType("text/xml;charset=UTF-8");
        MapiFaultInfo info = MapiFault.of(e).getFaultInfo();
        write(resp.getOutputStream(), w -> {
            w.writeStartElement("soap", "Fault", SOAP_NS);
            w.writeStartElement("faultcode");
            w.writeCharacters("soap:Server");
            w.writeEndElement();
            w.writeStartElement("faultstring");
            w.writeCharacters(e.getMessage() == null ? e.error().mapiName() : e.getMessage());
            w.writeEndElement();
            w.writeStartElement("detail");
            marshaller().marshal(info, w);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    @FunctionalInterface
    private interface BodyWriter {
        void write(XMLStreamWriter w) throws XMLStreamException, JAXBException;
    }

    private void write(OutputStream out, BodyWriter body) throws IOException {
        try {
            XMLStreamWriter w = xmlOut.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soap", "Envelope", SOAP_NS);
            w.writeNamespace("soap", SOAP_NS);
            w.writeStartElement("soap", "Body", SOAP_NS);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            out.flush();
        } catch (XMLStreamException | JAXBException e) {
            throw new IOException("writing a SOAP answer: " + e, e);
        }
    }

    private Marshaller marshaller() throws JAXBException {
        Marshaller m = jaxb.createMarshaller();
        m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        return m;
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
