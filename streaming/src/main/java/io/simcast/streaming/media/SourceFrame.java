package io.simcast.streaming.media;

import java.nio.ByteBuffer;

/** One rendered picture, RGBA, top row first, valid until {@link #release()}. */
public interface SourceFrame {
    int width();

    int height();

    /** Read-only direct buffer of width x height x 4 bytes. */
    ByteBuffer rgba();

    long number();

    /** {@link System#nanoTime()} when the picture was captured. */
    long capturedNanos();

    /** Wall-clock milliseconds when the picture was captured (what the latency stamp carries). */
    long capturedEpochMillis();

    void release();
}
