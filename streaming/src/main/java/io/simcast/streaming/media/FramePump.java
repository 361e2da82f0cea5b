package io.simcast.streaming.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.LatencyStamp;
import io.simcast.sim.render.RateWindow;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one view's frames into WebRTC on its own thread, {@code simcast-pump-<view>}: newest rendered frame ->
 * I420 in a pooled buffer, turned the right way up in the same pass (libyuv through webrtc-java; the renderer's
 * RGBA byte order is libyuv's ABGR, its rows bottom-up) -> latency stamp in bench mode -> {@link CustomVideoSource},
 * which every viewer of the view encodes from. Nothing queues: the subscription keeps only the newest frame and
 * libwebrtc's encoder drops frames it has no time for. In steady state nothing is allocated per frame: the I420
 * buffers come from an {@link I420Pool}, which hands one out again only once libwebrtc let go of it.
 *
 * <p>The renderer draws only when the picture changes (a paused scene sends nothing). The pump then repeats the
 * last picture a few times a second: a viewer who joins a still view gets a picture, and an encoder asked for a
 * key frame after a lost packet has a frame to make it from.
 *
 * <p>Started and closed by {@link Feed} on the engine thread. The source must outlive the pump: close the pump
 * first.
 */
public final class FramePump implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FramePump.class);
    /** A still picture is sent again this often. */
    private static final long REPEAT_MILLIS = 250;

    private final String viewId;
    private final FrameSubscription frames;
    private final CustomVideoSource sink;
    private final boolean latencyStamp;
    private final Thread thread;
    private final RateWindow rate = new RateWindow();
    private final I420Pool pool = new I420Pool(NativeReferences.find());
    private volatile boolean running = true;
    private volatile long buffersCreated;
    // Pump thread only.
    private I420Picture last;
    private boolean starved;
    private boolean failed;

    public FramePump(String viewId, FrameSubscription frames, CustomVideoSource sink, boolean latencyStamp) {
        this.viewId = viewId;
        this.frames = frames;
        this.sink = sink;
        this.latencyStamp = latencyStamp;
        this.thread = new Thread(this::run, "simcast-pump-" + viewId);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** New frames handed to WebRTC per second over the last second (repeats of a still picture not counted). */
    public double framesPerSecond() {
        return rate.perSecond();
    }

    /** Mean time from taking a frame to handing it over (conversion and stamp), in milliseconds. */
    public double millisPerFrame() {
        return rate.meanMillis();
    }

    /** I420 buffers made so far; constant once the stream is warm (tests of the no-allocation promise). */
    long i420BuffersCreated() {
        return buffersCreated;
    }

    private void run() {
        try {
            while (running) {
                Frame frame = frames.take(REPEAT_MILLIS, TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                if (frame == null) {
                    rate.roll(start);
                    repeatLast();
                    continue;
                }
                try {
                    send(frame, start);
                } finally {
                    frame.release();
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            if (last != null) {
                pool.recycle(last);
                last = null;
            }
            pool.close();
        }
    }

    /** Converts the frame into a free pooled picture and hands it to WebRTC; skips it when none is free. */
    private void send(Frame frame, long start) {
        Optional<I420Picture> free = pool.acquire(frame.width(), frame.height());
        buffersCreated = pool.created();
        if (free.isEmpty()) {
            if (!starved) {
                starved = true;
                log.warn("View {}: libwebrtc still holds all {} I420 buffers (an encoder has fallen behind);"
                        + " frames are skipped until it lets go of some", viewId, I420Pool.CAPACITY);
            }
            return;
        }
        starved = false;
        I420Picture picture = free.get();
        try {
            picture.fill(frame);
            if (latencyStamp && LatencyStamp.fits(frame.width(), frame.height())) {
                picture.stamp(frame.capturedEpochMillis());
            }
            sink.pushFrame(picture.videoFrame());
        } catch (Exception e) {
            pool.recycle(picture); // safe even if libwebrtc took it: the pool waits for its references to go
            if (!failed) {
                failed = true;
                log.warn("View {}: frame {} could not be converted for WebRTC ({}); dropping frames until one"
                        + " converts", viewId, frame.number(), e.toString());
            }
            return;
        }
        if (last != null) {
            pool.recycle(last);
        }
        last = picture; // kept out of the pool, so repeats send it unchanged
        long end = System.nanoTime();
        rate.record(end, end - start);
    }

    /** Sends the last picture again (libwebrtc takes its own references, the pump keeps its own). */
    private void repeatLast() {
        if (last != null) {
            sink.pushFrame(last.videoFrame());
        }
    }

    /** Stops the thread and closes the subscription. Idempotent. */
    @Override
    public void close() {
        running = false;
        frames.close(); // wakes a waiting take
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
