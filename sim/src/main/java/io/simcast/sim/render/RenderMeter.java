package io.simcast.sim.render;

/** Frame rate and mean render and readback times over consecutive one-second windows. Render thread writes. */
final class RenderMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long windowStart = -1;
    private long frames;
    private long renderNanos;
    private long readbackNanos;
    private long total;
    private volatile RenderStats stats = RenderStats.NONE;

    /** Records {@code count} frames (0 on an idle pass) drawn in {@code render} ns, read back in {@code readback} ns. */
    void add(long now, int count, long render, long readback) {
        if (windowStart < 0) {
            windowStart = now;
        }
        frames += count;
        renderNanos += render;
        readbackNanos += readback;
        total += count;
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            long perFrame = Math.max(frames, 1);
            stats = new RenderStats(frames / (elapsed * 1e-9), renderNanos * 1e-6 / perFrame,
                    readbackNanos * 1e-6 / perFrame, total);
            windowStart = now;
            frames = 0;
            renderNanos = 0;
            readbackNanos = 0;
        }
    }

    /** The last full window; any thread. */
    RenderStats stats() {
        return stats;
    }
}
