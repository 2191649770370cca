package org.koppel.store.client.soap;

import jakarta.xml.ws.WebFault;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;

/** A MAPI error as a SOAP fault; its detail carries the error's name and HRESULT. */
@WebFault(name = "mapiError", targetNamespace = MapiSoap.NAMESPACE)
public final class MapiFault extends Exception {

    private final MapiFaultInfo info;

    public MapiFault(String message, MapiFaultInfo info) {
        super(message);
        this.info = info;
    }

    public MapiFault(String message, MapiFaultInfo info, Throwable cause) {
        super(message, cause);
        this.info = info;
    }

    public static MapiFault of(MapiException e) {
        MapiFaultInfo info = new MapiFaultInfo();
        info.name = e.error().mapiName();
        info.code = e.hresult();
        info.message = e.getMessage();
        return new MapiFault(e.getMessage(), info);
    }

    public MapiFaultInfo getFaultInfo() {
        return info;
    }

    /** The MAPI exception this fault stands for, to rethrow on the client. */
    public MapiException toException() {
        MapiError error;
        try {
            error = MapiError.fromHresult(info == null ? MapiError.CALL_FAILED.hresult() : info.code);
        } catch (RuntimeException unknown) {
            error = MapiError.CALL_FAILED;
        }
        String message = info != null && info.message != null ? info.message : getMessage();
        return MapiException.of(error, message);
    }
}
