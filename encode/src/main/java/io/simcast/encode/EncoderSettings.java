package io.simcast.encode;

/**
 * How one encoder is set up. Every encoder runs without B-frames (each frame leaves the encoder as soon as it is
 * encoded, and WebRTC cannot carry them anyway) and with SPS/PPS both in the extradata (MP4 and the WHIP muxer read
 * it) and before every key frame (a viewer who joins mid-stream can start there).
 *
 * @param width picture width in pixels (even)
 * @param height picture height in pixels (even)
 * @param fps the frame rate the stream is declared at (and rate control plans for)
 * @param timeBase the unit of presentation timestamps, in 1/timeBase seconds: 90 000 for live pictures stamped
 *     with their capture time, {@code fps} for recordings made frame by frame
 * @param bitsPerSecond target bitrate
 * @param keyframeSeconds the longest gap between key frames
 * @param live tuned for latency (no lookahead, one frame in, one packet out) rather than for size
 */
public record EncoderSettings(int width, int height, int fps, int timeBase, long bitsPerSecond,
                              double keyframeSeconds, boolean live) {
    /** Bits per pixel and frame for live pictures: about 0.9 Mbit/s at 640x480 and 30 fps, 2.8 at 720p. */
    static final double LIVE_BITS_PER_PIXEL = 0.1;
    /** Recordings are kept and watched again: twice the bits. */
    static final double RECORDING_BITS_PER_PIXEL = 0.2;
    /** A broadcast sends a key frame at least once a second, so that an SFU's new viewers never wait long. */
    public static final double BROADCAST_KEYFRAME_SECONDS = 1;
    /** A recording's fragments are flushed at key frames: a crash loses at most this much. */
    public static final double RECORDING_KEYFRAME_SECONDS = 1;
    /** Live timestamps are in RTP's 90 kHz clock. */
    public static final int LIVE_TIME_BASE = 90_000;

    public EncoderSettings {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException(EncodeMessages.oddSize(width, height));
        }
        if (fps < 1 || timeBase < 1 || bitsPerSecond < 1 || !(keyframeSeconds > 0)) {
            throw new IllegalArgumentException("fps, time base, bitrate and key-frame interval must be positive");
        }
    }

    /** A live picture for viewers (a broadcast to an SFU). */
    public static EncoderSettings broadcast(int width, int height, int fps) {
        return new EncoderSettings(width, height, fps, LIVE_TIME_BASE, bitrate(width, height, fps, LIVE_BITS_PER_PIXEL),
                BROADCAST_KEYFRAME_SECONDS, true);
    }

    /** A recording at {@code fps}, one timestamp unit per frame. */
    public static EncoderSettings recording(int width, int height, int fps) {
        return new EncoderSettings(width, height, fps, fps, bitrate(width, height, fps, RECORDING_BITS_PER_PIXEL),
                RECORDING_KEYFRAME_SECONDS, false);
    }

    /** Frames between key frames that the encoder itself inserts. */
    public int keyframeInterval() {
        return Math.max(1, (int) Math.round(fps * keyframeSeconds));
    }

    /** {@code size} rounded down to even (H.264 wants even sizes; an odd view is scaled by one pixel). */
    public static int even(int size) {
        return Math.max(2, size & ~1);
    }

    private static long bitrate(int width, int height, int fps, double bitsPerPixel) {
        return Math.max(100_000, Math.round((double) width * height * fps * bitsPerPixel));
    }
}
