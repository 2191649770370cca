package org.koppel.eas.auth;

/**
 * What is done with a domain in a Basic-auth login before it reaches the {@link Authenticator}. Phones send
 * what the user typed: {@code carol}, {@code EXAMPLE\carol} (Exchange habit), or {@code carol@example.org}.
 */
public enum DomainHandling {
    /** Pass the login exactly as sent. */
    NONE,
    /**
     * Drop a {@code DOMAIN\} prefix (a Windows domain means nothing to Koppel) and keep {@code user@domain}
     * whole, since the store accepts an e-mail address as a login. The default.
     */
    NETBIOS,
    /** Drop {@code DOMAIN\} and also {@code @domain}, for sites whose logins are bare names. */
    ALL;

    /** The login to authenticate from the one sent. */
    public String apply(String sent) {
        String login = sent;
        if (this != NONE) {
            int backslash = login.indexOf('\\');
            if (backslash >= 0) {
                login = login.substring(backslash + 1);
            }
        }
        if (this == ALL) {
            int at = login.lastIndexOf('@');
            if (at > 0) {
                login = login.substring(0, at);
            }
        }
        return login;
    }
}
