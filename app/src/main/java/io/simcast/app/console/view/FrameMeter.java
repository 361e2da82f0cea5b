package io.simcast.app.console.view;

import java.util.Arrays;

/**
 * How well the live view keeps up, measured where the operator sees it: frames shown per second, the time from the
 * renderer reading a frame back to the JavaFX pulse that puts it on screen, and the gaps between pulses (a long gap is
 * the JavaFX thread busy or waiting). Keeps the last full second for the statistics panel and running totals (in
 * 1 ms buckets, so memory stays constant) for {@code simcast bench console}.
 *
 * <p>The JavaFX thread records; any thread reads. Readers and the recorder share one lock, held for microseconds.
 */
public final class FrameMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final int BUCKETS = 1000;

    /**
     * The last full second.
     *
     * @param framesPerSecond new frames put on screen per second
     * @param meanLatencyMillis mean time from readback to the pulse that showed the frame
     * @param maxPulseGapMillis the longest time between two pulses
     */
    public record Window(double framesPerSecond, double meanLatencyMillis, double maxPulseGapMillis) {
        static final Window NONE = new Window(0, 0, 0);
    }

    /**
     * Everything since the last {@link #reset()}.
     *
     * @param seconds how long it covers
     * @param shown frames put on screen
     * @param skipped frames the renderer made that never reached the screen (a newer one replaced them)
     */
    public record Summary(double seconds, long shown, long skipped, double latencyP50Millis,
                          double latencyP95Millis, double latencyMaxMillis, double pulseGapP50Millis,
                          double pulseGapMaxMillis) {
        public double framesPerSecond() {
            return seconds > 0 ? shown / seconds : 0;
        }
    }

    private long windowStart = -1;
    private int windowFrames;
    private long windowLatency;
    private long windowMaxGap;
    private Window last = Window.NONE;

    private long since = System.nanoTime();
    private long lastPulse = -1;
    private long lastNumber = -1;
    private long shown;
    private long skipped;
    private final long[] latencies = new long[BUCKETS + 1];
    private final long[] gaps = new long[BUCKETS + 1];
    private long maxLatency;
    private long maxGap;

    /** A JavaFX pulse began at {@code now}. */
    public synchronized void pulse(long now) {
        if (lastPulse >= 0) {
            long gap = now - lastPulse;
            gaps[bucket(gap)]++;
            maxGap = Math.max(maxGap, gap);
            windowMaxGap = Math.max(windowMaxGap, gap);
        }
        lastPulse = now;
        if (windowStart < 0) {
            windowStart = now;
        } else if (now - windowStart >= WINDOW_NANOS) {
            double seconds = (now - windowStart) * 1e-9;
            last = new Window(windowFrames / seconds, windowFrames == 0 ? 0 : windowLatency * 1e-6 / windowFrames,
                    windowMaxGap * 1e-6);
            windowStart = now;
            windowFrames = 0;
            windowLatency = 0;
            windowMaxGap = 0;
        }
    }

    /** Frame {@code number}, read back at {@code capturedNanos}, went on screen at {@code now}. */
    synchronized void shown(long number, long capturedNanos, long now) {
        long latency = now - capturedNanos;
        shown++;
        if (lastNumber >= 0 && number > lastNumber + 1) {
            skipped += number - lastNumber - 1;
        }
        lastNumber = number;
        latencies[bucket(latency)]++;
        maxLatency = Math.max(maxLatency, latency);
        windowFrames++;
        windowLatency += latency;
    }

    /** The last full second. */
    public synchronized Window window() {
        return last;
    }

    /** Starts the running totals afresh. */
    public synchronized void reset() {
        since = System.nanoTime();
        lastNumber = -1;
        shown = 0;
        skipped = 0;
        Arrays.fill(latencies, 0);
        Arrays.fill(gaps, 0);
        maxLatency = 0;
        maxGap = 0;
    }

    /** The running totals. */
    public synchronized Summary summary() {
        return new Summary((System.nanoTime() - since) * 1e-9, shown, skipped, percentile(latencies, 0.5),
                percentile(latencies, 0.95), maxLatency * 1e-6, percentile(gaps, 0.5), maxGap * 1e-6);
    }

    private static int bucket(long nanos) {
        return (int) Math.min(BUCKETS, Math.max(0, nanos / 1_000_000));
    }

    /** The upper edge of the bucket holding the {@code p} quantile, in milliseconds. */
    private static double percentile(long[] buckets, double p) {
        long total = 0;
        for (long count : buckets) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return i + 1;
            }
        }
        return BUCKETS;
    }
}
