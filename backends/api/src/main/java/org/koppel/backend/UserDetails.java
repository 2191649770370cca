package org.koppel.backend;

import java.util.List;
import java.util.Objects;

/**
 * Who the session belongs to, for Settings UserInformation and the From of sent mail.
 *
 * @param aliases the user's further addresses, besides {@code primaryEmail} (Settings UserInformation lists them)
 */
public record UserDetails(String login, String displayName, String primaryEmail, List<String> aliases) {

    public UserDetails {
        Objects.requireNonNull(login, "login");
        aliases = List.copyOf(aliases);
    }

    /** A user without further addresses. */
    public UserDetails(String login, String displayName, String primaryEmail) {
        this(login, displayName, primaryEmail, List.of());
    }
}
