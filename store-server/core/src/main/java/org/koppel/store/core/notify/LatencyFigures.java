package org.koppel.store.core.notify;

/**
 * Publish-to-listener latency measured by {@link NotificationLatencyProbe}.
 *
 * @param subscribers subscriptions on the hub
 * @param events      events measured (after warm-up); the percentiles are over all their listener calls
 * @param p50Micros   median latency from the start of {@code publish} to the listener call, in microseconds
 * @param p99Micros   99th percentile of the same, in microseconds
 */
public record LatencyFigures(int subscribers, int events, double p50Micros, double p99Micros) {
}
