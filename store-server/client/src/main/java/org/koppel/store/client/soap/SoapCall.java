package org.koppel.store.client.soap;

import jakarta.xml.ws.WebServiceException;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;

/**
 * Runs one SOAP call for a session and turns what comes back into the session API's terms: a fault into
 * the MAPI exception it carries, a transport failure into MAPI_E_NETWORK_ERROR.
 */
final class SoapCall {

    /** A call that answers. */
    @FunctionalInterface
    interface Op<T> {
        T call(MapiSoap port, String session) throws MapiFault;
    }

    /** A call without an answer. */
    @FunctionalInterface
    interface VoidOp {
        void call(MapiSoap port, String session) throws MapiFault;
    }

    private final MapiSoap port;
    private final MapiSoap pollPort;
    private final String session;
    private volatile boolean closed;

    /**
     * @param port     the client for every call (MTOM on)
     * @param pollPort the client for long-polls: plain SOAP, which the store answers on its lean path
     */
    SoapCall(MapiSoap port, MapiSoap pollPort, String session) {
        this.port = port;
        this.pollPort = pollPort;
        this.session = session;
    }

    <T> T get(Op<T> op) {
        return on(port, op);
    }

    /** A long-poll, over the plain-SOAP client. */
    <T> T poll(Op<T> op) {
        return on(pollPort, op);
    }

    private <T> T on(MapiSoap client, Op<T> op) {
        if (closed) {
            throw new MapiException.EndOfSession("the session is closed");
        }
        try {
            return op.call(client, session);
        } catch (MapiFault f) {
            throw f.toException();
        } catch (WebServiceException e) {
            throw transport(e);
        }
    }

    void run(VoidOp op) {
        get((p, s) -> {
            op.call(p, s);
            return null;
        });
    }

    String session() {
        return session;
    }

    void markClosed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    static MapiException transport(WebServiceException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return MapiException.of(MapiError.NETWORK_ERROR, "store unreachable: " + cause);
    }
}
