package org.koppel.store.api;

import java.util.Objects;

/** A person's display name and e-mail address, as a sender or a recipient shows them. */
public record Address(String name, String email) {
    public Address {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }

    /** An address with no display name. */
    public static Address of(String email) {
        return new Address("", Objects.requireNonNull(email, "email"));
    }

    @Override
    public String toString() {
        return name.isEmpty() ? email : name + " <" + email + ">";
    }
}
