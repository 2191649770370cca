package org.koppel.store.client;

/** Store quotas. A user may read their own; administrators read and set anyone's. */
public interface Quotas {

    QuotaStatus status(String login);

    /** Sets a user's own limits; {@code null} returns the user to the server defaults. */
    void set(String login, Quota quota);
}
