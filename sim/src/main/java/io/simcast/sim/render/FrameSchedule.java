package io.simcast.sim.render;

/**
 * When a view draws next: at most once per frame period, and only when its picture would change (a new snapshot,
 * or a change to the view itself). Render thread only.
 */
final class FrameSchedule {
    /** A due view whose picture would not change looks again this often for a new snapshot. */
    private static final long CHANGE_POLL_NANOS = 4_000_000L;

    private long periodNanos;
    private long nextDue;
    private long lastSequence = -1;
    private boolean changed = true;

    FrameSchedule(double fps, long now) {
        setFps(fps);
        nextDue = now;
    }

    void setFps(double fps) {
        periodNanos = (long) (1e9 / fps);
    }

    /** The view changed (camera, options, size, a new subscriber): the next due frame is drawn. */
    void changed() {
        changed = true;
    }

    /** Whether a frame is due at {@code now} and would differ from the last one. */
    boolean due(long now, long sequence) {
        return now - nextDue >= 0 && (changed || sequence != lastSequence);
    }

    /** When to look again: the next due time, or soon if due now but waiting for a change. */
    long wakeAt(long now) {
        return now - nextDue < 0 ? nextDue : now + CHANGE_POLL_NANOS;
    }

    /**
     * A frame begun at {@code frameStart} showed snapshot {@code sequence}; {@code stillChanging} asks for another
     * even without a new snapshot (a tracking camera still gliding toward its body).
     */
    void drawn(long frameStart, long sequence, boolean stillChanging) {
        lastSequence = sequence;
        changed = stillChanging;
        // Keep the cadence; after a long stall start afresh instead of rendering a burst to catch up.
        nextDue = frameStart - nextDue > periodNanos ? frameStart + periodNanos : nextDue + periodNanos;
    }
}
