package org.koppel.eas.auth;

import java.util.Objects;

/**
 * What a client presented: the login after {@link DomainHandling} (e.g. {@code carol} from
 * {@code EXAMPLE\carol}), the login exactly as sent, the password, and the client's address.
 */
public record Credentials(String login, String sentLogin, String password, String remoteAddress) {

    public Credentials {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(sentLogin, "sentLogin");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    @Override
    public String toString() {
        return "Credentials[" + sentLogin + " from " + remoteAddress + "]";
    }
}
