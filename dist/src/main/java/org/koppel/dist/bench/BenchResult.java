package org.koppel.dist.bench;

/**
 * One line of the report: an operation, how often it ran (after warm-up), its rate over the wall-clock
 * time of the measured run, and its latency percentiles.
 */
record BenchResult(String name, int operations, double perSecond, double p50Micros, double p90Micros, double p99Micros) {

    static BenchResult of(String name, Latencies latencies, long wallNanos) {
        double seconds = wallNanos / 1e9;
        return new BenchResult(name, latencies.count(), seconds > 0 ? latencies.count() / seconds : Double.NaN,
                latencies.percentileMicros(50), latencies.percentileMicros(90), latencies.percentileMicros(99));
    }
}
