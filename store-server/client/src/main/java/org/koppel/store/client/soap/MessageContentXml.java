package org.koppel.store.client.soap;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMimeType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;

/**
 * A message to create: properties, recipients and attachments, each attachment either data (an MTOM
 * part, streamed, never held in memory as a whole) or an embedded message.
 */
@XmlType(name = "messageContent")
public final class MessageContentXml {

    /** The deepest nesting of embedded messages accepted. */
    public static final int MAX_EMBEDDING = 16;

    @XmlElement(name = "prop")
    public List<PropXml> props;

    @XmlElement(name = "recipient")
    public List<RecipientXml> recipients;

    @XmlElement(name = "attachment")
    public List<NewAttachmentXml> attachments;

    public boolean associated;

    /** An attachment to create: its properties and either {@code data} or an {@code embedded} message. */
    @XmlType(name = "newAttachment")
    public static final class NewAttachmentXml {
        @XmlElement(name = "prop")
        public List<PropXml> props;

        @XmlMimeType("application/octet-stream")
        public DataHandler data;

        public MessageContentXml embedded;

        public static NewAttachmentXml of(AttachmentContent a) {
            NewAttachmentXml x = new NewAttachmentXml();
            x.props = PropXml.of(a.properties());
            switch (a) {
                case AttachmentContent.ByValue v -> x.data = new DataHandler(new SourceDataSource(v.data()));
                case AttachmentContent.Embedded e -> x.embedded = MessageContentXml.of(e.message());
            }
            return x;
        }

        AttachmentContent content(int depth) {
            if (embedded != null) {
                return new AttachmentContent.Embedded(PropXml.values(props), embedded.content(depth + 1));
            }
            DataHandler handler = data;
            InputStreamSource source = handler == null ? InputStreamSource.ofBytes(new byte[0])
                    : handler::getInputStream;
            return new AttachmentContent.ByValue(PropXml.values(props), source);
        }

        public AttachmentContent content() {
            return content(0);
        }
    }

    public static MessageContentXml of(MessageContent m) {
        MessageContentXml x = new MessageContentXml();
        x.props = PropXml.of(m.properties());
        x.recipients = RecipientXml.of(m.recipients());
        x.attachments = new ArrayList<>(m.attachments().size());
        for (AttachmentContent a : m.attachments()) {
            x.attachments.add(NewAttachmentXml.of(a));
        }
        x.associated = m.associated();
        return x;
    }

    public MessageContent content() {
        return content(0);
    }

    MessageContent content(int depth) {
        if (depth > MAX_EMBEDDING) {
            throw new MapiException.TooComplex("embedded messages nested deeper than " + MAX_EMBEDDING);
        }
        List<AttachmentContent> atts = new ArrayList<>();
        for (NewAttachmentXml a : WireIds.list(attachments)) {
            atts.add(a.content(depth));
        }
        return new MessageContent(PropXml.values(props), RecipientXml.recipients(recipients), atts, associated);
    }
}
