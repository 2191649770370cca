package org.koppel.store.client.soap;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.annotation.XmlMimeType;
import jakarta.xml.bind.annotation.XmlType;

/** An attachment's data as an MTOM part. */
@XmlType(name = "attachmentData")
public final class AttachmentDataXml {
    @XmlMimeType("application/octet-stream")
    public DataHandler data;
}
