package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fields of a user to change; empty ones stay as they are. */
public record UserChanges(
        Optional<String> fullName,
        Optional<String> email,
        Optional<Boolean> admin,
        Optional<Boolean> active,
        Optional<List<String>> aliases,
        Optional<Set<Feature>> features) {

    public static UserChanges none() {
        return new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public UserChanges withFeatures(Set<Feature> f) {
        return new UserChanges(fullName, email, admin, active, aliases, Optional.of(Set.copyOf(f)));
    }

    public UserChanges withEmail(String address) {
        return new UserChanges(fullName, Optional.of(address), admin, active, aliases, features);
    }

    public UserChanges withAdmin(boolean a) {
        return new UserChanges(fullName, email, Optional.of(a), active, aliases, features);
    }

    /** Replaces the aliases. */
    public UserChanges withAliases(List<String> addresses) {
        return new UserChanges(fullName, email, admin, active, Optional.of(List.copyOf(addresses)), features);
    }

    public UserChanges withFullName(String name) {
        return new UserChanges(Optional.of(name), email, admin, active, aliases, features);
    }

    public UserChanges withActive(boolean a) {
        return new UserChanges(fullName, email, admin, Optional.of(a), aliases, features);
    }
}
