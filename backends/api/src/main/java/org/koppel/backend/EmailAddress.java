package org.koppel.backend;

import java.util.Objects;

/** A mailbox as it appears in To, Cc, From and Reply-To: display name (may be empty) and address. */
public record EmailAddress(String name, String address) {
    public EmailAddress {
        name = name == null ? "" : name;
        Objects.requireNonNull(address, "address");
    }

    public static EmailAddress of(String address) {
        return new EmailAddress("", address);
    }
}
