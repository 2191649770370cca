package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.Recipient;

/** A row of a message's recipient table; {@code type} is the PR_RECIPIENT_TYPE code. */
@XmlType(name = "recipient")
public final class RecipientXml {
    public int rowId;
    public int type;
    public String displayName;
    public String email;

    @XmlElement(name = "prop")
    public List<PropXml> props;

    public static RecipientXml of(Recipient r) {
        RecipientXml x = new RecipientXml();
        x.rowId = r.rowId();
        x.type = r.type().code();
        x.displayName = r.displayName();
        x.email = r.email();
        x.props = PropXml.of(r.properties());
        return x;
    }

    public Recipient recipient() {
        return new Recipient(rowId, RecipientType.fromCode(type), displayName, email, PropXml.values(props));
    }

    static List<RecipientXml> of(List<Recipient> rs) {
        List<RecipientXml> out = new ArrayList<>(rs.size());
        for (Recipient r : rs) {
            out.add(of(r));
        }
        return out;
    }

    static List<Recipient> recipients(List<RecipientXml> xs) {
        List<Recipient> out = new ArrayList<>();
        for (RecipientXml x : WireIds.list(xs)) {
            out.add(x.recipient());
        }
        return out;
    }
}
