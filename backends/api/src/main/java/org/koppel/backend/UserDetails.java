package org.koppel.backend;

/** Who the session belongs to, for Settings UserInformation and the From of sent mail. */
public record UserDetails(String login, String displayName, String primaryEmail) {
}
