package io.simcast.sim.render;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The frames of one view: reused once every holder released them, so steady-state rendering allocates no pixel
 * buffers. Frames of an old size (after a resize) are dropped when they come back.
 *
 * <p>The render thread acquires; any thread recycles (through {@link Frame#release()}). When consumers hold every
 * frame the pool may have, {@link #acquire} returns null and the renderer skips that frame rather than allocating.
 */
final class FramePool {
    private final Queue<Frame> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger allocated = new AtomicInteger();

    /**
     * A frame of this size with one reference (the caller's), or null when {@code limit} frames are out already.
     */
    Frame acquire(int width, int height, int limit) {
        Frame frame;
        while ((frame = free.poll()) != null) {
            if (frame.width() == width && frame.height() == height) {
                return frame.retain();
            }
            allocated.decrementAndGet(); // an old size: let it go
        }
        if (allocated.get() >= limit) {
            return null;
        }
        allocated.incrementAndGet();
        return new Frame(this, width, height).retain();
    }

    void recycle(Frame frame) {
        free.add(frame);
    }

    /** Frames alive (free or held), for tests of the no-allocation promise. */
    int allocated() {
        return allocated.get();
    }
}
