package org.koppel.store.client.soap;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.AclEntry;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.Permissions;

/** {@link Permissions} over SOAP. */
final class SoapPermissions implements Permissions {

    private final SoapCall call;

    SoapPermissions(SoapCall call) {
        this.call = call;
    }

    @Override
    public List<AclEntry> list(EntryId folder) {
        return WireIds.list(call.get((p, s) -> p.listAcl(s, folder.bytes()))).stream().map(AclXml::entry).toList();
    }

    @Override
    public void set(EntryId folder, String member, MemberKind kind, int rights) {
        call.run((p, s) -> p.setAcl(s, folder.bytes(), member, kind, rights));
    }

    @Override
    public int effectiveRights(EntryId folder) {
        return call.get((p, s) -> p.effectiveRights(s, folder.bytes()));
    }

    @Override
    public List<String> delegates(String login) {
        return List.copyOf(WireIds.list(call.get((p, s) -> p.delegates(s, login))));
    }

    @Override
    public void addDelegate(String login, String delegate) {
        call.run((p, s) -> p.addDelegate(s, login, delegate));
    }

    @Override
    public void removeDelegate(String login, String delegate) {
        call.run((p, s) -> p.removeDelegate(s, login, delegate));
    }
}
