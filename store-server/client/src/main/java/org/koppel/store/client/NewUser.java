package org.koppel.store.client;

import java.util.List;
import java.util.Set;

/** A user to create; a private store with the standard folders is created with it. */
public record NewUser(
        String login,
        String fullName,
        String email,
        String password,
        boolean admin,
        UserKind kind,
        List<String> aliases,
        Set<Feature> features) {

    public NewUser {
        aliases = List.copyOf(aliases);
        features = Set.copyOf(features);
    }

    /** A normal user with every feature enabled. */
    public static NewUser of(String login, String fullName, String email, String password) {
        return new NewUser(login, fullName, email, password, false, UserKind.USER, List.of(),
                Set.of(Feature.values()));
    }
}
