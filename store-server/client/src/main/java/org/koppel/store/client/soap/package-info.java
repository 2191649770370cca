/**
 * MAPI-over-SOAP: the session API as a JAX-WS service ({@link org.koppel.store.client.soap.MapiSoap}), its
 * XML wire types, and {@link org.koppel.store.client.soap.SoapStoreServer}, the remote transport that
 * implements the session API over it with Apache CXF. Every operation names its session by the token
 * {@code logon} returned; MAPI errors cross as SOAP faults carrying the error's name and code.
 */
@XmlSchema(namespace = MapiSoap.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
