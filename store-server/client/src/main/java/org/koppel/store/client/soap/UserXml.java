package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.koppel.store.client.Feature;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/** A user of the address book; also a new user (with {@code password}) when creating one. */
@XmlType(name = "userInfo")
public final class UserXml {
    public long id;
    public String login;
    public String fullName;
    public String email;

    @XmlElement(name = "alias")
    public List<String> aliases;

    public boolean admin;
    public UserKind kind;
    public boolean active;

    @XmlElement(name = "feature")
    public List<Feature> features;

    /** Only when creating a user; never sent back. */
    public String password;

    public static UserXml of(UserInfo u) {
        UserXml x = new UserXml();
        x.id = u.id();
        x.login = u.login();
        x.fullName = u.fullName();
        x.email = u.email();
        x.aliases = u.aliases();
        x.admin = u.admin();
        x.kind = u.kind();
        x.active = u.active();
        x.features = sorted(u.features());
        return x;
    }

    public static UserXml of(NewUser u) {
        UserXml x = new UserXml();
        x.login = u.login();
        x.fullName = u.fullName();
        x.email = u.email();
        x.aliases = u.aliases();
        x.admin = u.admin();
        x.kind = u.kind();
        x.active = true;
        x.features = sorted(u.features());
        x.password = u.password();
        return x;
    }

    public UserInfo info() {
        return new UserInfo(id, login, fullName, email, WireIds.list(aliases), admin, kind, active, features());
    }

    public NewUser newUser() {
        return new NewUser(login, fullName, email, password, admin, kind == null ? UserKind.USER : kind,
                WireIds.list(aliases), features());
    }

    private Set<Feature> features() {
        EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
        set.addAll(WireIds.list(features));
        return set;
    }

    static List<Feature> sorted(Set<Feature> features) {
        return features.stream().sorted().toList();
    }
}
