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

    /**
     * The same run counted in other units (messages rather than batches): the rate scales accordingly,
     * the latencies stay those of one operation as measured.
     */
    BenchResult withOps(int ops) {
        double scale = operations == 0 ? Double.NaN : (double) ops / operations;
        return new BenchResult(name, ops, perSecond * scale, p50Micros, p90Micros, p99Micros);
    }
}
