package org.koppel.store.core.blob;

/** What a purge removed. */
public record PurgeReport(int blobsRemoved, long bytesFreed, int orphansRemoved) {
}
