package org.koppel.inetmapi;

import java.util.Optional;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserInfo;

/**
 * The local users an Internet address may belong to, so a converted message names them as the store
 * knows them (full name, primary address) rather than as the sender's mail client typed them.
 */
@FunctionalInterface
public interface AddressBook {

    /** A local user known by this address (or alias). */
    Optional<UserInfo> resolve(String address);

    /** No local users: addresses stay as written. */
    AddressBook NONE = address -> Optional.empty();

    /** The store's directory, through a session. */
    static AddressBook of(Session session) {
        return address -> address == null || address.isBlank() ? Optional.empty()
                : session.directory().resolve(address.strip());
    }
}
