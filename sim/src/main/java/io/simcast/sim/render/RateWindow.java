package io.simcast.sim.render;

/**
 * Events per second and mean duration over consecutive one-second windows; the last complete window is what
 * readers see. Frame consumers (the WebRTC pumps, the encoders) measure themselves with it. One writer thread;
 * readers on any thread see a consistent pair.
 */
public final class RateWindow {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private record Result(double perSecond, double meanMillis) {}

    private long windowStart = -1;
    private int count;
    private long busyNanos;
    private volatile Result last = new Result(0, 0);

    /** Records one event that took {@code durationNanos}, ending at {@code now}. Writer thread. */
    public void record(long now, long durationNanos) {
        if (windowStart < 0) {
            windowStart = now;
        }
        count++;
        busyNanos += durationNanos;
        roll(now);
    }

    /** Closes the window when a second has passed, so an idle stream falls to 0. Writer thread. */
    public void roll(long now) {
        if (windowStart < 0) {
            windowStart = now;
            return;
        }
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            last = new Result(count / (elapsed * 1e-9), count == 0 ? 0 : busyNanos / 1e6 / count);
            windowStart = now;
            count = 0;
            busyNanos = 0;
        }
    }

    public double perSecond() {
        return last.perSecond();
    }

    public double meanMillis() {
        return last.meanMillis();
    }
}
