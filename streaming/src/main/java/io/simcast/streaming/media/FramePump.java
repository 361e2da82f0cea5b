package io.simcast.streaming.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.RateWindow;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one view's frames into WebRTC on its own thread, {@code simcast-pump-<view>}: newest rendered frame ->
 * I420 (libyuv through webrtc-java; the renderer's RGBA byte order is libyuv's ABGR) -> latency stamp in bench
 * mode -> {@link CustomVideoSource}, which every viewer of the view encodes from. Nothing queues: the subscription
 * keeps only the newest frame and libwebrtc's encoder drops frames it has no time for.
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
    private volatile boolean running = true;
    private NativeI420Buffer last;

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

    private void run() {
        boolean warned = false;
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
                    push(convert(frame), frame.capturedNanos());
                    rate.record(System.nanoTime(), System.nanoTime() - start);
                } catch (Exception e) {
                    if (!warned) {
                        log.warn("View {}: frame {} could not be converted for WebRTC ({}); dropping frames until"
                                + " one converts", viewId, frame.number(), e.toString());
                        warned = true;
                    }
                } finally {
                    frame.release();
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            if (last != null) {
                last.release();
                last = null;
            }
        }
    }

    private NativeI420Buffer convert(Frame frame) throws Exception {
        NativeI420Buffer i420 = NativeI420Buffer.allocate(frame.width(), frame.height());
        VideoBufferConverter.convertToI420(frame.rgba(), i420, FourCC.ABGR);
        if (latencyStamp && LatencyStamp.fits(frame.width(), frame.height())) {
            LatencyStamp.write(i420.getDataY(), i420.getStrideY(), i420.getDataU(), i420.getStrideU(),
                    i420.getDataV(), i420.getStrideV(), frame.capturedEpochMillis());
        }
        return i420;
    }

    /** Hands {@code i420} to WebRTC (which keeps it until its encoders are done) and keeps it as the last picture. */
    private void push(NativeI420Buffer i420, long timestampNanos) {
        i420.retain(); // one reference for the frame below, one kept for repeats
        VideoFrame video = new VideoFrame(i420, timestampNanos);
        try {
            sink.pushFrame(video);
        } finally {
            video.release();
        }
        if (last != null) {
            last.release();
        }
        last = i420;
    }

    private void repeatLast() {
        if (last == null) {
            return;
        }
        last.retain();
        VideoFrame video = new VideoFrame(last, System.nanoTime());
        try {
            sink.pushFrame(video);
        } finally {
            video.release();
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
