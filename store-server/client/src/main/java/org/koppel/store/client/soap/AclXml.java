package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import org.koppel.store.client.AclEntry;
import org.koppel.store.client.MemberKind;

/** One entry of a folder's access control list: a user or group and its rights (the frights bits). */
@XmlType(name = "aclEntry")
public final class AclXml {
    public String member;
    public MemberKind kind;
    public int rights;

    public static AclXml of(AclEntry e) {
        AclXml x = new AclXml();
        x.member = e.member();
        x.kind = e.kind();
        x.rights = e.rights();
        return x;
    }

    public AclEntry entry() {
        return new AclEntry(member, kind, rights);
    }
}
