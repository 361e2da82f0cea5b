package io.simcast.app.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The percentiles {@code simcast bench console} prints: bucket upper edges, never above the real maximum. */
class DurationHistogramTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreTheUpperEdgesOfTheirBucketsAndTheMaximumIsExact() {
        DurationHistogram histogram = new DurationHistogram(MS, 100);
        for (int i = 0; i < 98; i++) {
            histogram.add(16 * MS + MS / 2); // 16.5 ms: the 16-17 ms bucket
        }
        histogram.add(40 * MS);
        histogram.add(73 * MS + MS / 4);

        DurationHistogram.Spread spread = histogram.spread();

        assertThat(spread.count()).isEqualTo(100);
        assertThat(spread.p50Millis()).isEqualTo(17.0);
        assertThat(spread.p95Millis()).isEqualTo(17.0);
        assertThat(spread.p99Millis()).isEqualTo(41.0);
        assertThat(spread.maxMillis()).isEqualTo(73.25);
    }

    @Test
    void aDurationBeyondTheLastBucketCountsAsTheMaximum() {
        DurationHistogram histogram = new DurationHistogram(MS, 10);
        histogram.add(5 * MS);
        histogram.add(250 * MS);

        assertThat(histogram.spread().p99Millis()).isEqualTo(250.0);
        assertThat(histogram.spread().p50Millis()).isEqualTo(6.0);
    }

    @Test
    void clearingStartsAfresh() {
        DurationHistogram histogram = new DurationHistogram(MS, 10);
        histogram.add(5 * MS);
        histogram.clear();

        assertThat(histogram.spread()).isEqualTo(new DurationHistogram.Spread(0, 0, 0, 0, 0));
    }
}
