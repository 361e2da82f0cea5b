package io.simcast.app.console.view;

import java.util.Arrays;

/**
 * Durations counted in fixed-width buckets, so memory stays constant however long it records, with the exact
 * maximum kept beside them: the percentiles of {@code simcast bench console}. A percentile is the upper edge of the
 * bucket that holds it (never flattering); one beyond the last bucket is the maximum itself.
 *
 * <p>Not thread-safe: its owner locks.
 */
public final class DurationHistogram {
    /**
     * Where the recorded durations lie, in milliseconds.
     *
     * @param count how many were recorded
     */
    public record Spread(long count, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {}

    private final long bucketNanos;
    private final long[] buckets;
    private long count;
    private long max;

    /** {@code bucketCount} buckets of {@code bucketNanos} each; longer durations count in the maximum's bucket. */
    public DurationHistogram(long bucketNanos, int bucketCount) {
        this.bucketNanos = bucketNanos;
        this.buckets = new long[bucketCount + 1];
    }

    public void add(long nanos) {
        long clamped = Math.max(0, nanos);
        buckets[(int) Math.min(buckets.length - 1, clamped / bucketNanos)]++;
        count++;
        max = Math.max(max, clamped);
    }

    public void clear() {
        Arrays.fill(buckets, 0);
        count = 0;
        max = 0;
    }

    public Spread spread() {
        return new Spread(count, percentile(0.50), percentile(0.95), percentile(0.99), max * 1e-6);
    }

    private double percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p * count);
        long seen = 0;
        for (int i = 0; i < buckets.length - 1; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return Math.min((i + 1) * bucketNanos, max) * 1e-6;
            }
        }
        return max * 1e-6;
    }
}
