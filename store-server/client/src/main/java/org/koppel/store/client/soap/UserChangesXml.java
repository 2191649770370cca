package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.store.client.Feature;
import org.koppel.store.client.UserChanges;

/**
 * Changes to a user: each element present is a change. Aliases and features are replaced as a whole;
 * {@code setAliases}/{@code setFeatures} say that an empty list means "none" rather than "unchanged".
 */
@XmlType(name = "userChanges")
public final class UserChangesXml {
    public String fullName;
    public String email;
    public Boolean admin;
    public Boolean active;
    public boolean setAliases;

    @XmlElement(name = "alias")
    public List<String> aliases;

    public boolean setFeatures;

    @XmlElement(name = "feature")
    public List<Feature> features;

    public static UserChangesXml of(UserChanges c) {
        UserChangesXml x = new UserChangesXml();
        x.fullName = c.fullName().orElse(null);
        x.email = c.email().orElse(null);
        x.admin = c.admin().orElse(null);
        x.active = c.active().orElse(null);
        x.setAliases = c.aliases().isPresent();
        x.aliases = c.aliases().orElse(null);
        x.setFeatures = c.features().isPresent();
        x.features = c.features().map(UserXml::sorted).orElse(null);
        return x;
    }

    public UserChanges changes() {
        Optional<Set<Feature>> f = Optional.empty();
        if (setFeatures) {
            EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
            set.addAll(WireIds.list(features));
            f = Optional.of(set);
        }
        return new UserChanges(Optional.ofNullable(fullName), Optional.ofNullable(email), Optional.ofNullable(admin),
                Optional.ofNullable(active), setAliases ? Optional.of(WireIds.list(aliases)) : Optional.empty(), f);
    }
}
