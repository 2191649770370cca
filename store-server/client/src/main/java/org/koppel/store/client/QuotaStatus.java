package org.koppel.store.client;

/** A user's effective quota (their own or the server default), the store's size and the resulting level. */
public record QuotaStatus(String login, Quota quota, boolean serverDefault, long usedBytes, QuotaLevel level) {
}
