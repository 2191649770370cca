package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Optional;
import org.koppel.mapi.AttachMethod;
import org.koppel.store.client.AttachmentInfo;

/** A row of a message's attachment table: number, PR_ATTACH_METHOD code, size, properties. */
@XmlType(name = "attachment")
public final class AttachmentXml {
    public int attachNum;
    public int method;
    public long sizeBytes;

    @XmlElement(name = "prop")
    public java.util.List<PropXml> props;

    public byte[] embeddedMessage;

    public static AttachmentXml of(AttachmentInfo a) {
        AttachmentXml x = new AttachmentXml();
        x.attachNum = a.attachNum();
        x.method = a.method().code();
        x.sizeBytes = a.sizeBytes();
        x.props = PropXml.of(a.properties());
        x.embeddedMessage = WireIds.bytes(a.embeddedMessage());
        return x;
    }

    public AttachmentInfo info() {
        return new AttachmentInfo(attachNum, AttachMethod.fromCode(method), sizeBytes, PropXml.values(props),
                WireIds.optional(embeddedMessage));
    }
}
