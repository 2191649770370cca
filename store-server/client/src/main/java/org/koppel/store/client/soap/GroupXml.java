package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import org.koppel.store.client.GroupInfo;

/** A group and the logins of its members. */
@XmlType(name = "groupInfo")
public final class GroupXml {
    public long id;
    public String name;
    public String email;

    @XmlElement(name = "member")
    public List<String> members;

    public static GroupXml of(GroupInfo g) {
        GroupXml x = new GroupXml();
        x.id = g.id();
        x.name = g.name();
        x.email = g.email();
        x.members = g.members();
        return x;
    }

    public GroupInfo info() {
        return new GroupInfo(id, name, email, WireIds.list(members));
    }
}
