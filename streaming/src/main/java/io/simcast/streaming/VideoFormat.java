package io.simcast.streaming;

import io.simcast.sim.render.Quality;
import io.simcast.sim.render.ViewSpec;

/**
 * The size and rate of the video every viewer receives. Width and height are even because I420 halves them for
 * the chroma planes.
 */
public record VideoFormat(int width, int height, int fps) {
    public static final VideoFormat DEFAULT = new VideoFormat(640, 480, 30);

    public VideoFormat {
        if (width < 16 || width > 3840 || width % 2 != 0) {
            throw new IllegalArgumentException(StreamingMessages.badFrameSize("width", width, 3840));
        }
        if (height < 16 || height > 2160 || height % 2 != 0) {
            throw new IllegalArgumentException(StreamingMessages.badFrameSize("height", height, 2160));
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException(StreamingMessages.badFrameRate(fps));
        }
    }

    /** A frame size in pixels. */
    public record Size(int width, int height) {}

    /**
     * The largest even size of {@code width} x {@code height}'s shape that fits this format's size (at least 16 x 16):
     * what a viewer's own view is rendered at when its page shows the video {@code width} x {@code height} device
     * pixels large. Never larger than the format, so a viewer's view costs the host no more than the format's.
     */
    public Size fit(int width, int height) {
        if (width <= this.width && height <= this.height) {
            return new Size(even(width), even(height));
        }
        if ((long) width * this.height >= (long) height * this.width) { // wider than the format: its width limits
            return new Size(even(this.width), even((double) height * this.width / width));
        }
        return new Size(even((double) width * this.height / height), even(this.height));
    }

    private static int even(double pixels) {
        return Math.max(16, 2 * (int) Math.floor(pixels / 2));
    }

    /**
     * What a view streamed in this format renders: this size and rate in the fast preset (software rendering serves
     * more viewers that way).
     */
    public ViewSpec streamingView() {
        return new ViewSpec(width, height, fps, Quality.FAST);
    }
}
