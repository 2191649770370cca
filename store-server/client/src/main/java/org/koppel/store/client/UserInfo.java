package org.koppel.store.client;

import java.util.List;
import java.util.Set;

/** A user as the directory describes it (never the password). */
public record UserInfo(
        long id,
        String login,
        String fullName,
        String email,
        List<String> aliases,
        boolean admin,
        UserKind kind,
        boolean active,
        Set<Feature> features) {

    public UserInfo {
        aliases = List.copyOf(aliases);
        features = Set.copyOf(features);
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
