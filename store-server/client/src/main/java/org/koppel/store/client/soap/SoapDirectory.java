package org.koppel.store.client.soap;

import java.util.List;
import java.util.Optional;
import org.koppel.store.client.Directory;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;

/** {@link Directory} (the address book and its administration) over SOAP. */
final class SoapDirectory implements Directory {

    private final SoapCall call;

    SoapDirectory(SoapCall call) {
        this.call = call;
    }

    @Override
    public UserInfo createUser(NewUser user) {
        return call.get((p, s) -> p.createUser(s, UserXml.of(user))).info();
    }

    @Override
    public UserInfo updateUser(String login, UserChanges changes) {
        return call.get((p, s) -> p.updateUser(s, login, UserChangesXml.of(changes))).info();
    }

    @Override
    public void deleteUser(String login, boolean deleteStore) {
        call.run((p, s) -> p.deleteUser(s, login, deleteStore));
    }

    @Override
    public void setPassword(String login, String newPassword) {
        call.run((p, s) -> p.setPassword(s, login, newPassword));
    }

    @Override
    public void changeOwnPassword(String oldPassword, String newPassword) {
        call.run((p, s) -> p.changeOwnPassword(s, oldPassword, newPassword));
    }

    @Override
    public Optional<UserInfo> user(String login) {
        return Optional.ofNullable(call.get((p, s) -> p.user(s, login))).map(UserXml::info);
    }

    @Override
    public Optional<UserInfo> resolve(String loginOrAddress) {
        return Optional.ofNullable(call.get((p, s) -> p.resolve(s, loginOrAddress))).map(UserXml::info);
    }

    @Override
    public List<UserInfo> users() {
        return WireIds.list(call.get(MapiSoap::users)).stream().map(UserXml::info).toList();
    }

    @Override
    public GroupInfo createGroup(String name, String email) {
        return call.get((p, s) -> p.createGroup(s, name, email)).info();
    }

    @Override
    public void deleteGroup(String name) {
        call.run((p, s) -> p.deleteGroup(s, name));
    }

    @Override
    public void addMember(String group, String login) {
        call.run((p, s) -> p.addMember(s, group, login));
    }

    @Override
    public void removeMember(String group, String login) {
        call.run((p, s) -> p.removeMember(s, group, login));
    }

    @Override
    public Optional<GroupInfo> group(String name) {
        return Optional.ofNullable(call.get((p, s) -> p.group(s, name))).map(GroupXml::info);
    }

    @Override
    public List<GroupInfo> groups() {
        return WireIds.list(call.get(MapiSoap::groups)).stream().map(GroupXml::info).toList();
    }

    @Override
    public List<String> sendAs(MemberKind kind, String name) {
        return List.copyOf(WireIds.list(call.get((p, s) -> p.sendAs(s, kind, name))));
    }

    @Override
    public void grantSendAs(MemberKind kind, String name, String grantee) {
        call.run((p, s) -> p.grantSendAs(s, kind, name, grantee));
    }

    @Override
    public void revokeSendAs(MemberKind kind, String name, String grantee) {
        call.run((p, s) -> p.revokeSendAs(s, kind, name, grantee));
    }
}
