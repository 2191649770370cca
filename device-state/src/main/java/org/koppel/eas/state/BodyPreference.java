package org.koppel.eas.state;

/**
 * One airsyncbase:BodyPreference (or BodyPartPreference) of a Sync request's Options.
 *
 * @param type           1 plain text, 2 HTML, 3 RTF, 4 MIME
 * @param truncationSize bytes to send at most, {@link SyncOptions#NOT_SENT} when not given
 * @param allOrNone      send nothing rather than a truncated body
 * @param preview        characters of preview asked for (14.0+), 0 for none
 */
public record BodyPreference(int type, long truncationSize, boolean allOrNone, int preview) {
}
