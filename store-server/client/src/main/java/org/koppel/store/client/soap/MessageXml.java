package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.MessageData;

/** A loaded message in one answer: its properties, recipient table and attachment table. */
@XmlType(name = "message")
public final class MessageXml {
    public byte[] entryId;
    public byte[] folder;

    @XmlElement(name = "prop")
    public List<PropXml> props;

    @XmlElement(name = "recipient")
    public List<RecipientXml> recipients;

    @XmlElement(name = "attachment")
    public List<AttachmentXml> attachments;

    public static MessageXml of(MessageData m) {
        MessageXml x = new MessageXml();
        x.entryId = m.entryId().bytes();
        x.folder = WireIds.bytes(m.folder());
        x.props = PropXml.of(m.properties());
        x.recipients = RecipientXml.of(m.recipients());
        x.attachments = new ArrayList<>(m.attachments().size());
        for (AttachmentInfo a : m.attachments()) {
            x.attachments.add(AttachmentXml.of(a));
        }
        return x;
    }

    public MessageData data() {
        List<AttachmentInfo> atts = new ArrayList<>();
        for (AttachmentXml a : WireIds.list(attachments)) {
            atts.add(a.info());
        }
        return new MessageData(WireIds.entryId(entryId), WireIds.optional(folder), PropXml.values(props),
                RecipientXml.recipients(recipients), atts);
    }
}
