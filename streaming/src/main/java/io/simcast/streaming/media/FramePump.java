package io.simcast.streaming.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one view's frames into WebRTC on its own thread, {@code simcast-pump-<view>}: newest rendered frame ->
 * I420 (libyuv through webrtc-java; the renderer's RGBA byte order is libyuv's ABGR) -> latency stamp in bench
 * mode -> {@link CustomVideoSource}, which every viewer of the view encodes from. Nothing queues: the subscription
 * keeps only the newest frame and libwebrtc's encoder drops frames it has no time for.
 *
 * <p>Started and closed by {@link Feed} on the engine thread. The source must outlive the pump: close the pump
 * first.
 */
public final class FramePump implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FramePump.class);
    private static final long POLL_MILLIS = 200;

    private final String viewId;
    private final FrameStream frames;
    private final CustomVideoSource sink;
    private final boolean latencyStamp;
    private final Thread thread;
    private final RateWindow rate = new RateWindow();
    private volatile boolean running = true;
    private volatile long framesPushed;

    public FramePump(String viewId, FrameStream frames, CustomVideoSource sink, boolean latencyStamp) {
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

    /** Frames handed to WebRTC per second over the last second. */
    public double framesPerSecond() {
        return rate.perSecond();
    }

    /** Mean time from taking a frame to handing it over (conversion and stamp), in milliseconds. */
    public double millisPerFrame() {
        return rate.meanMillis();
    }

    public long framesPushed() {
        return framesPushed;
    }

    private void run() {
        boolean warnedSize = false;
        while (running) {
            SourceFrame frame;
            try {
                frame = frames.take(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            long start = System.nanoTime();
            if (frame == null) {
                rate.roll(start);
                continue;
            }
            try {
                push(frame);
                framesPushed++;
                rate.record(System.nanoTime(), System.nanoTime() - start);
            } catch (Exception e) {
                if (!warnedSize) {
                    log.warn("View {}: frame {} could not be converted for WebRTC ({}); dropping frames until one"
                            + " converts", viewId, frame.number(), e.toString());
                    warnedSize = true;
                }
            } finally {
                frame.release();
            }
        }
    }

    private void push(SourceFrame frame) throws Exception {
        NativeI420Buffer i420 = NativeI420Buffer.allocate(frame.width(), frame.height());
        VideoBufferConverter.convertToI420(frame.rgba(), i420, FourCC.ABGR);
        if (latencyStamp && LatencyStamp.fits(frame.width(), frame.height())) {
            LatencyStamp.write(i420.getDataY(), i420.getStrideY(), i420.getDataU(), i420.getStrideU(),
                    i420.getDataV(), i420.getStrideV(), frame.capturedEpochMillis());
        }
        // pushFrame does not copy: the frame keeps the buffer until the encoders are done with it.
        VideoFrame video = new VideoFrame(i420, frame.capturedNanos());
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
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        frames.close();
    }
}
