package io.simcast.app.console.view;

/**
 * How well the live view keeps up, measured where the operator sees it: frames shown per second, the time from the
 * renderer reading a frame back to the JavaFX pulse that puts it on screen, the JavaFX thread's own time putting it
 * there, and the gaps between pulses (a long gap is the JavaFX thread busy or waiting). Keeps the last full second
 * for the statistics panel and running totals (in {@link DurationHistogram}s, so memory stays constant) for
 * {@code simcast bench console}.
 *
 * <p>The JavaFX thread records; any thread reads. Readers and the recorder share one lock, held for microseconds.
 */
public final class FrameMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;

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
     * @param latency from readback to the pulse that showed the frame
     * @param pulseGap between two JavaFX pulses (about 16.7 ms at 60 Hz; longer means the thread was held up)
     * @param showWork the JavaFX thread's own time per shown frame (copying it into the image)
     */
    public record Summary(double seconds, long shown, long skipped, DurationHistogram.Spread latency,
                          DurationHistogram.Spread pulseGap, DurationHistogram.Spread showWork) {
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
    private final DurationHistogram latencies = new DurationHistogram(MILLISECOND, 1000);
    private final DurationHistogram gaps = new DurationHistogram(MILLISECOND / 10, 10_000);
    private final DurationHistogram showWork = new DurationHistogram(MILLISECOND / 100, 10_000);

    /** A JavaFX pulse began at {@code now}. */
    public synchronized void pulse(long now) {
        if (lastPulse >= 0) {
            long gap = now - lastPulse;
            gaps.add(gap);
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

    /**
     * Frame {@code number}, read back at {@code capturedNanos}, went on screen: the JavaFX thread began putting it
     * there at {@code startNanos} and was done at {@code endNanos}.
     */
    synchronized void shown(long number, long capturedNanos, long startNanos, long endNanos) {
        long latency = endNanos - capturedNanos;
        shown++;
        if (lastNumber >= 0 && number > lastNumber + 1) {
            skipped += number - lastNumber - 1;
        }
        lastNumber = number;
        latencies.add(latency);
        showWork.add(endNanos - startNanos);
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
        latencies.clear();
        gaps.clear();
        showWork.clear();
    }

    /** The running totals. */
    public synchronized Summary summary() {
        return new Summary((System.nanoTime() - since) * 1e-9, shown, skipped, latencies.spread(), gaps.spread(),
                showWork.spread());
    }
}
