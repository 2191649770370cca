package org.koppel.dist.bench;

import java.util.Arrays;

/** Recorded durations of one operation, in nanoseconds, and their percentiles. */
final class Latencies {

    private long[] nanos;
    private int count;

    Latencies(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    int count() {
        return count;
    }

    /** Records every sample of this one in {@code other} too (merging per-thread recorders). */
    void copyInto(Latencies other) {
        for (int i = 0; i < count; i++) {
            other.record(nanos[i]);
        }
    }

    long totalNanos() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum;
    }

    /** The nearest-rank percentile in microseconds ({@code p} from 0 to 100). */
    double percentileMicros(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.min(count, Math.max(1, rank)) - 1] / 1_000.0;
    }
}
