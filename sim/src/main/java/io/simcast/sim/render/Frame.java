package io.simcast.sim.render;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rendered image of a view: RGBA, 4 bytes per pixel, opaque, with when and what it shows.
 *
 * <p><b>Row order: bottom row first</b> (OpenGL's order). The renderer reads the pixels back exactly as OpenGL
 * gives them, with no copy or flip of its own; every consumer turns the rows while making the one copy it needs
 * anyway, at no extra cost: the WebRTC pump in libyuv's conversion to I420, the console in its copy into a JavaFX
 * image, snapshots while encoding the PNG. {@link #rowOffset} finds a row counted from the top.
 *
 * <p>Frames come from a small per-view pool and are reference counted. The renderer hands each subscriber its own
 * reference; whoever takes a frame from a {@link FrameSubscription} must call {@link #release()} exactly once when
 * done with the pixels, after which the buffer may be overwritten by a later frame. Any thread may read and release.
 */
public final class Frame {
    private final FramePool pool;
    private final int width;
    private final int height;
    private final ByteBuffer pixels;
    private final ByteBuffer readOnly;
    private final AtomicInteger references = new AtomicInteger();
    // Written by the render thread before the frame is published; publication through a subscription's lock
    // makes them visible to consumers.
    private long number;
    private double simTime;
    private long capturedNanos;
    private long capturedEpochMillis;

    Frame(FramePool pool, int width, int height) {
        this.pool = pool;
        this.width = width;
        this.height = height;
        this.pixels = ByteBuffer.allocateDirect(width * height * 4);
        this.readOnly = pixels.asReadOnlyBuffer();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The pixels: a new read-only view (position 0) of the direct buffer of width x height x 4 bytes (R, G, B, A),
     * <b>bottom row first</b>.
     */
    public ByteBuffer rgbaBottomUp() {
        return readOnly.duplicate();
    }

    /** Where the picture's row {@code row}, counted from the top (0 = top), starts in {@link #rgbaBottomUp()}. */
    public int rowOffset(int row) {
        return (height - 1 - row) * width * 4;
    }

    /** Counts the view's frames from 1; a gap means frames were dropped before this one was taken. */
    public long number() {
        return number;
    }

    /** Simulation time of the state shown, in seconds. */
    public double simTime() {
        return simTime;
    }

    /** {@link System#nanoTime()} when the pixels were read back. */
    public long capturedNanos() {
        return capturedNanos;
    }

    /** Wall-clock time when the pixels were read back, in milliseconds since the epoch. */
    public long capturedEpochMillis() {
        return capturedEpochMillis;
    }

    /** Gives this reference back; the last one returns the frame to its pool. */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            pool.recycle(this);
        } else if (left < 0) {
            throw new IllegalStateException("frame " + number + " released more often than it was handed out");
        }
    }

    // ---- render thread ---------------------------------------------------------------------------------------

    /** The writable pixels, for the readback. */
    ByteBuffer target() {
        return pixels;
    }

    /** Stamps a freshly filled frame; the render thread holds the one reference it starts with. */
    void stamp(long number, double simTime, long capturedNanos, long capturedEpochMillis) {
        this.number = number;
        this.simTime = simTime;
        this.capturedNanos = capturedNanos;
        this.capturedEpochMillis = capturedEpochMillis;
    }

    /** Adds a reference for one more holder. */
    Frame retain() {
        references.incrementAndGet();
        return this;
    }
}
