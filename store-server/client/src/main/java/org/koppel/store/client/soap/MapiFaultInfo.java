package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The detail of a MAPI fault: the conventional name (MAPI_E_NOT_FOUND), the HRESULT and a message. */
@XmlRootElement(name = "mapiError")
@XmlType(name = "mapiError")
public final class MapiFaultInfo {
    public String name;
    public int code;
    public String message;
}
