package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.MessageUpdate;

/** One message's property changes on the wire, for updateMessages. */
@XmlType(name = "messageUpdate")
public final class MessageUpdateXml {
    public byte[] message;

    @XmlElement(name = "set")
    public List<PropXml> set;

    @XmlElement(name = "remove")
    public List<Integer> remove;

    public static MessageUpdateXml of(MessageUpdate u) {
        MessageUpdateXml x = new MessageUpdateXml();
        x.message = u.message().bytes();
        x.set = PropXml.of(u.set());
        x.remove = TableQueryXml.tags(u.remove());
        return x;
    }

    public MessageUpdate toUpdate() {
        return new MessageUpdate(EntryId.parse(message), PropXml.values(set == null ? List.of() : set),
                TableQueryXml.propTags(remove == null ? List.of() : remove));
    }
}
